// Cached reads (http/page_cache.hpp, handlers::CachedRead) over HTTP: GET /api/v1/orgs and
// GET /api/v1/orgs/{id} answered from the page cache must show every committed change at once —
// made through this API, by another writer sharing the database (another server process), to a
// registration unit's name — and never one reader's answer to a reader of another scope.

#include <gtest/gtest.h>

#include "api/api_fixture.hpp"
#include "domain/account/account.hpp"

namespace lianyin::test {
namespace {

class PageCacheApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    sx_civil_ = MakeUnit(admin_, "陕西省民政厅", "civil_affairs", "610000", root);
    bj_civil_ = MakeUnit(admin_, "北京市民政局", "civil_affairs", "110000", root);
    auto r = Call(admin_, "POST", "/api/v1/orgs",
                  OrgBody("陕西职工服务中心", Uscc("52610000MJ0000001")));
    ASSERT_EQ(r.status, 201) << r.body;
    org_ = Json(r).at("id").as_int64();
  }

  std::string OrgBody(const std::string& name, const std::string& uscc) const {
    return OrgJson(name, uscc, sx_civil_, "610000");
  }

  // GET twice (the second answer comes from the cache once the first filled it); both must agree.
  boost::json::object Read(const Session& who, const std::string& target) {
    auto first = Call(who, "GET", target);
    auto second = Call(who, "GET", target);
    EXPECT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(second.body, first.body);
    return Json(second);
  }

  boost::json::object FirstItem(const Session& who) {
    return Read(who, "/api/v1/orgs?page_size=1").at("items").at(0).as_object();
  }

  std::int64_t Hits() const { return api_->page_cache_stats().hits; }

  Session admin_;
  std::int64_t sx_civil_ = 0, bj_civil_ = 0, org_ = 0;
};

TEST_P(PageCacheApiTest, AnswersFromTheCacheUntilAnythingTheyShowChanges) {
  const std::string one = "/api/v1/orgs/" + std::to_string(org_);
  const std::int64_t hits = Hits();
  EXPECT_EQ(Read(admin_, one).at("name").as_string(), "陕西职工服务中心");
  EXPECT_EQ(Read(admin_, "/api/v1/orgs").at("total").as_int64(), 1);
  EXPECT_EQ(Hits(), hits + 2) << "the second of each pair of reads is a hit";

  // A change through the API.
  ASSERT_EQ(Call(admin_, "PATCH", one, R"({"name":"陕西职工之家"})").status, 200);
  EXPECT_EQ(Read(admin_, one).at("name").as_string(), "陕西职工之家");
  EXPECT_EQ(FirstItem(admin_).at("name").as_string(), "陕西职工之家");

  // A creation: the list and its total.
  ASSERT_EQ(Call(admin_, "POST", "/api/v1/orgs", OrgBody("西安职工驿站", Uscc("52610000MJ0000002")))
                .status,
            201);
  const boost::json::object page = Read(admin_, "/api/v1/orgs");
  EXPECT_EQ(page.at("total").as_int64(), 2);
  EXPECT_EQ(page.at("items").at(0).at("name").as_string(), "西安职工驿站");

  // The registration unit's new name shows in both answers, cached just before.
  EXPECT_EQ(Read(admin_, one).at("registration_unit_name").as_string(), "陕西省民政厅");
  EXPECT_EQ(FirstItem(admin_).at("registration_unit_name").as_string(), "陕西省民政厅");
  ASSERT_EQ(Call(admin_, "PATCH", "/api/v1/units/" + std::to_string(sx_civil_),
                 R"({"name":"陕西省民政厅（社会组织管理局）"})")
                .status,
            200);
  EXPECT_EQ(Read(admin_, one).at("registration_unit_name").as_string(),
            "陕西省民政厅（社会组织管理局）");
  EXPECT_EQ(FirstItem(admin_).at("registration_unit_name").as_string(),
            "陕西省民政厅（社会组织管理局）");
}

TEST_P(PageCacheApiTest, AChangeByAnotherWriterOfTheDatabaseShowsAtOnce) {
  const std::string one = "/api/v1/orgs/" + std::to_string(org_);
  EXPECT_EQ(Read(admin_, one).at("legal_rep").as_string(), "王小明");
  EXPECT_EQ(Read(admin_, "/api/v1/orgs").at("total").as_int64(), 1);

  // Another server process: its own services (caches included) on the same database.
  app::Services other(db(), core::RandomBytes(32));
  domain::account::Actor platform =
      other.auth.Authenticate(admin_.cookie.substr(admin_.cookie.find('=') + 1)).value();
  domain::org::OrgPatch patch;
  patch.legal_rep = "李红";
  ASSERT_TRUE(other.orgs.Update(platform, org_, patch));
  ASSERT_TRUE(other.orgs.Create(platform, {.name = "宝鸡职工驿站",
                                           .uscc = Uscc("52610000MJ0000003"),
                                           .org_type = "social_service",
                                           .region_code = "610000",
                                           .registration_unit_id = sx_civil_,
                                           .legal_rep = "张三",
                                           .phone = "13912345678",
                                           .founded_on = "2016-01-01",
                                           .business_scope = "职工服务",
                                           .service_categories = {"skills"},
                                           .labour_field = true}));

  EXPECT_EQ(Read(admin_, one).at("legal_rep").as_string(), "李红");
  const boost::json::object page = Read(admin_, "/api/v1/orgs");
  EXPECT_EQ(page.at("total").as_int64(), 2) << "the total is exact, not kept for a while";
  EXPECT_EQ(page.at("items").at(0).at("name").as_string(), "宝鸡职工驿站");
}

TEST_P(PageCacheApiTest, EachDataScopeGetsItsOwnAnswer) {
  boost::json::object user{{"username", "bj.civil"},
                           {"password", kPassword},
                           {"display_name", "王伟"},
                           {"unit_id", bj_civil_},
                           {"roles", {"civil_affairs_officer"}}};
  ASSERT_EQ(Call(admin_, "POST", "/api/v1/users", boost::json::serialize(user)).status, 201);
  const Session bj = Login("bj.civil", kPassword);
  const std::string one = "/api/v1/orgs/" + std::to_string(org_);

  // The platform reads first and fills the cache; the foreign officer must not get its answer.
  EXPECT_EQ(Read(admin_, one).at("legal_rep").as_string(), "王小明");
  EXPECT_TRUE(Read(bj, one).at("legal_rep").is_null());
  // And the other way round for the list.
  EXPECT_TRUE(FirstItem(bj).at("legal_rep").is_null());
  EXPECT_EQ(FirstItem(admin_).at("legal_rep").as_string(), "王小明");
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(PageCacheApiTest);

}  // namespace
}  // namespace lianyin::test
