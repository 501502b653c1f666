// Credit lists (信用名单, issue #9) over HTTP on both engines: entering, the management list, the
// link gate's 422 naming the entry, the public disclosure, removal, objections and their
// answers, 404 outside the scope, and exactly one entry under parallel requests.

#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "api/api_fixture.hpp"

namespace lianyin::test {
namespace {

class CreditApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    bj_civil_ = MakeUnit(admin_, "北京市民政局", "civil_affairs", "110000", root);
    sx_civil_ = MakeUnit(admin_, "陕西省民政厅", "civil_affairs", "610000", root);
    bj_union_ = MakeUnit(admin_, "北京市总工会", "union", "110000", root);
    org_ = MakeOrg("北京市职工服务中心", "52110000MJ0000001", bj_civil_, "110000");
    neighbour_ = MakeOrg("北京市社会工作协会", "52110000MJ0000002", bj_civil_, "110000");
    foreign_ = MakeOrg("陕西省职工服务中心", "52610000MJ0000003", sx_civil_, "610000");
    MakeUser("bj.civil", bj_civil_, "civil_affairs_officer");
    MakeUser("sx.civil", sx_civil_, "civil_affairs_officer");
    MakeUser("bj.union", bj_union_, "union_officer");
    MakeUser("bj.member", bj_union_, "org_member", org_);
    officer_ = Login("bj.civil");
    foreign_officer_ = Login("sx.civil");
    union_ = Login("bj.union");
    member_ = Login("bj.member");
  }

  std::int64_t MakeOrg(const std::string& name, const std::string& first17, std::int64_t unit,
                       const std::string& region) {
    uscc_[name] = Uscc(first17);
    auto r = Call(admin_, "POST", "/api/v1/orgs", OrgJson(name, uscc_[name], unit, region));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  void MakeUser(const std::string& username, std::int64_t unit, const std::string& role,
                std::int64_t org = 0) {
    boost::json::object body{{"username", username},
                             {"password", kPassword},
                             {"display_name", "李雷"},
                             {"unit_id", unit},
                             {"roles", {role}}};
    if (org) body["org_id"] = org;
    auto r = Call(admin_, "POST", "/api/v1/users", boost::json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
  }

  HttpResult Enter(const Session& as, std::int64_t org, const std::string& list = "abnormal",
                   const std::string& entered_on = "2024-01-15") {
    return Call(
        as, "POST", "/api/v1/orgs/" + std::to_string(org) + "/credit-entries",
        boost::json::serialize(boost::json::object{
            {"list", list}, {"reason", "未按规定报送年度工作报告"}, {"entered_on", entered_on}}));
  }
  std::int64_t EnteredId(std::int64_t org) {
    auto r = Enter(officer_, org);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  static std::string Entry(std::int64_t id, const std::string& action = "") {
    return "/api/v1/credit-entries/" + std::to_string(id) + action;
  }
  HttpResult Link(const std::string& accept_language = "") {
    std::vector<std::pair<std::string, std::string>> headers{{"Cookie", union_.cookie},
                                                             {"X-CSRF-Token", union_.csrf},
                                                             {"Content-Type", "application/json"}};
    if (!accept_language.empty()) headers.emplace_back("Accept-Language", accept_language);
    return Send(port_, "POST", "/api/v1/units/" + std::to_string(bj_union_) + "/org-links", headers,
                "{\"org_id\":" + std::to_string(org_) + "}");
  }

  Session admin_, officer_, foreign_officer_, union_, member_;
  std::int64_t bj_civil_ = 0, sx_civil_ = 0, bj_union_ = 0, org_ = 0, neighbour_ = 0, foreign_ = 0;
  std::map<std::string, std::string> uscc_;
};

TEST_P(CreditApiTest, AnEntryIsListedInScopeAndDisclosedWithoutPeople) {
  auto created = Enter(officer_, org_);
  ASSERT_EQ(created.status, 201) << created.body;
  const boost::json::object entry = Json(created);
  EXPECT_EQ(entry.at("list").as_string(), "abnormal");
  EXPECT_EQ(entry.at("org_name").as_string(), "北京市职工服务中心");
  EXPECT_EQ(entry.at("unit_id").as_int64(), bj_civil_);
  EXPECT_EQ(entry.at("entered_by_name").as_string(), "李雷");
  EXPECT_TRUE(entry.at("active").as_bool());
  EXPECT_TRUE(entry.at("removed_on").is_null());
  ASSERT_EQ(Enter(officer_, neighbour_, "dishonest").status, 201);

  auto record = Call(member_, "GET", "/api/v1/orgs/" + std::to_string(org_) + "/credit-entries");
  ASSERT_EQ(record.status, 200) << record.body;
  EXPECT_EQ(Json(record).at("total").as_int64(), 1);
  EXPECT_TRUE(Json(record).at("items").at(0).at("objections").as_array().empty());

  const auto total = [&](const Session& as, const std::string& query) {
    auto r = Call(as, "GET", "/api/v1/credit-entries" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? Json(r).at("total").as_int64() : -1;
  };
  EXPECT_EQ(total(officer_, ""), 2);
  EXPECT_EQ(total(officer_, "?list=dishonest"), 1);
  EXPECT_EQ(total(officer_, "?q=%E7%A4%BE%E4%BC%9A%E5%B7%A5%E4%BD%9C"), 1);  // 社会工作
  EXPECT_EQ(total(officer_, "?active=false"), 0);
  EXPECT_EQ(total(officer_, "?org_id=" + std::to_string(org_) + "&list="), 1);
  EXPECT_EQ(total(member_, ""), 1) << "an org member sees its own organisation's";
  EXPECT_EQ(total(foreign_officer_, ""), 0);
  auto bad = Call(officer_, "GET", "/api/v1/credit-entries?list=grey&active=yes");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Json(bad).at("error").at("details").as_array().size(), 2u);

  auto disclosed = Send(port_, "GET", "/api/public/orgs/" + uscc_["北京市职工服务中心"], {}, "");
  ASSERT_EQ(disclosed.status, 200) << disclosed.body;
  const boost::json::object public_org = Json(disclosed);
  const auto& entries = public_org.at("credit_entries").as_array();
  ASSERT_EQ(entries.size(), 1u);
  const boost::json::object& shown = entries[0].as_object();
  EXPECT_EQ(shown.at("reason").as_string(), "未按规定报送年度工作报告");
  EXPECT_EQ(shown.at("entered_on").as_string(), "2024-01-15");
  EXPECT_EQ(shown.at("unit_name").as_string(), "北京市民政局");
  EXPECT_FALSE(shown.contains("entered_by_user_id"));
  EXPECT_EQ(disclosed.body.find("李雷"), std::string::npos) << "no people in public";
}

TEST_P(CreditApiTest, LinkingAListedOrganisationIsRefusedNamingTheEntry) {
  ASSERT_EQ(Enter(officer_, org_).status, 201);
  auto refused = Link();
  ASSERT_EQ(refused.status, 422) << refused.body;
  const boost::json::object body = Json(refused);
  const boost::json::object& error = body.at("error").as_object();
  EXPECT_EQ(error.at("details").at(0).at("field").as_string(), "org_id");
  EXPECT_EQ(error.at("message").as_string(),
            "“北京市职工服务中心”已于2024-01-15列入活动异常名录：未按规定报送年度工作报告");
  auto english = Link("en");
  EXPECT_EQ(
      Json(english).at("error").at("message").as_string(),
      "北京市职工服务中心 is on the abnormal list since 2024-01-15: 未按规定报送年度工作报告");
}

TEST_P(CreditApiTest, RemovalIsDatedAndAllowsLinkingAgain) {
  auto future = Enter(officer_, org_, "abnormal", "2999-01-01");
  ASSERT_EQ(future.status, 422);
  EXPECT_EQ(Json(future).at("error").at("details").at(0).at("field").as_string(), "entered_on");
  EXPECT_EQ(Json(future).at("error").at("message").as_string(), "列入日期：不能晚于今天");
  const std::int64_t id = EnteredId(org_);
  auto early = Call(officer_, "POST", Entry(id, "/remove"),
                    R"({"reason":"已补报","removed_on":"2024-01-01"})");
  ASSERT_EQ(early.status, 422) << early.body;
  EXPECT_EQ(Json(early).at("error").at("details").at(0).at("field").as_string(), "removed_on");
  EXPECT_EQ(Json(early).at("error").at("details").at(0).at("message").as_string(),
            "不能早于列入日期 2024-01-15");
  auto removed = Call(officer_, "POST", Entry(id, "/remove"),
                      R"({"reason":"已补报年度工作报告","removed_on":"2024-03-01"})");
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_FALSE(Json(removed).at("active").as_bool());
  EXPECT_EQ(Json(removed).at("removed_on").as_string(), "2024-03-01");
  EXPECT_EQ(Call(officer_, "POST", Entry(id, "/remove"),
                 R"({"reason":"again","removed_on":"2024-03-02"})")
                .status,
            409);
  EXPECT_EQ(Link().status, 201);
  auto disclosed = Send(port_, "GET", "/api/public/orgs/" + uscc_["北京市职工服务中心"], {}, "");
  EXPECT_EQ(Json(disclosed).at("credit_entries").at(0).at("removal_reason").as_string(),
            "已补报年度工作报告");
}

TEST_P(CreditApiTest, MembersObjectAndTheAuthorityAnswers) {
  const std::int64_t id = EnteredId(org_);
  auto filed = Call(member_, "POST", Entry(id, "/objections"), R"({"text":"我会已于去年报送"})");
  ASSERT_EQ(filed.status, 201) << filed.body;
  const std::int64_t first = Json(filed).at("id").as_int64();
  EXPECT_EQ(Json(filed).at("status").as_string(), "open");
  EXPECT_EQ(Call(member_, "POST", Entry(id, "/objections"), R"({"text":"再次"})").status, 409);
  const std::string answer = "/api/v1/credit-objections/" + std::to_string(first) + "/answer";
  EXPECT_EQ(Call(member_, "POST", answer, R"({"decision":"accept","reply":"x"})").status, 403);
  EXPECT_EQ(Call(officer_, "POST", answer, R"({"decision":"maybe","reply":"x"})").status, 422);
  auto rejected = Call(officer_, "POST", answer, R"({"decision":"reject","reply":"经核实未报送"})");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(Json(rejected).at("status").as_string(), "rejected");
  EXPECT_EQ(Call(officer_, "POST", answer, R"({"decision":"accept","reply":"x"})").status, 409);

  auto again = Call(member_, "POST", Entry(id, "/objections"), R"({"text":"补充报送回执"})");
  ASSERT_EQ(again.status, 201) << again.body;
  auto open = Call(officer_, "GET", "/api/v1/credit-entries?open_objection=true");
  EXPECT_EQ(Json(open).at("items").at(0).at("open_objections").as_int64(), 1);
  auto accepted = Call(
      officer_, "POST",
      "/api/v1/credit-objections/" + std::to_string(Json(again).at("id").as_int64()) + "/answer",
      R"({"decision":"accept","reply":"异议成立，予以移出"})");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  auto detail = Call(member_, "GET", Entry(id));
  ASSERT_EQ(detail.status, 200) << detail.body;
  const boost::json::object entry = Json(detail);
  EXPECT_FALSE(entry.at("active").as_bool());
  EXPECT_EQ(entry.at("removal_reason").as_string(), "异议成立，予以移出");
  ASSERT_EQ(entry.at("objections").as_array().size(), 2u);
  EXPECT_EQ(entry.at("objections").at(1).at("status").as_string(), "accepted");
  EXPECT_EQ(entry.at("objections").at(1).at("answered_by_name").as_string(), "李雷");
  EXPECT_EQ(Call(member_, "POST", Entry(id, "/objections"), R"({"text":"x"})").status, 409);
}

TEST_P(CreditApiTest, OutsideTheScopeEntriesAreNotFound) {
  const std::int64_t mine = EnteredId(org_);
  const std::int64_t neighbours = EnteredId(neighbour_);
  EXPECT_EQ(Call(foreign_officer_, "GET", Entry(mine)).status, 404);
  EXPECT_EQ(Call(foreign_officer_, "POST", Entry(mine, "/remove"),
                 R"({"reason":"x","removed_on":"2024-03-01"})")
                .status,
            404);
  EXPECT_EQ(
      Call(foreign_officer_, "GET", "/api/v1/orgs/" + std::to_string(org_) + "/credit-entries")
          .status,
      404);
  EXPECT_EQ(Enter(foreign_officer_, org_).status, 403) << "readable organisation, not managed";
  EXPECT_EQ(Enter(officer_, 999999).status, 404);
  EXPECT_EQ(Call(member_, "GET", Entry(neighbours)).status, 404);
  EXPECT_EQ(Call(member_, "POST", Entry(neighbours, "/objections"), R"({"text":"x"})").status, 404);
  EXPECT_EQ(Call(officer_, "GET", Entry(999999)).status, 404);
  EXPECT_EQ(Call(officer_, "GET", "/api/v1/credit-entries/abc").status, 404);
}

TEST_P(CreditApiTest, SixteenParallelEntriesOfOneListGiveOne201AndFifteen409) {
  std::vector<int> statuses(16);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] { statuses[i] = Enter(officer_, org_).status; });
  }
  for (auto& t : threads) t.join();
  std::map<int, int> counted;
  for (int s : statuses) ++counted[s];
  EXPECT_EQ(counted[201], 1);
  EXPECT_EQ(counted[409], 15);
  EXPECT_EQ(counted.size(), 2u);
  auto again = Enter(officer_, org_);
  EXPECT_EQ(Json(again).at("error").at("message").as_string(),
            "该组织已于2024-01-15列入活动异常名录，不能重复列入");
  auto listed = Call(officer_, "GET", "/api/v1/credit-entries?org_id=" + std::to_string(org_));
  EXPECT_EQ(Json(listed).at("total").as_int64(), 1);
}

TEST_P(CreditApiTest, TheOpenApiDocumentDescribesTheBodiesAndAnswers) {
  auto r = Call(admin_, "GET", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  const boost::json::object document = Json(r);
  const boost::json::object& paths = document.at("paths").as_object();
  const auto& enter = paths.at("/api/v1/orgs/{id}/credit-entries").at("post").as_object();
  const auto& body = enter.at("requestBody").at("content").at("application/json").at("schema");
  EXPECT_TRUE(body.at("properties").as_object().contains("entered_on"));
  const auto& list = paths.at("/api/v1/credit-entries").at("get").at("responses").at("2XX");
  EXPECT_TRUE(list.at("content")
                  .at("application/json")
                  .at("schema")
                  .at("properties")
                  .at("items")
                  .at("items")
                  .at("properties")
                  .as_object()
                  .contains("open_objections"));
  EXPECT_TRUE(paths.contains("/api/v1/credit-objections/{id}/answer"));
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(CreditApiTest);

}  // namespace
}  // namespace lianyin::test
