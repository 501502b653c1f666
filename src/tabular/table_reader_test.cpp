#include "tabular/table_reader.hpp"

#include <gtest/gtest.h>

#include "tabular/encoding.hpp"
#include "tabular/xlsx_writer.hpp"

namespace lianyin::tabular {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows ReadAll(std::string_view bytes, std::string_view content_type) {
  core::Result<std::unique_ptr<TableReader>> table = OpenTable(bytes, content_type);
  EXPECT_TRUE(table) << table.error().message;
  if (!table) return {};
  Rows rows;
  while (auto row = (*table)->Next()) rows.push_back(std::move(*row));
  EXPECT_FALSE((*table)->error());
  return rows;
}

const Rows kRows = {{"name", "region"}, {"社会组织名称", "陕西省西安市"}};

std::string Xlsx() {
  XlsxWriter writer;
  for (const auto& row : kRows) writer.Row(row);
  return writer.Finish();
}

TEST(OpenTable, ReadsCsvInEitherEncoding) {
  const std::string utf8 = "name,region\r\n社会组织名称,陕西省西安市\r\n";
  EXPECT_EQ(ReadAll(utf8, "text/csv"), kRows);
  EXPECT_EQ(ReadAll(std::string(kUtf8Bom) + utf8, "application/csv"), kRows);
  EXPECT_EQ(ReadAll(FromUtf8ToGb18030(utf8).value(), "Text/CSV; charset=GBK"), kRows);
  EXPECT_EQ(ReadAll(utf8, ""), kRows);
}

TEST(OpenTable, ReadsXlsxByMediaTypeOrSignature) {
  const std::string xlsx = Xlsx();
  EXPECT_EQ(ReadAll(xlsx, kXlsxMediaType), kRows);
  EXPECT_EQ(ReadAll(xlsx, "application/octet-stream"), kRows);
}

TEST(OpenTable, ReportsUndecodableOrBrokenFiles) {
  EXPECT_FALSE(OpenTable("not a workbook", kXlsxMediaType));
  EXPECT_FALSE(OpenTable("PK\x03\x04truncated", "application/octet-stream"));
  // Bytes that are neither UTF-8 nor GB18030 (0xFF never starts a GB18030 sequence).
  EXPECT_FALSE(OpenTable("a,b\n\xFF\xFF\n", "text/csv"));
}

}  // namespace
}  // namespace lianyin::tabular
