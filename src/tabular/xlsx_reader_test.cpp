#include "tabular/xlsx_reader.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tabular/test_zip.hpp"

namespace lianyin::tabular {
namespace {

using Rows = std::vector<std::vector<std::string>>;
using testing::BuildXlsx;
using testing::BuildZip;

std::string Sheet(std::string_view rows) {
  return std::string(
             R"(<?xml version="1.0" encoding="UTF-8"?><worksheet )"
             R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)") +
         std::string(rows) + "</sheetData></worksheet>";
}

// Reads every row, failing the test on an error.
Rows ReadAll(const std::string& file, XlsxLimits limits = {}) {
  core::Result<XlsxReader> reader = XlsxReader::Open(file, limits);
  EXPECT_TRUE(reader) << reader.error().message;
  if (!reader) return {};
  Rows rows;
  while (auto row = reader->Next()) {
    EXPECT_EQ(reader->row(), static_cast<std::int64_t>(rows.size()) + 1);
    rows.push_back(std::move(*row));
  }
  EXPECT_FALSE(reader->error()) << reader->error()->message;
  return rows;
}

// The error that opening or reading every row of `file` ends with.
std::string ErrorOf(const std::string& file, XlsxLimits limits = {}) {
  core::Result<XlsxReader> reader = XlsxReader::Open(file, limits);
  if (!reader) return reader.error().message;
  while (reader->Next()) {
  }
  return reader->error() ? reader->error()->message : "(no error)";
}

TEST(XlsxReader, ReadsInlineAndSharedStringsWithRichText) {
  const std::string shared =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">)"
      R"(<si><t>名称</t></si>)"
      R"(<si><r><rPr><b/></rPr><t xml:space="preserve">陕西省 </t></r><r><t>西安市</t></r>)"
      R"(<rPh sb="0" eb="1"><t>フリガナ</t></rPh></si>)"
      R"(<si><t/></si></sst>)";
  const std::string sheet = Sheet(
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>地址</t></is></c>)"
      R"(</row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><r><t>a</t>)"
      R"(</r><r><t xml:space="preserve"> b</t></r></is></c><c r="C2" t="s"><v>2</v></c></row>)");
  EXPECT_EQ(ReadAll(BuildXlsx(sheet, shared)), (Rows{{"名称", "地址"}, {"陕西省 西安市", "a b"}}));
}

TEST(XlsxReader, ReadsNumbersBooleansFormulasAndGaps) {
  const std::string sheet = Sheet(
      R"(<row r="1"><c r="A1"><v>42</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b">)"
      R"(<v>0</v></c><c r="E1"><f>A1*2</f><v>84</v></c><c r="F1" t="str"><f>"x"</f><v>x</v></c>)"
      R"(<c r="G1" t="e"><v>#N/A</v></c><c r="H1" s="3"/></row>)"
      R"(<row r="4"><c r="AA4"><v>1.5</v></c></row><row><c><v>7</v></c><c><v>8</v></c></row>)");
  Rows expected = {{"42", "", "true", "false", "84", "x", "#N/A"}, {}, {}, {}, {"7", "8"}};
  expected[3].resize(27);
  expected[3][26] = "1.5";
  EXPECT_EQ(ReadAll(BuildXlsx(sheet)), expected);
}

TEST(XlsxReader, AcceptsPrefixedElementNames) {
  const std::string sheet =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>v</x:t></x:is></x:c>)"
      R"(</x:row></x:sheetData></x:worksheet>)";
  EXPECT_EQ(ReadAll(BuildXlsx(sheet)), (Rows{{"", "v"}}));
}

TEST(XlsxReader, ReportsMalformedSheetsWithTheRow) {
  struct Case {
    std::string_view rows;
    std::string_view message;
  };
  const Case cases[] = {
      {R"(<row r="1"><c r="A1" t="s"><v>5</v></c></row>)", "shared string index"},
      {R"(<row r="2"/><row r="1"/>)", "out-of-order"},
      {R"(<row r="1"><c r="B1"/><c r="A1"/></row>)", "out of order"},
      {R"(<row r="1"><c r="1A"/></row>)", "invalid"},
      {R"(<row r="1"><c r="A1"><v>1</v></row>)", "malformed XLSX part"},
  };
  for (const Case& c : cases) {
    const std::string message = ErrorOf(BuildXlsx(Sheet(c.rows)));
    EXPECT_NE(message.find(c.message), std::string::npos) << c.rows << " → " << message;
  }
}

TEST(XlsxReader, EnforcesRowColumnAndCellLimits) {
  const std::string rows = BuildXlsx(Sheet(R"(<row r="3"/>)"));
  EXPECT_NE(ErrorOf(rows, XlsxLimits{.max_rows = 2}).find("more than 2 rows"), std::string::npos);
  const std::string columns = BuildXlsx(Sheet(R"(<row r="1"><c r="XFE1"/></row>)"));
  EXPECT_NE(ErrorOf(columns).find("more than 16384 columns"), std::string::npos);
  const std::string cell =
      BuildXlsx(Sheet(R"(<row r="1"><c r="A1"><v>)" + std::string(100, '9') + "</v></c></row>"));
  EXPECT_NE(ErrorOf(cell, XlsxLimits{.max_cell_bytes = 50}).find("longer than 50"),
            std::string::npos);
}

TEST(XlsxReader, ReadsManyWideRowsOneAtATime) {
  // Each row is 16 384 cells wide once its gap is filled: a 64 KiB chunk holds thousands of
  // them, which the reader must not all materialise at once.
  std::string rows;
  for (int i = 1; i <= 3000; ++i) {
    rows += fmt::format(R"(<row r="{0}"><c r="XFD{0}"><v>{0}</v></c></row>)", i);
  }
  const std::string file = BuildXlsx(Sheet(rows));  // the reader views these bytes
  core::Result<XlsxReader> reader = XlsxReader::Open(file);
  ASSERT_TRUE(reader);
  int count = 0;
  while (auto row = reader->Next()) {
    ASSERT_EQ(row->size(), 16'384u);
    EXPECT_EQ(row->back(), std::to_string(++count));
  }
  EXPECT_FALSE(reader->error());
  EXPECT_EQ(count, 3000);
}

TEST(XlsxReader, RefusesADoctype) {
  const std::string sheet =
      R"(<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">]><worksheet/>)";
  EXPECT_NE(ErrorOf(BuildXlsx(sheet)).find("DOCTYPE"), std::string::npos);
}

TEST(XlsxReader, ReportsMissingParts) {
  EXPECT_NE(ErrorOf(BuildZip({{"hello.txt", "hi", true}})).find("xl/workbook.xml is missing"),
            std::string::npos);
  std::string file = BuildXlsx(Sheet(""));
  const std::string renamed = "xl/worksheets/gone.xml";
  // Same length as "xl/worksheets/data.xml", so the archive stays consistent.
  for (std::size_t at = file.find("xl/worksheets/data.xml"); at != std::string::npos;
       at = file.find("xl/worksheets/data.xml", at)) {
    file.replace(at, renamed.size(), renamed);
  }
  EXPECT_NE(ErrorOf(file).find("xl/worksheets/data.xml is missing"), std::string::npos);
  EXPECT_NE(ErrorOf("not a zip at all").find("not a valid XLSX"), std::string::npos);
}

TEST(XlsxReader, ReportsACorruptSheetAfterItsRows) {
  std::string file = BuildXlsx(Sheet(R"(<row r="1"><c r="A1"><v>1</v></c></row>)"));
  // Flip a CRC byte of the sheet in the central directory.
  const std::size_t name = file.rfind("xl/worksheets/data.xml");
  file[name - 46 + 16] ^= 0x55;
  EXPECT_NE(ErrorOf(file).find("CRC-32 mismatch"), std::string::npos);
}

TEST(XlsxReader, SurvivesEveryTruncationAndByteFlip) {
  const std::string shared = R"(<sst><si><t>名称</t></si><si><r><t>a</t></r></si></sst>)";
  const std::string file = BuildXlsx(
      Sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>x</t>)"
            R"(</is></c></row><row r="3"><c r="B3" t="s"><v>1</v></c><c><v>2.5</v></c></row>)"),
      shared);
  ASSERT_EQ(ReadAll(file).size(), 3u);
  for (std::size_t i = 0; i < file.size(); ++i) {
    ErrorOf(file.substr(0, i));  // must fail cleanly, never crash (the ASan preset checks)
    std::string flipped = file;
    flipped[i] = static_cast<char>(flipped[i] ^ 0xA5);
    ErrorOf(flipped);
  }
}

TEST(ExcelSerialToIsoDate, ConvertsSerialNumbers) {
  EXPECT_EQ(ExcelSerialToIsoDate("1"), "1900-01-01");
  EXPECT_EQ(ExcelSerialToIsoDate("59"), "1900-02-28");
  EXPECT_EQ(ExcelSerialToIsoDate("61"), "1900-03-01");
  EXPECT_EQ(ExcelSerialToIsoDate("45017"), "2023-04-01");
  EXPECT_EQ(ExcelSerialToIsoDate("45017.75"), "2023-04-01");
  EXPECT_EQ(ExcelSerialToIsoDate("2958465"), "9999-12-31");
  for (std::string_view bad :
       {"", "0", "60", "-1", "2958466", "1e5", "2023-04-01", "4.5.6", " 1"}) {
    EXPECT_EQ(ExcelSerialToIsoDate(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace lianyin::tabular
