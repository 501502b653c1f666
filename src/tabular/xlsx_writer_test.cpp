#include "tabular/xlsx_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "tabular/xlsx_reader.hpp"
#include "tabular/zip.hpp"

namespace lianyin::tabular {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows ReadAll(const std::string& file) {
  core::Result<XlsxReader> reader = XlsxReader::Open(file);
  EXPECT_TRUE(reader) << reader.error().message;
  if (!reader) return {};
  Rows rows;
  while (auto row = reader->Next()) rows.push_back(std::move(*row));
  EXPECT_FALSE(reader->error()) << reader->error()->message;
  return rows;
}

TEST(XlsxWriter, RoundTripsThroughXlsxReader) {
  XlsxWriter writer;
  writer.AddSheet("社会组织", {30, 20, 12});
  writer.Row({"名称", "地址", "数量", "是否"}, RowStyle::kHeader);
  writer.TypedRow({std::string("社会组织名称"), std::string("陕西省西安市"), 12.0, true});
  writer.TypedRow({std::string("a"), std::monostate(), 2.5, false});
  writer.Row({"", "middle gap", "", "=HYPERLINK(\"http://x\")"});
  writer.Row({});
  writer.Row({"after an empty row"});
  const std::string file = writer.Finish();
  ASSERT_TRUE(file.starts_with("PK\x03\x04"));
  EXPECT_EQ(ReadAll(file), (Rows{{"名称", "地址", "数量", "是否"},
                                 {"社会组织名称", "陕西省西安市", "12", "true"},
                                 {"a", "", "2.5", "false"},
                                 {"", "middle gap", "", "=HYPERLINK(\"http://x\")"},
                                 {},
                                 {"after an empty row"}}));
}

TEST(XlsxWriter, WritesTenThousandRows) {
  XlsxWriter writer;
  writer.Row({"序号", "名称"}, RowStyle::kHeader);
  for (int i = 0; i < 10'000; ++i) writer.Row({std::to_string(i), "组织" + std::to_string(i)});
  const Rows rows = ReadAll(writer.Finish());
  ASSERT_EQ(rows.size(), 10'001u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"0", "组织0"}));
  EXPECT_EQ(rows[10'000], (std::vector<std::string>{"9999", "组织9999"}));
}

TEST(XlsxWriter, CutsOverlongCellsAtExcelsLimit) {
  XlsxWriter writer;
  writer.Row({std::string(40'000, 'a'), std::string(20'000, 'x') + std::string(20'000, 'y')});
  const Rows rows = ReadAll(writer.Finish());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].size(), 32'767u);
}

TEST(XlsxWriter, RemovesItsTempFile) {
  const std::filesystem::path path = XlsxWriter::UniqueTempPath();
  {
    XlsxWriter writer(path);
    writer.Row({"x"});
    EXPECT_FALSE(writer.Finish().empty());
    EXPECT_FALSE(std::filesystem::exists(path));
  }
  {
    XlsxWriter abandoned(path);
    abandoned.Row({"x"});
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(XlsxWriter, RejectsInvalidSheetNames) {
  XlsxWriter writer;
  EXPECT_THROW(writer.AddSheet("a/b"), std::invalid_argument);
  EXPECT_THROW(writer.AddSheet(std::string(32, 'a')), std::invalid_argument);
}

// The text of part `name` of the package `file`.
std::string Part(const std::string& file, std::string_view name) {
  auto archive = ZipArchive::Open(file);
  EXPECT_TRUE(archive);
  if (!archive || archive->Find(name) == nullptr) return "";
  auto text = archive->ReadAll(*archive->Find(name));
  return text ? *text : "";
}

TEST(XlsxWriter, ListRangesAreAbsoluteAndQuoted) {
  EXPECT_EQ(XlsxWriter::ListRange("选项", 0, 1, 4), "'选项'!$A$2:$A$5");
  EXPECT_EQ(XlsxWriter::ListRange("it's", 27, 0, 1), "'it''s'!$AB$1:$AB$1");
}

// A template: data first (what XlsxReader reads), then instructions, then a hidden list sheet
// behind the drop-downs of the first.
TEST(XlsxWriter, SeveralSheetsDropDownsAndAHiddenListSheet) {
  XlsxWriter writer;
  writer.AddSheet("社会组织", {20, 12});
  writer.Row({"名称", "类型"}, RowStyle::kHeader);
  writer.DropDown(1, 1, XlsxWriter::ListRange("选项", 0, 0, 2), true, "请选择组织类型");
  writer.DropDown(0, 1, XlsxWriter::ListRange("选项", 1, 0, 1), false);
  writer.Row({"西安职工服务中心", "社会团体"});
  writer.AddSheet("填写说明");
  writer.Row({"列名", "说明"}, RowStyle::kHeader);
  writer.AddSheet("选项");
  writer.Row({"社会团体", "任意"});
  writer.Row({"基金会"});
  writer.HideSheet();
  const std::string file = writer.Finish();

  EXPECT_EQ(ReadAll(file), (Rows{{"名称", "类型"}, {"西安职工服务中心", "社会团体"}}));
  const std::string workbook = Part(file, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"填写说明\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"选项\" sheetId=\"3\" state=\"hidden\""), std::string::npos)
      << workbook;
  const std::string sheet = Part(file, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<dataValidations count=\"2\">"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("sqref=\"B2:B1048576\""), std::string::npos);
  EXPECT_NE(sheet.find("<formula1>'选项'!$A$1:$A$2</formula1>"), std::string::npos);
  EXPECT_NE(sheet.find("prompt=\"请选择组织类型\""), std::string::npos);
  EXPECT_NE(sheet.find("errorStyle=\"warning\""), std::string::npos);
  EXPECT_EQ(Part(file, "xl/worksheets/sheet3.xml").find("dataValidation"), std::string::npos);
}

}  // namespace
}  // namespace lianyin::tabular
