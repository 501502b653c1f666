#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "booklet/booklet.hpp"
#include "booklet/test_booklet.hpp"
#include "tabular/xlsx_reader.hpp"

namespace lianyin::booklet {
namespace {

namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;

Rows ReadBack(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  const std::string data = bytes.str();
  core::Result<tabular::XlsxReader> reader = tabular::XlsxReader::Open(data);
  EXPECT_TRUE(reader) << reader.error().message;
  if (!reader) return {};
  Rows rows;
  while (auto row = reader->Next()) rows.push_back(std::move(*row));
  EXPECT_FALSE(reader->error()) << reader->error()->message;
  return rows;
}

TEST(RenderXlsx, WritesChineseHeadersAndOneRowPerProjectInReadingOrder) {
  const fs::path path = fs::temp_directory_path() / "booklet_xlsx_test.xlsx";
  Booklet booklet = testing::SampleBooklet(10, 3);
  booklet.projects[9].contract_fen = 12'345'678;  // 123 456.78 元
  booklet.projects[9].score = 92.5;
  ASSERT_TRUE(RenderXlsx(booklet, path.string()));
  const Rows rows = ReadBack(path);
  fs::remove(path);
  ASSERT_EQ(rows.size(), 11u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"类别", "项目名称", "承接组织", "出资单位", "地区",
                                               "年度", "合同金额（元）", "服务人次", "服务对象",
                                               "项目简介", "得分", "名次"}));
  // Category c1 holds projects 0, 3, 6, 9; project 9 ranks first (rank 1).
  const BookletProject& first = booklet.projects[9];
  EXPECT_EQ(rows[1],
            (std::vector<std::string>{"职工法律服务", first.title,
                                      first.providers[0] + "、" + first.providers[1],
                                      first.funding_unit, first.region, "2021", "123456.78", "1533",
                                      first.target_groups, first.story, "92.5", "1"}));
  EXPECT_EQ(rows[4][1], booklet.projects[0].title);
  EXPECT_EQ(rows[5][0], "困难职工帮扶");
}

TEST(RenderXlsx, RejectsAProjectOfAnUnknownCategory) {
  Booklet booklet = testing::SampleBooklet(2, 1);
  booklet.projects[1].category = "nope";
  const core::Result<void> result = RenderXlsx(booklet, "/nonexistent/never.xlsx");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, core::ErrorCode::kValidationFailed);
  ASSERT_EQ(result.error().details.size(), 1u);
  EXPECT_EQ(result.error().details[0].field, "projects[1].category");
}

TEST(RenderXlsx, ThrowsWhenTheFileCannotBeWritten) {
  EXPECT_THROW((void)RenderXlsx(testing::SampleBooklet(1, 1), "/nonexistent/dir/booklet.xlsx"),
               std::runtime_error);
}

}  // namespace
}  // namespace lianyin::booklet
