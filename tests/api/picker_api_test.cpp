// The reads behind the web app's pickers and the public search over HTTP: GET /api/v1/workers
// (scoped, paged, by name), units with their parents' names, and GET /api/public/orgs?q= (no
// login, disclosed organisations only, personal data masked, small pages).

#include <gtest/gtest.h>

#include "api/api_fixture.hpp"
#include "domain/account/worker_repo.hpp"

namespace lianyin::test {
namespace {

class PickerApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    root_ = units_->RootUnit().value().id;
  }

  std::int64_t MakeWorker(std::int64_t unit, const std::string& name) {
    store::Session session = db().Acquire();
    return domain::account::WorkerRepo(session).Insert(unit, name, "2026-01-01T00:00:00+08:00");
  }

  Session MakeUser(const std::string& username, std::int64_t unit, const std::string& role,
                   std::optional<std::int64_t> worker = std::nullopt) {
    boost::json::object body{{"username", username},   {"password", kPassword},
                             {"display_name", "王伟"}, {"unit_id", unit},
                             {"roles", {role}},        {"must_change_password", false}};
    if (worker) body["worker_id"] = *worker;
    auto r = Call(admin_, "POST", "/api/v1/users", boost::json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return Login(username, kPassword);
  }

  static std::vector<std::string> Names(const HttpResult& r) {
    std::vector<std::string> out;
    const boost::json::object page = Json(r);
    for (const auto& item : page.at("items").as_array()) {
      out.emplace_back(item.at("name").as_string());
    }
    return out;
  }

  HttpResult PublicGet(const std::string& target) { return Send(port_, "GET", target); }

  Session admin_;
  std::int64_t root_ = 0;
};

TEST_P(PickerApiTest, WorkersAreScopedPagedAndSearchedByName) {
  const std::int64_t beijing = MakeUnit(admin_, "北京市总工会", "union", "110000", root_);
  const std::int64_t dongcheng = MakeUnit(admin_, "东城区总工会", "union", "110101", beijing);
  const std::int64_t shaanxi = MakeUnit(admin_, "陕西省总工会", "union", "610000", root_);
  const std::int64_t zhang = MakeWorker(dongcheng, "张三");
  MakeWorker(beijing, "李四");
  MakeWorker(shaanxi, "张三丰");

  const Session officer = MakeUser("bj.officer", beijing, "union_officer");
  auto mine = Call(officer, "GET", "/api/v1/workers?q=%E5%BC%A0");  // 张
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(Names(mine), std::vector<std::string>{"张三"});  // not 陕西's 张三丰
  const auto first = Json(mine).at("items").as_array().at(0).as_object();
  EXPECT_EQ(first.at("id").as_int64(), zhang);
  EXPECT_EQ(first.at("unit_id").as_int64(), dongcheng);
  EXPECT_EQ(first.at("unit_name").as_string(), "东城区总工会");
  EXPECT_EQ(Json(Call(officer, "GET", "/api/v1/workers")).at("total").as_int64(), 2);

  auto everyone = Call(admin_, "GET", "/api/v1/workers?q=%E5%BC%A0&page_size=1&page=2");
  ASSERT_EQ(everyone.status, 200) << everyone.body;
  EXPECT_EQ(Json(everyone).at("total").as_int64(), 2);
  EXPECT_EQ(Names(everyone), std::vector<std::string>{"张三丰"});  // by id

  const Session worker = MakeUser("bj.worker", dongcheng, "worker", zhang);
  EXPECT_EQ(Call(worker, "GET", "/api/v1/workers").status, 403);  // no system:worker:list
  const Session expert = MakeUser("bj.expert", beijing, "expert");
  EXPECT_EQ(Call(expert, "GET", "/api/v1/workers").status, 403);
  EXPECT_EQ(Call(officer, "GET", "/api/v1/workers?page_size=0").status, 422);
}

TEST_P(PickerApiTest, PublicSearchFindsDisclosedOrganisationsByName) {
  const std::int64_t civil = MakeUnit(admin_, "陕西省民政厅", "civil_affairs", "610000", root_);
  const auto create = [&](const std::string& name, const std::string& first17,
                          const std::string& status) {
    auto body = boost::json::parse(OrgJson(name, Uscc(first17), civil, "610000")).as_object();
    body["status"] = status;
    auto r = Call(admin_, "POST", "/api/v1/orgs", boost::json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
  };
  create("西安市职工服务中心", "52610100MJ0000001", "registered");
  create("西安市职工法律援助中心", "52610100MJ0000002", "registered");
  create("西安市职工书屋", "52610100MJ0000003", "applying");  // not disclosed

  auto found = PublicGet("/api/public/orgs?q=%E8%81%8C%E5%B7%A5");  // 职工
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(Names(found),
            (std::vector<std::string>{"西安市职工法律援助中心", "西安市职工服务中心"}));
  EXPECT_EQ(found.Header("cache-control"), "public, max-age=60");
  const auto item = Json(found).at("items").as_array().at(0).as_object();
  EXPECT_EQ(item.at("legal_rep").as_string(), "王**");
  EXPECT_EQ(item.at("uscc").as_string(), Uscc("52610100MJ0000002"));
  EXPECT_FALSE(item.contains("phone"));
  EXPECT_FALSE(item.contains("business_scope"));
  EXPECT_FALSE(item.contains("registration_unit_id"));

  auto paged = PublicGet("/api/public/orgs?q=%E8%81%8C%E5%B7%A5&page_size=1&page=2");
  EXPECT_EQ(Json(paged).at("total").as_int64(), 2);
  EXPECT_EQ(Names(paged), std::vector<std::string>{"西安市职工服务中心"});
  EXPECT_EQ(Json(PublicGet("/api/public/orgs?q=%E4%B9%A6%E5%B1%8B")).at("total").as_int64(), 0);

  auto one_char = PublicGet("/api/public/orgs?q=%E8%81%8C");  // 职
  ASSERT_EQ(one_char.status, 422) << one_char.body;
  EXPECT_EQ(Json(one_char).at("error").at("details").at(0).at("field").as_string(), "q");
  EXPECT_EQ(PublicGet("/api/public/orgs").status, 422);
  EXPECT_EQ(PublicGet("/api/public/orgs?q=%E8%81%8C%E5%B7%A5&page_size=21").status, 422);
}

TEST_P(PickerApiTest, SameNamedUnitsComeWithTheirParentsNames) {
  const std::int64_t xian = MakeUnit(admin_, "西安市总工会", "union", "610000", root_);
  const std::int64_t other = MakeUnit(admin_, "陕西省机关工会", "union", "610000", root_);
  MakeUnit(admin_, "雁塔区总工会", "union", "610000", xian);
  MakeUnit(admin_, "雁塔区总工会", "union", "610000", other);
  auto found = Call(admin_, "GET", "/api/v1/units?q=%E9%9B%81%E5%A1%94");  // 雁塔
  ASSERT_EQ(found.status, 200) << found.body;
  std::vector<std::string> parents;
  const boost::json::object page = Json(found);
  for (const auto& item : page.at("items").as_array()) {
    parents.emplace_back(item.at("parent_name").as_string());
  }
  EXPECT_EQ(parents, (std::vector<std::string>{"西安市总工会", "陕西省机关工会"}));
  auto root = Call(admin_, "GET", "/api/v1/units");  // the caller's own unit: the root
  EXPECT_TRUE(Json(root).at("items").as_array().at(0).at("parent_name").is_null());
}

TEST_P(PickerApiTest, NamesOfUnitIdsAndRegionCodesInOneRequestEach) {
  const std::int64_t beijing = MakeUnit(admin_, "北京市总工会", "union", "110000", root_);
  const std::int64_t dongcheng = MakeUnit(admin_, "东城区总工会", "union", "110101", beijing);
  const std::int64_t shaanxi = MakeUnit(admin_, "陕西省总工会", "union", "610000", root_);
  const std::string ids = std::to_string(dongcheng) + "," + std::to_string(shaanxi);
  // The audit administrator reads audit entries but holds no system:unit:list.
  const Session auditor = MakeUser("bj.auditor", beijing, "audit_admin");
  auto named = Call(auditor, "GET", "/api/v1/units/names?ids=" + ids);
  ASSERT_EQ(named.status, 200) << named.body;
  const auto items = Json(named).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);  // 陕西省总工会 lies outside 北京市总工会's scope
  EXPECT_EQ(items.at(0).at("id").as_int64(), dongcheng);
  EXPECT_EQ(items.at(0).at("name").as_string(), "东城区总工会");
  EXPECT_EQ(items.at(0).at("parent_name").as_string(), "北京市总工会");
  EXPECT_EQ(Json(Call(admin_, "GET", "/api/v1/units/names?ids=" + ids)).at("total").as_int64(), 2);
  EXPECT_EQ(Call(auditor, "GET", "/api/v1/units/names?ids=1,x").status, 422);
  EXPECT_EQ(Call(auditor, "GET", "/api/v1/units/names").status, 200);

  auto regions = Call(auditor, "GET", "/api/v1/regions?codes=610000,110101,999999");
  ASSERT_EQ(regions.status, 200) << regions.body;
  EXPECT_EQ(Names(regions), (std::vector<std::string>{"东城区", "陕西省"}));  // by code
  EXPECT_EQ(Call(auditor, "GET", "/api/v1/regions?codes=61").status, 422);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(PickerApiTest);

}  // namespace
}  // namespace lianyin::test
