// The organisation registry over HTTP (SPEC §4 "Organisations"): validation codes, duplicates,
// substring search, lifecycle, links and public disclosure.

#include <gtest/gtest.h>

#include "api/api_fixture.hpp"
#include "tabular/encoding.hpp"
#include "tabular/xlsx_reader.hpp"
#include "tabular/xlsx_writer.hpp"

namespace lianyin::test {
namespace {

class OrgApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    civil_ = MakeUnit("陕西省民政厅", "civil_affairs", root);
    union_ = MakeUnit("陕西省总工会", "union", root);
  }

  std::int64_t MakeUnit(const std::string& name, const std::string& kind, std::int64_t parent) {
    auto r = Call(
        admin_, "POST", "/api/v1/units",
        boost::json::serialize(boost::json::object{
            {"name", name}, {"kind", kind}, {"region_code", "610000"}, {"parent_id", parent}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  boost::json::object Body(const std::string& name, const std::string& uscc) {
    return {{"name", name},
            {"uscc", uscc},
            {"org_type", "social_service"},
            {"region_code", "610000"},
            {"registration_unit_id", civil_},
            {"legal_rep", "王伟"},
            {"phone", "13912345678"},
            {"founded_on", "2015-06-01"},
            {"business_scope", "职工技能培训"},
            {"service_categories", {"skills"}},
            {"labour_field", true}};
  }

  HttpResult Create(const boost::json::object& body) {
    return Call(admin_, "POST", "/api/v1/orgs", boost::json::serialize(body));
  }

  Session admin_;
  std::int64_t civil_ = 0, union_ = 0;
};

TEST_P(OrgApiTest, CreateValidatesFieldsAndRefusesDuplicates) {
  auto bad = Body("陕西职工服务中心", "52610100MJ0000001X");
  bad["phone"] = "123";
  auto invalid = Create(bad);
  ASSERT_EQ(invalid.status, 422) << invalid.body;
  std::vector<std::string> fields;
  const boost::json::object answer = Json(invalid);
  for (const auto& d : answer.at("error").at("details").as_array()) {
    fields.emplace_back(d.at("field").as_string());
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"uscc", "phone"}));
  // People read the reasons in Chinese unless they ask for English; field names stay codes.
  EXPECT_EQ(invalid.Header("content-language"), "zh-CN");
  EXPECT_EQ(answer.at("error").at("message").as_string(), "有 2 处填写不正确");
  EXPECT_EQ(answer.at("error").at("details").at(0).at("message").as_string(),
            "统一社会信用代码校验位不正确");
  auto in_english = Send(port_, "POST", "/api/v1/orgs",
                         {{"Cookie", admin_.cookie},
                          {"X-CSRF-Token", admin_.csrf},
                          {"Content-Type", "application/json"},
                          {"Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"}},
                         boost::json::serialize(bad));
  EXPECT_EQ(in_english.Header("content-language"), "en");
  EXPECT_EQ(Json(in_english).at("error").at("details").at(0).at("message").as_string(),
            "credit code check character is wrong");

  auto created = Create(Body("陕西职工服务中心", "52610100mj0000001w"));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Json(created).at("uscc").as_string(), "52610100MJ0000001W");
  EXPECT_EQ(Json(created).at("status").as_string(), "registered");
  EXPECT_GT(Json(created).at("id").as_int64(), 0);
  auto duplicate = Create(Body("另一个中心", "52610100MJ0000001W"));
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(ErrorCode(duplicate), "conflict");
  // The conflict names the holder, in the message and under the field.
  EXPECT_EQ(Json(duplicate).at("error").at("message").as_string(),
            "统一社会信用代码已被“陕西职工服务中心”使用");
  EXPECT_EQ(Json(duplicate).at("error").at("details").at(0).at("field").as_string(), "uscc");
  EXPECT_EQ(Json(duplicate).at("error").at("details").at(0).at("message").as_string(),
            "已被“陕西职工服务中心”使用");
  auto one_field =
      Call(admin_, "PATCH", "/api/v1/orgs/" + std::to_string(Json(created).at("id").as_int64()),
           R"({"phone":"12"})");
  ASSERT_EQ(one_field.status, 422) << one_field.body;
  EXPECT_EQ(Json(one_field).at("error").at("message").as_string(),
            "联系电话：必须是手机号码或固定电话号码");
  EXPECT_EQ(Call(admin_, "POST", "/api/v1/orgs", "{\"name\":").status, 400);
  auto missing = Call(admin_, "POST", "/api/v1/orgs", "{}");
  EXPECT_EQ(missing.status, 422);
  EXPECT_GE(Json(missing).at("error").at("details").as_array().size(), 10u);
}

TEST_P(OrgApiTest, QMatchesAnyPartOfTheName) {
  ASSERT_EQ(Create(Body("陕西职工服务中心", "52610100MJ0000001W")).status, 201);
  ASSERT_EQ(Create(Body("碑林区工会志愿者协会", "52610100MJ00000020")).status, 201);
  const auto total = [&](const std::string& query) {
    auto r = Call(admin_, "GET", "/api/v1/orgs?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return Json(r).at("total").as_int64();
  };
  EXPECT_EQ(total("q=%E5%B7%A5"), 2);                    // 工
  EXPECT_EQ(total("q=%E6%9C%8D%E5%8A%A1%E4%B8%AD"), 1);  // 服务中
  EXPECT_EQ(total("q=%E5%BF%97%E6%84%BF%E8%80%85"), 1);  // 志愿者
  EXPECT_EQ(total("q=&region_code=610000"), 2);          // empty q counts as absent
  EXPECT_EQ(total("region_code=110000"), 0);
  EXPECT_EQ(total("category=skills&labour_field=true"), 2);
  EXPECT_EQ(Call(admin_, "GET", "/api/v1/orgs?status=alive&labour_field=maybe").status, 422);
  EXPECT_EQ(Call(admin_, "GET", "/api/v1/orgs?page_size=201").status, 422);
}

TEST_P(OrgApiTest, LifecycleAndTimeline) {
  auto application = Body("陕西职工服务中心", "52610100MJ0000001W");
  application["status"] = "applying";
  auto created = Create(application);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = std::to_string(Json(created).at("id").as_int64());
  EXPECT_EQ(Call(admin_, "POST", "/api/v1/orgs/" + id + "/transitions",
                 R"({"to":"abnormal","reason":"x"})")
                .status,
            409);
  auto review =
      Call(admin_, "POST", "/api/v1/orgs/" + id + "/review",
           R"({"decision":"approve","business_scope_ok":true,"non_profit_purpose":true,)"
           R"("no_profit_distribution":true,"assets_for_public_benefit":true,"comment":"齐全"})");
  ASSERT_EQ(review.status, 200) << review.body;
  EXPECT_EQ(Json(review).at("status").as_string(), "registered");
  auto abnormal = Call(admin_, "POST", "/api/v1/orgs/" + id + "/transitions",
                       R"({"to":"abnormal","reason":"未按时报送年报"})");
  ASSERT_EQ(abnormal.status, 200) << abnormal.body;
  EXPECT_EQ(Call(admin_, "PATCH", "/api/v1/orgs/" + id, R"({"status":"registered"})").status, 422);
  auto history = Call(admin_, "GET", "/api/v1/orgs/" + id + "/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_EQ(Json(history).at("total").as_int64(), 3);  // create, review, transition
  EXPECT_EQ(Json(history).at("items").at(2).at("reason").as_string(), "未按时报送年报");
}

TEST_P(OrgApiTest, LinksAndPublicDisclosure) {
  auto created = Create(Body("陕西职工服务中心", "52610100MJ0000001W"));
  const std::int64_t id = Json(created).at("id").as_int64();
  const std::string links = "/api/v1/units/" + std::to_string(union_) + "/org-links";
  auto link =
      Call(admin_, "POST", links,
           boost::json::serialize(boost::json::object{{"org_id", id}, {"since", "2022-01-01"}}));
  ASSERT_EQ(link.status, 201) << link.body;
  EXPECT_EQ(Call(admin_, "POST", links, boost::json::serialize(boost::json::object{{"org_id", id}}))
                .status,
            409);
  EXPECT_EQ(Json(Call(admin_, "GET", links)).at("total").as_int64(), 1);
  EXPECT_EQ(Call(admin_, "DELETE", links + "/" + std::to_string(id)).status, 200);
  EXPECT_EQ(Json(Call(admin_, "GET", links)).at("total").as_int64(), 0);

  auto page = Send(port_, "GET", "/api/public/orgs/52610100mj0000001w");
  ASSERT_EQ(page.status, 200) << page.body;
  const auto body = Json(page);
  EXPECT_EQ(body.at("name").as_string(), "陕西职工服务中心");
  EXPECT_EQ(body.at("phone").as_string(), "139****5678");
  EXPECT_EQ(body.at("legal_rep").as_string(), "王*");
  EXPECT_FALSE(body.contains("business_scope"));
  EXPECT_TRUE(body.at("credit_entries").as_array().empty());
  EXPECT_EQ(Send(port_, "GET", "/api/public/orgs/52610100MJ00000020").status, 404);
}

std::string CsvLine(const std::vector<std::string>& cells) {
  std::string line;
  for (const std::string& c : cells) line += (line.empty() ? "" : ",") + c;
  return line + "\r\n";
}

TEST_P(OrgApiTest, ImportIsAllOrNothingWithRowErrors) {
  const std::string unit = std::to_string(civil_);
  const std::string header =
      CsvLine({"name", "uscc", "org_type", "region_code", "legal_rep", "phone", "founded_on",
               "business_scope", "service_categories", "labour_field", "registration_unit_id"});
  const auto row = [&](const std::string& name, const std::string& uscc) {
    return CsvLine({name, uscc, "social_service", "610000", "王伟", "13912345678", "2015-06-01",
                    "职工服务", "skills;health", "是", unit});
  };
  const std::string bad =
      header + row("陕西职工服务中心", "52610100MJ0000001W") + row("坏", "52610100MJ0000001X");
  auto refused =
      Send(port_, "POST", "/api/v1/orgs/import",
           {{"Cookie", admin_.cookie}, {"X-CSRF-Token", admin_.csrf}, {"Content-Type", "text/csv"}},
           bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  const boost::json::object answer = Json(refused);
  for (const auto& d : answer.at("error").at("details").as_array()) {
    EXPECT_EQ(d.at("row").as_int64(), 3);  // the header is row 1
  }
  EXPECT_EQ(Json(Call(admin_, "GET", "/api/v1/orgs")).at("total").as_int64(), 0);

  // GB18030, as Excel on Chinese Windows saves CSV.
  const std::string good = header + row("陕西职工服务中心", "52610100MJ0000001W") +
                           row("碑林区工会服务站", "52610100MJ00000020");
  auto imported =
      Send(port_, "POST", "/api/v1/orgs/import",
           {{"Cookie", admin_.cookie}, {"X-CSRF-Token", admin_.csrf}, {"Content-Type", "text/csv"}},
           tabular::FromUtf8ToGb18030(good).value());
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(Json(imported).at("imported").as_int64(), 2);
  EXPECT_EQ(Json(Call(admin_, "GET", "/api/v1/orgs?q=%E7%A2%91%E6%9E%97")).at("total").as_int64(),
            1);  // 碑林
  EXPECT_EQ(
      Send(port_, "POST", "/api/v1/orgs/import",
           {{"Cookie", admin_.cookie}, {"X-CSRF-Token", admin_.csrf}, {"Content-Type", "text/csv"}},
           good)
          .status,
      422);  // duplicates with the registry
}

TEST_P(OrgApiTest, XlsxMultipartImportTemplateReportAndExport) {
  tabular::XlsxWriter xlsx;
  xlsx.AddSheet("orgs");
  xlsx.Row({"uscc", "name", "org_type", "region_code", "legal_rep", "phone", "founded_on",
            "business_scope", "registration_unit_id"});
  xlsx.Row({"52610100MJ0000001W", "陕西职工服务中心", "social_service", "610000", "王伟",
            "029-88886666", "2015-06-01", "职工服务", std::to_string(civil_)});
  const std::string file = xlsx.Finish();
  const std::string boundary = "lianyin-test-boundary";
  const std::string body =
      "--" + boundary +
      "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orgs.xlsx\""
      "\r\nContent-Type: application/octet-stream\r\n\r\n" +
      file + "\r\n--" + boundary + "--\r\n";
  auto imported = Send(port_, "POST", "/api/v1/orgs/import",
                       {{"Cookie", admin_.cookie},
                        {"X-CSRF-Token", admin_.csrf},
                        {"Content-Type", "multipart/form-data; boundary=" + boundary}},
                       body);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(Json(imported).at("imported").as_int64(), 1);

  auto report = Send(port_, "POST", "/api/v1/orgs/import/report",
                     {{"Cookie", admin_.cookie},
                      {"X-CSRF-Token", admin_.csrf},
                      {"Content-Type", "multipart/form-data; boundary=" + boundary}},
                     body);
  ASSERT_EQ(report.status, 200);
  auto reader = tabular::XlsxReader::Open(report.body);
  ASSERT_TRUE(reader);
  auto head = reader->Next();
  ASSERT_TRUE(head);
  EXPECT_EQ(head->back(), "错误原因");
  auto failing = reader->Next();
  ASSERT_TRUE(failing);  // the same file again: its row now duplicates the registry
  EXPECT_EQ((*failing)[failing->size() - 2], "2");

  auto templ = Call(admin_, "GET", "/api/v1/orgs/import/template?format=xlsx");
  ASSERT_EQ(templ.status, 200);
  EXPECT_TRUE(templ.body.starts_with("PK"));
  auto csv = Call(admin_, "GET", "/api/v1/orgs/export?format=csv&region_code=610000");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF组织名称,统一社会信用代码"));
  EXPECT_NE(csv.body.find("52610100MJ0000001W"), std::string::npos);
  EXPECT_NE(csv.body.find("029-88886666"), std::string::npos);
  EXPECT_EQ(Call(admin_, "GET", "/api/v1/orgs/export?format=pdf").status, 422);
  auto sheet = Call(admin_, "GET", "/api/v1/orgs/export?format=xlsx");
  ASSERT_EQ(sheet.status, 200);
  EXPECT_TRUE(sheet.body.starts_with("PK"));
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(OrgApiTest);

}  // namespace
}  // namespace lianyin::test
