// The registry's files over HTTP, Chinese first (issue #8): Chinese headers and labels in and
// out, units and regions by name, the template's example row, export → edit → re-import, file
// names, and Chinese reasons in the error report.

#include <gtest/gtest.h>

#include "api/api_fixture.hpp"
#include "core/date.hpp"
#include "tabular/csv.hpp"
#include "tabular/table_reader.hpp"
#include "tabular/xlsx_reader.hpp"
#include "tabular/xlsx_writer.hpp"

namespace lianyin::test {
namespace {

using Table = std::vector<std::vector<std::string>>;

const std::vector<std::string> kChineseHeader = {
    "组织名称", "统一社会信用代码", "组织类型", "所在区域", "登记管理机关", "法定代表人",
    "联系电话", "成立日期",         "业务范围", "服务类别", "是否劳动领域", "登记状态"};

std::string Csv(const Table& table) {
  std::string out;
  tabular::CsvWriter csv(&out);
  for (const auto& row : table) csv.Row(row);
  csv.Flush();
  return out;
}

std::string Xlsx(const Table& table) {
  tabular::XlsxWriter xlsx;
  for (const auto& row : table) xlsx.Row(row);
  return xlsx.Finish();
}

Table Rows(const std::string& file, std::string_view content_type) {
  auto table = tabular::OpenTable(file, content_type);
  EXPECT_TRUE(table);
  Table rows;
  if (!table) return rows;
  while (auto row = (*table)->Next()) rows.push_back(std::move(*row));
  return rows;
}

// `table` with every row `width` cells long (XLSX rows drop their trailing empty cells).
Table Padded(Table table, std::size_t width) {
  for (auto& row : table) row.resize(width);
  return table;
}

std::string Today() {
  std::string date = core::FormatDate(core::LocalDate(core::Now()));
  std::erase(date, '-');
  return date;
}

class OrgImportApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    shaanxi_ = MakeUnit(admin_, "陕西省民政厅", "civil_affairs", "610000", root);
    beijing_ = MakeUnit(admin_, "北京市民政局", "civil_affairs", "110000", root);
    MakeUnit(admin_, "民政局", "civil_affairs", "610000", shaanxi_);
    MakeUnit(admin_, "民政局", "civil_affairs", "110100", beijing_);
  }

  // POSTs `file` to `target` as admin, in English (Accept-Language: en).
  HttpResult Upload(const std::string& target, const std::string& file,
                    const std::string& content_type) {
    return Send(port_, "POST", target,
                {{"Cookie", admin_.cookie},
                 {"X-CSRF-Token", admin_.csrf},
                 {"Accept-Language", "en"},
                 {"Content-Type", content_type}},
                file);
  }

  std::vector<std::string> Row(const std::string& name, const std::string& uscc) {
    return {name,   uscc,          "社会团体",   "陕西省",   "陕西省民政厅",
            "王伟", "13912345678", "2015-06-01", "职工服务", "职工健康服务类；公益志愿服务类",
            "是",   "登记"};
  }

  Session admin_;
  std::int64_t shaanxi_ = 0;
  std::int64_t beijing_ = 0;
};

TEST_P(OrgImportApiTest, ChineseHeadersAndLabelsImportFromCsvAndXlsx) {
  auto csv =
      Upload("/api/v1/orgs/import",
             Csv({kChineseHeader, Row("陕西职工服务中心", Uscc("51610000MJ0000001"))}), "text/csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(Json(csv).at("imported").as_int64(), 1);
  auto xlsx = Upload("/api/v1/orgs/import",
                     Xlsx({kChineseHeader, Row("陕西职工文体协会", Uscc("51610000MJ0000002"))}),
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  auto list = Json(Call(admin_, "GET", "/api/v1/orgs?q=%E9%99%95%E8%A5%BF"));  // 陕西
  ASSERT_EQ(list.at("total").as_int64(), 2);
  for (const auto& item : list.at("items").as_array()) {
    EXPECT_EQ(item.at("org_type").as_string(), "social_group");
    EXPECT_EQ(item.at("region_code").as_string(), "610000");
    EXPECT_EQ(item.at("registration_unit_id").as_int64(), shaanxi_);
    EXPECT_TRUE(item.at("labour_field").as_bool());
  }
}

TEST_P(OrgImportApiTest, AnAmbiguousUnitNameIsARowErrorAndTheReportSaysWhyInChinese) {
  Table table = {kChineseHeader, Row("陕西职工服务中心", Uscc("51610000MJ0000001"))};
  table[1][4] = "民政局";
  auto refused = Upload("/api/v1/orgs/import", Csv(table), "text/csv");
  ASSERT_EQ(refused.status, 422) << refused.body;
  const boost::json::object answer = Json(refused);
  const auto& detail = answer.at("error").at("details").as_array().at(0).as_object();
  EXPECT_EQ(detail.at("row").as_int64(), 2);
  EXPECT_EQ(detail.at("field").as_string(), "registration_unit_id");
  EXPECT_EQ(detail.at("message").as_string(),
            "names several units: 民政局（陕西省民政厅）、民政局（北京市民政局）; write the name "
            "with its parent in brackets");

  auto report = Upload("/api/v1/orgs/import/report", Csv(table), "text/csv");
  ASSERT_EQ(report.status, 200);
  EXPECT_EQ(
      report.Header("content-disposition"),
      "attachment; filename=\"import-errors_" + Today() +
          ".xlsx\"; filename*=UTF-8''%E5%AF%BC%E5%85%A5%E9%94%99%E8%AF%AF%E6%8A%A5%E5%91%8A_" +
          Today() + ".xlsx");
  const Table rows = Rows(report.body, "application/octet-stream");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][12], "2");
  EXPECT_TRUE(rows[1][13].starts_with("登记管理机关：对应多个单位：民政局（陕西省民政厅）"))
      << rows[1][13];

  table[1][4] = "民政局（陕西省民政厅）";
  EXPECT_EQ(Upload("/api/v1/orgs/import", Csv(table), "text/csv").status, 200);
}

TEST_P(OrgImportApiTest, TheTemplateDownloadsUnderItsChineseNameAndItsExampleImports) {
  auto templ = Call(admin_, "GET", "/api/v1/orgs/import/template");
  ASSERT_EQ(templ.status, 200);
  EXPECT_EQ(templ.Header("content-disposition"),
            "attachment; filename=\"orgs-template.xlsx\"; filename*=UTF-8''"
            "%E7%A4%BE%E4%BC%9A%E7%BB%84%E7%BB%87%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx");
  const Table rows = Rows(templ.body, "application/octet-stream");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], kChineseHeader);
  auto imported = Upload("/api/v1/orgs/import", templ.body, "application/octet-stream");
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(Json(imported).at("imported").as_int64(), 1);

  auto csv = Call(admin_, "GET", "/api/v1/orgs/import/template?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF组织名称,统一社会信用代码,"));
}

// Export, import the file again unchanged (nothing changes), then with one edited cell (exactly
// that field changes) — as CSV and as XLSX.
TEST_P(OrgImportApiTest, ExportEditReimportRoundTrips) {
  ASSERT_EQ(Upload("/api/v1/orgs/import",
                   Csv({kChineseHeader, Row("陕西职工服务中心", Uscc("51610000MJ0000001")),
                        Row("陕西职工文体协会", Uscc("51610000MJ0000002"))}),
                   "text/csv")
                .status,
            200);
  const auto export_csv = [&] {
    auto r = Call(admin_, "GET", "/api/v1/orgs/export?format=csv");
    EXPECT_EQ(r.status, 200);
    return r;
  };
  const HttpResult first = export_csv();
  EXPECT_EQ(first.Header("content-disposition"),
            "attachment; filename=\"orgs_" + Today() +
                ".csv\"; filename*=UTF-8''%E7%A4%BE%E4%BC%9A%E7%BB%84%E7%BB%87%E5%90%8D%E5%BD%95_" +
                Today() + ".csv");
  Table rows = Rows(first.body, "text/csv");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].back(), "评估等级");
  EXPECT_EQ(rows[1][2], "社会团体");
  EXPECT_EQ(rows[1][3], "陕西省");
  EXPECT_EQ(rows[1][4], "陕西省民政厅");
  EXPECT_EQ(rows[1][10], "是");
  EXPECT_EQ(rows[1][11], "登记");

  auto same = Upload("/api/v1/orgs/import?update_existing=true", first.body, "text/csv");
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(Json(same).at("updated").as_int64(), 0);
  EXPECT_EQ(Json(same).at("unchanged").as_int64(), 2);
  EXPECT_EQ(export_csv().body, first.body);

  rows[2][6] = "029-88886666";
  auto edited = Upload("/api/v1/orgs/import?update_existing=true", Csv(rows), "text/csv");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(Json(edited).at("updated").as_int64(), 1);
  Table after = Rows(export_csv().body, "text/csv");
  EXPECT_EQ(after, rows);

  auto sheet = Call(admin_, "GET", "/api/v1/orgs/export?format=xlsx");
  ASSERT_EQ(sheet.status, 200);
  EXPECT_NE(sheet.Header("content-disposition").find(".xlsx\"; filename*=UTF-8''"),
            std::string::npos);
  Table from_xlsx = Rows(sheet.body, "application/octet-stream");
  from_xlsx = Padded(from_xlsx, rows[0].size());
  EXPECT_EQ(from_xlsx, Padded(rows, rows[0].size()));
  from_xlsx[1][9] = "职工子女服务类";
  auto reimported = Upload("/api/v1/orgs/import?update_existing=true", Xlsx(from_xlsx),
                           "application/octet-stream");
  ASSERT_EQ(reimported.status, 200) << reimported.body;
  EXPECT_EQ(Json(reimported).at("updated").as_int64(), 1);
  EXPECT_EQ(Json(reimported).at("unchanged").as_int64(), 1);
  EXPECT_EQ(Padded(Rows(export_csv().body, "text/csv"), from_xlsx[0].size()), from_xlsx);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(OrgImportApiTest);

}  // namespace
}  // namespace lianyin::test
