// The organisation list's orders and the paged links list over HTTP (the table kit's server
// side): each `sort` of GET /orgs with paging, founding dates outside the caller's scope sorting
// last, 422s naming `sort` and `before_id`, and GET /units/{id}/org-links in the paging envelope.

#include <gtest/gtest.h>

#include "api/api_fixture.hpp"

namespace lianyin::test {
namespace {

class OrgListApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    shaanxi_ = MakeUnit(admin_, "陕西省民政厅", "civil_affairs", "610000", root);
    beijing_ = MakeUnit(admin_, "北京市民政局", "civil_affairs", "110000", root);
    union_ = MakeUnit(admin_, "陕西省总工会", "union", "610000", root);
  }

  // Creates a registered organisation (expecting 201) and returns its id.
  std::int64_t MakeOrg(const std::string& name, const std::string& first17, std::int64_t unit,
                       const std::string& region, const std::string& founded_on) {
    auto body = boost::json::parse(OrgJson(name, Uscc(first17), unit, region)).as_object();
    body["founded_on"] = founded_on;
    auto r = Call(admin_, "POST", "/api/v1/orgs", boost::json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // The names of one page of GET /orgs?query as `who`, in the answer's order.
  std::vector<std::string> Names(const Session& who, const std::string& query) {
    auto r = Call(who, "GET", "/api/v1/orgs?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> names;
    if (r.status != 200) return names;
    const boost::json::object body = Json(r);
    for (const auto& item : body.at("items").as_array()) {
      names.emplace_back(item.at("name").as_string());
    }
    return names;
  }

  // The field of the first detail of a 422.
  static std::string FirstField(const HttpResult& r) {
    EXPECT_EQ(r.status, 422) << r.body;
    if (r.status != 422) return "";
    return std::string(Json(r).at("error").at("details").at(0).at("field").as_string());
  }

  Session admin_;
  std::int64_t shaanxi_ = 0, beijing_ = 0, union_ = 0;
};

// Names in code-point order: 丙 U+4E19 < 乙 U+4E59 < 甲 U+7532 (the same on both engines).
TEST_P(OrgListApiTest, SortsByEachWhitelistedOrderAndPagesWithinIt) {
  MakeOrg("甲职工服务中心", "52610100MJ0000001", shaanxi_, "610000", "2020-01-01");
  MakeOrg("丙职工服务中心", "52610100MJ0000002", shaanxi_, "610000", "2010-01-01");
  MakeOrg("乙职工服务中心", "52110100MJ0000003", beijing_, "110000", "2015-01-01");
  const std::string a = "甲职工服务中心", b = "丙职工服务中心", c = "乙职工服务中心";

  using Names_ = std::vector<std::string>;
  EXPECT_EQ(Names(admin_, ""), (Names_{c, b, a}));  // newest first by default
  EXPECT_EQ(Names(admin_, "sort=-id"), (Names_{c, b, a}));
  EXPECT_EQ(Names(admin_, "sort=id"), (Names_{a, b, c}));
  EXPECT_EQ(Names(admin_, "sort=name"), (Names_{b, c, a}));
  EXPECT_EQ(Names(admin_, "sort=-name"), (Names_{a, c, b}));
  EXPECT_EQ(Names(admin_, "sort=founded_on"), (Names_{b, c, a}));
  EXPECT_EQ(Names(admin_, "sort=-founded_on"), (Names_{a, c, b}));

  // Pages follow the order: page 2 of size 1 by name is the second name.
  auto page = Call(admin_, "GET", "/api/v1/orgs?sort=name&page=2&page_size=1");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(Json(page).at("total").as_int64(), 3);
  EXPECT_EQ(Json(page).at("page").as_int64(), 2);
  ASSERT_EQ(Json(page).at("items").as_array().size(), 1u);
  EXPECT_EQ(Json(page).at("items").at(0).at("name").as_string(), c);
  EXPECT_EQ(Names(admin_, "sort=name&page=3&page_size=1"), (Names_{a}));
  EXPECT_EQ(Names(admin_, "sort=-founded_on&page=2&page_size=2"), (Names_{b}));
}

TEST_P(OrgListApiTest, FoundingDatesOutsideScopeSortLast) {
  MakeOrg("甲职工服务中心", "52610100MJ0000001", shaanxi_, "610000", "2020-01-01");
  MakeOrg("丙职工服务中心", "52610100MJ0000002", shaanxi_, "610000", "2010-01-01");
  MakeOrg("乙职工服务中心", "52110100MJ0000003", beijing_, "110000", "2015-01-01");
  boost::json::object officer{{"username", "bj.officer"},
                              {"password", kPassword},
                              {"display_name", "李娜"},
                              {"unit_id", beijing_},
                              {"roles", {"civil_affairs_officer"}}};
  ASSERT_EQ(Call(admin_, "POST", "/api/v1/users", boost::json::serialize(officer)).status, 201);
  const Session bj = Login("bj.officer", kPassword);

  // Beijing sees only its own founding date; the two it may not see keep newest-first order
  // after it, whichever the direction, so the order tells nothing about their dates.
  using Names_ = std::vector<std::string>;
  const Names_ expected{"乙职工服务中心", "丙职工服务中心", "甲职工服务中心"};
  EXPECT_EQ(Names(bj, "sort=founded_on"), expected);
  EXPECT_EQ(Names(bj, "sort=-founded_on"), expected);
  auto rows = Json(Call(bj, "GET", "/api/v1/orgs?sort=founded_on"));
  EXPECT_EQ(rows.at("items").at(0).at("founded_on").as_string(), "2015-01-01");
  EXPECT_TRUE(rows.at("items").at(1).at("founded_on").is_null());
}

TEST_P(OrgListApiTest, UnknownSortAndACursorOutsideNewestFirstAre422) {
  EXPECT_EQ(FirstField(Call(admin_, "GET", "/api/v1/orgs?sort=uscc")), "sort");
  EXPECT_EQ(FirstField(Call(admin_, "GET", "/api/v1/orgs?sort=name%20desc")), "sort");
  EXPECT_EQ(FirstField(Call(admin_, "GET", "/api/v1/orgs?sort=name&before_id=5")), "before_id");
  EXPECT_EQ(Call(admin_, "GET", "/api/v1/orgs?sort=-id&before_id=5").status, 200);
  EXPECT_EQ(Call(admin_, "GET", "/api/v1/orgs?sort=").status, 200);  // empty counts as absent
}

TEST_P(OrgListApiTest, LinksArePagedOldestFirst) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(MakeOrg("职工服务中心" + std::to_string(i),
                          "52610100MJ000001" + std::to_string(i), shaanxi_, "610000",
                          "2015-06-01"));
  }
  const std::string links = "/api/v1/units/" + std::to_string(union_) + "/org-links";
  for (std::int64_t id : ids) {
    auto r =
        Call(admin_, "POST", links, boost::json::serialize(boost::json::object{{"org_id", id}}));
    ASSERT_EQ(r.status, 201) << r.body;
  }
  ASSERT_EQ(Call(admin_, "DELETE", links + "/" + std::to_string(ids[0])).status, 200);

  auto page = Call(admin_, "GET", links + "?page=2&page_size=3");
  ASSERT_EQ(page.status, 200) << page.body;
  const auto body = Json(page);
  EXPECT_EQ(body.at("total").as_int64(), 4);  // the ended link is not counted
  EXPECT_EQ(body.at("page").as_int64(), 2);
  EXPECT_EQ(body.at("page_size").as_int64(), 3);
  ASSERT_EQ(body.at("items").as_array().size(), 1u);
  EXPECT_EQ(body.at("items").at(0).at("org_id").as_int64(), ids[4]);

  auto first = Json(Call(admin_, "GET", links + "?page_size=3"));
  ASSERT_EQ(first.at("items").as_array().size(), 3u);
  EXPECT_EQ(first.at("items").at(0).at("org_id").as_int64(), ids[1]);
  EXPECT_EQ(first.at("page").as_int64(), 1);
  EXPECT_EQ(FirstField(Call(admin_, "GET", links + "?page_size=0")), "page_size");
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(OrgListApiTest);

}  // namespace
}  // namespace lianyin::test
