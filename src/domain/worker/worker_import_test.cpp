#include "domain/worker/worker_import.hpp"

#include <gtest/gtest.h>

#include "tabular/table_reader.hpp"

namespace lianyin::domain::worker {
namespace {

const core::Date kToday = core::ParseDate("2026-05-01").value();

org::ImportPlaces Places() {
  return org::ImportPlaces({}, {{"350000", "福建省", "100000"},
                                {"350100", "福州市", "350000"},
                                {"350102", "鼓楼区", "350100"},
                                {"100000", "中华人民共和国", ""}});
}

using Rows = std::vector<std::vector<std::string>>;

std::vector<std::string> Where(const ParsedImport& p) {
  std::vector<std::string> out;
  for (const core::FieldError& e : p.errors) {
    out.push_back(std::to_string(e.row.value_or(0)) + ":" + e.field);
  }
  return out;
}

TEST(WorkerImport, ReadsChineseHeadersNamesAndLabels) {
  const Rows rows = {{"姓名", "手机号", "身份证号", "工作单位", "所在地区", "职工群体"},
                     {"王小明", "13912345678", "11010519491231002X", "环卫所", "福建省福州市鼓楼区",
                      "环卫职工、农民工"},
                     {},
                     {"李四", "13912345679", "", "", "350100", "model_workers,女职工"}};
  const ParsedImport p = ParseImport(rows, Places(), kToday);
  ASSERT_TRUE(p.errors.empty()) << Where(p).at(0);
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0].row, 2);
  EXPECT_EQ(p.rows[0].worker.region_code, "350102");
  EXPECT_EQ(p.rows[0].worker.groups,
            (std::vector<std::string>{"migrant_workers", "sanitation_workers"}));
  EXPECT_EQ(p.rows[1].row, 4);
  EXPECT_FALSE(p.rows[1].worker.id_number);
  EXPECT_EQ(p.rows[1].worker.groups, (std::vector<std::string>{"model_workers", "women_workers"}));
}

TEST(WorkerImport, AcceptsEnglishFieldNamesInAnyOrder) {
  const Rows rows = {{"Region_Code", "phone", "name"}, {"350102", "13912345678", "王小明"}};
  const ParsedImport p = ParseImport(rows, Places(), kToday);
  ASSERT_TRUE(p.errors.empty());
  EXPECT_EQ(p.rows.at(0).worker.phone, "13912345678");
}

TEST(WorkerImport, RowErrorsNameRowAndColumn) {
  const Rows rows = {{"姓名", "手机号", "身份证号", "所在地区", "职工群体"},
                     {"王小明", "13912345678", "110105194912310021", "鼓楼区", ""},
                     {"李四", "13912345678", "", "火星", "宇航员"},
                     {"", "139", "", "350102", ""}};
  const ParsedImport p = ParseImport(rows, Places(), kToday);
  EXPECT_EQ(Where(p), (std::vector<std::string>{"2:id_number", "3:region_code", "3:groups",
                                                "4:name", "4:phone"}));
  EXPECT_TRUE(p.rows.empty());
}

TEST(WorkerImport, APhoneRepeatedInTheFileIsAnErrorOfTheLaterRow) {
  const Rows rows = {{"姓名", "手机号", "所在地区"},
                     {"王小明", "13912345678", "350102"},
                     {"李四", "139-1234-5678", "350102"}};
  const ParsedImport p = ParseImport(rows, Places(), kToday);
  EXPECT_EQ(Where(p), std::vector<std::string>{"3:phone"});
  EXPECT_EQ(p.errors.at(0).message, "duplicates row 2");
}

TEST(WorkerImport, UnknownAndMissingColumnsAreErrorsOfRowOne) {
  const Rows rows = {{"姓名", "血型"}, {"王小明", "A"}};
  const ParsedImport p = ParseImport(rows, Places(), kToday);
  EXPECT_EQ(Where(p), (std::vector<std::string>{"1:血型", "1:phone", "1:region_code"}));
}

TEST(WorkerImport, AnExportRowIsMaskedAndInChinese) {
  Worker w;
  w.name = "王小明";
  w.phone_masked = "139****5678";
  w.id_number_masked = "1101**********002X";
  w.region_code = "350102";
  w.region_name = "鼓楼区";
  w.groups = {"sanitation_workers", "migrant_workers"};
  w.unit_name = "福州市总工会";
  const std::vector<std::string> headers = ExportHeaders();
  ASSERT_EQ(headers.size(), 8u);
  EXPECT_EQ(std::vector<std::string>(headers.begin(), headers.begin() + 6), ImportHeaders());
  EXPECT_EQ(headers[6], "登记单位");
  EXPECT_EQ(
      ExportRow(w, Places()),
      (std::vector<std::string>{"王小明", "139****5678", "1101**********002X", "",
                                "福建省福州市鼓楼区", "环卫职工、农民工", "福州市总工会", "否"}));
  w.region_code = "999999";
  w.phone_masked.reset();
  w.has_account = true;
  const std::vector<std::string> row = ExportRow(w, Places());
  EXPECT_EQ(row[1], "");
  EXPECT_EQ(row[4], "鼓楼区") << "a code the table lacks keeps the worker's region name";
  EXPECT_EQ(row[7], "是");
}

TEST(WorkerImport, TheCsvTemplateImportsAsItIs) {
  const std::string csv = TemplateCsv();
  auto table = tabular::OpenTable(csv, "text/csv");
  ASSERT_TRUE(table);
  Rows rows;
  while (auto row = (*table)->Next()) rows.push_back(*row);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], ImportHeaders());
  const ParsedImport p = ParseImport(rows, Places(), kToday);
  EXPECT_TRUE(p.errors.empty()) << Where(p).at(0);
  EXPECT_EQ(p.rows.size(), 1u);
  EXPECT_FALSE(TemplateXlsx().empty());
}

}  // namespace
}  // namespace lianyin::domain::worker
