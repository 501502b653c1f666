// Rural-revitalisation teams (issue #13 point 1) over HTTP on both engines: a civil-affairs
// officer builds a team, its plan (one per year, corrected by PATCH) and a help project shared
// by two members; the progress answer has exactly SPEC's keys and counts the shared project
// once, by-member attributes it to both; the overview totals the province; a foreign officer
// gets 404 and an org member reads its team without changing it.

#include <gtest/gtest.h>

#include <set>

#include "api/api_fixture.hpp"

namespace lianyin::test {
namespace {

namespace json = boost::json;

class TeamApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(regions_->Import({"test",
                                  "2",
                                  {{"110000", "北京市", "100000"},
                                   {"110100", "北京市", "110000"},
                                   {"110101", "东城区", "110100"},
                                   {"610000", "陕西省", "100000"},
                                   {"610800", "榆林市", "610000"},
                                   {"610822", "府谷县", "610800"},
                                   {"610828", "佳县", "610800"}}}));
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    sx_civil_ = MakeUnit(admin_, "陕西省民政厅", "civil_affairs", "610000", root);
    bj_civil_ = MakeUnit(admin_, "北京市民政局", "civil_affairs", "110000", root);
    lead_ = MakeOrg("陕西省秦商总会", "52610000MJ0000001");
    second_ = MakeOrg("陕西省慈善协会", "52610000MJ0000002");
    third_ = MakeOrg("陕西省茶叶流通协会", "52610000MJ0000003");
    MakeUser("sx.civil", sx_civil_, "civil_affairs_officer");
    MakeUser("bj.civil", bj_civil_, "civil_affairs_officer");
    MakeUser("sx.member", sx_civil_, "org_member", second_);
    officer_ = Login("sx.civil");
    foreign_ = Login("bj.civil");
    member_ = Login("sx.member");
  }

  std::int64_t MakeOrg(const std::string& name, const std::string& first17) {
    auto r =
        Call(admin_, "POST", "/api/v1/orgs", OrgJson(name, Uscc(first17), sx_civil_, "610000"));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  void MakeUser(const std::string& username, std::int64_t unit, const std::string& role,
                std::int64_t org = 0) {
    json::object body{{"username", username},
                      {"password", kPassword},
                      {"display_name", "李雷"},
                      {"unit_id", unit},
                      {"roles", {role}}};
    if (org) body["org_id"] = org;
    auto r = Call(admin_, "POST", "/api/v1/users", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
  }
  std::int64_t MakeTeam() {
    auto r = Call(officer_, "POST", "/api/v1/teams",
                  json::serialize(json::object{{"name", "乡村振兴产业合力团"},
                                               {"domain", "industry"},
                                               {"lead_org_id", lead_},
                                               {"member_org_ids", {second_, third_}},
                                               {"county_codes", {"610822", "610828"}}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  static std::string Team(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/teams/" + std::to_string(id) + rest;
  }
  static std::set<std::string> Fields(const HttpResult& r) {
    std::set<std::string> out;
    const json::object body = Json(r);
    if (!body.contains("error")) return out;
    for (const auto& d : body.at("error").at("details").as_array()) {
      out.insert(std::string(d.at("field").as_string()));
    }
    return out;
  }
  static std::set<std::string> Keys(const json::value& v) {
    std::set<std::string> out;
    for (const auto& kv : v.as_object()) out.insert(std::string(kv.key()));
    return out;
  }

  Session admin_, officer_, foreign_, member_;
  std::int64_t sx_civil_ = 0, bj_civil_ = 0, lead_ = 0, second_ = 0, third_ = 0;
};

TEST_P(TeamApiTest, ASharedHelpProjectCountsOnceInProgressAndOnceForEachMember) {
  const std::int64_t id = MakeTeam();
  const json::object team = Json(Call(officer_, "GET", Team(id)));
  EXPECT_EQ(team.at("member_org_ids").as_array().size(), 3u);
  EXPECT_EQ(team.at("members").at(0).at("lead").as_bool(), true);

  auto plan = Call(officer_, "POST", Team(id, "/plans"),
                   R"({"year":2022,"projects_planned":2,"funds_planned_fen":900000})");
  ASSERT_EQ(plan.status, 201) << plan.body;
  auto twice = Call(officer_, "POST", Team(id, "/plans"),
                    R"({"year":2022,"projects_planned":3,"funds_planned_fen":1})");
  EXPECT_EQ(twice.status, 409);
  auto fixed = Call(officer_, "PATCH", Team(id, "/plans/2022"), R"({"projects_planned":3})");
  ASSERT_EQ(fixed.status, 200) << fixed.body;

  const std::string shared = json::serialize(json::object{{"title", "府谷县红枣产业帮扶"},
                                                          {"county_code", "610822"},
                                                          {"funds_fen", 500000},
                                                          {"beneficiaries", 1200},
                                                          {"started_on", "2022-04-01"},
                                                          {"member_org_ids", {lead_, second_}}});
  auto created = Call(officer_, "POST", Team(id, "/help-projects"), shared);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Json(created).at("members").as_array().size(), 2u);
  auto outsider = Call(officer_, "POST", Team(id, "/help-projects"),
                       R"({"title":"x","county_code":"610822","funds_fen":1,"beneficiaries":1,)"
                       R"("started_on":"2022-04-01","member_org_ids":[999999]})");
  EXPECT_EQ(outsider.status, 422);
  EXPECT_EQ(Fields(outsider), std::set<std::string>{"member_org_ids"});
  ASSERT_EQ(
      Call(officer_, "POST", Team(id, "/consumption"),
           R"({"on":"2022-09-01","kind":"sales_helped","amount_fen":7000,"county_code":"610828"})")
          .status,
      201);

  auto progress = Call(officer_, "GET", Team(id, "/progress?year=2022"));
  ASSERT_EQ(progress.status, 200) << progress.body;
  const json::value p = json::parse(progress.body);
  EXPECT_EQ(Keys(p), (std::set<std::string>{"planned", "actual"}));
  EXPECT_EQ(Keys(p.at("planned")), (std::set<std::string>{"projects", "funds_fen"}));
  EXPECT_EQ(Keys(p.at("actual")),
            (std::set<std::string>{"projects", "funds_fen", "beneficiaries", "direct_purchase_fen",
                                   "sales_helped_fen"}));
  EXPECT_EQ(p.at("planned").at("projects").as_int64(), 3);
  EXPECT_EQ(p.at("actual").at("projects").as_int64(), 1);
  EXPECT_EQ(p.at("actual").at("funds_fen").as_int64(), 500000);
  EXPECT_EQ(p.at("actual").at("sales_helped_fen").as_int64(), 7000);
  EXPECT_EQ(
      Json(Call(officer_, "GET", Team(id, "/progress?year=2021"))).at("planned").at("projects"), 0);

  const json::object by_member =
      Json(Call(officer_, "GET", Team(id, "/progress/by-member?year=2022")));
  const auto& rows = by_member.at("rows").as_array();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].at("projects").as_int64() + rows[1].at("projects").as_int64(), 2);
  EXPECT_EQ(by_member.at("team_total").at("actual").at("projects").as_int64(), 1);
  EXPECT_FALSE(by_member.at("rows_add_up").as_bool());

  const json::object overview =
      Json(Call(officer_, "GET", "/api/v1/teams/overview?region_code=610000&year=2022"));
  ASSERT_EQ(overview.at("rows").as_array().size(), 1u);
  EXPECT_EQ(overview.at("total").at("actual").at("projects").as_int64(), 1);
  EXPECT_EQ(Call(officer_, "GET", "/api/v1/teams/overview?region_code=999999").status, 422);
  EXPECT_EQ(
      Json(Call(officer_, "GET", "/api/v1/orgs/" + std::to_string(second_) + "/help-projects"))
          .at("total")
          .as_int64(),
      1);
}

TEST_P(TeamApiTest, BadFieldsAre422AForeignOfficer404AndAMemberReadsOnly) {
  auto bad = Call(officer_, "POST", "/api/v1/teams",
                  R"({"name":"团","domain":"farming","lead_org_id":999999,"member_org_ids":[]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Fields(bad), std::set<std::string>{"domain"});
  auto unknown = Call(officer_, "POST", "/api/v1/teams",
                      R"({"name":"团","domain":"talent","lead_org_id":999999,"member_org_ids":[],)"
                      R"("county_codes":["610000"]})");
  EXPECT_EQ(Fields(unknown), std::set<std::string>{"lead_org_id"});
  const std::int64_t id = MakeTeam();
  EXPECT_EQ(Call(foreign_, "GET", Team(id)).status, 404);
  EXPECT_EQ(Call(foreign_, "PATCH", Team(id), R"({"name":"改名"})").status, 404);
  EXPECT_EQ(Json(Call(foreign_, "GET", "/api/v1/teams")).at("total").as_int64(), 0);
  EXPECT_EQ(Call(member_, "GET", Team(id)).status, 200);
  EXPECT_EQ(Call(member_, "GET", Team(id, "/progress")).status, 200);
  EXPECT_EQ(Call(member_, "PATCH", Team(id), R"({"name":"改名"})").status, 403);
  EXPECT_EQ(Json(Call(member_, "GET", "/api/v1/teams?org_id=" + std::to_string(second_)))
                .at("total")
                .as_int64(),
            1);
  auto patched = Call(officer_, "PATCH", Team(id), R"({"domain":"charity","county_codes":[]})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Json(patched).at("domain").as_string(), "charity");
  EXPECT_TRUE(Json(patched).at("counties").as_array().empty());
  EXPECT_EQ(Call(officer_, "GET", Team(id, "/progress?year=abc")).status, 422);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(TeamApiTest);

}  // namespace
}  // namespace lianyin::test
