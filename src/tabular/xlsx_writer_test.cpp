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

}  // namespace
}  // namespace lianyin::tabular
