// Grade evaluations (等级评估, issue #12 part 2) over HTTP on both engines: templates and their
// validation, the built-in scales, evaluations with the conflict, credit-list and annual-report
// gates, the experts' scores, SPEC §5.3's grade (drop one highest and one lowest with five or more
// experts, the mean half up to 0.1) set on the organisation, and exactly one finalisation and one
// open evaluation under parallel requests.

#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "api/api_fixture.hpp"
#include "domain/evaluation/evaluation_rules.hpp"

namespace lianyin::test {
namespace {

namespace json = boost::json;

// A template whose one leaf carries the whole 100 points: an expert's total is its one score.
constexpr const char* kOneLeaf = R"({"name":"单项百分制","max_score":100,
  "thresholds":{"5A":90,"4A":80,"3A":70,"2A":60,"1A":50},
  "indicators":[{"code":"1","name":"综合","max_score":100,
                 "children":[{"code":"1.1","name":"综合评价","max_score":100}]}]})";

class EvaluationApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    bj_civil_ = MakeUnit(admin_, "北京市民政局", "civil_affairs", "110000", root);
    sx_civil_ = MakeUnit(admin_, "陕西省民政厅", "civil_affairs", "610000", root);
    org_ = MakeOrg("北京市职工服务中心", "52110000MJ0000001", bj_civil_, "110000");
    other_ = MakeOrg("北京市社会工作协会", "52110000MJ0000002", bj_civil_, "110000");
    MakeUser("bj.civil", bj_civil_, {"civil_affairs_officer"});
    MakeUser("sx.civil", sx_civil_, {"civil_affairs_officer"});
    for (int i = 0; i < 6; ++i) {
      experts_.push_back(MakeUser("expert" + std::to_string(i), bj_civil_, {"expert"}, 0,
                                  "专家" + std::to_string(i)));
      expert_sessions_.push_back(Login("expert" + std::to_string(i)));
    }
    conflicted_ = MakeUser("conflicted", bj_civil_, {"expert"}, org_, "王会员");
    sx_expert_ = MakeUser("sx.expert", sx_civil_, {"expert"});
    officer_ = Login("bj.civil");
    foreign_officer_ = Login("sx.civil");
    one_leaf_ =
        Json(Call(officer_, "POST", "/api/v1/evaluation-templates", kOneLeaf)).at("id").as_int64();
  }

  std::int64_t MakeOrg(const std::string& name, const std::string& first17, std::int64_t unit,
                       const std::string& region) {
    auto r = Call(admin_, "POST", "/api/v1/orgs", OrgJson(name, Uscc(first17), unit, region));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  std::int64_t MakeUser(const std::string& username, std::int64_t unit,
                        const std::vector<std::string>& roles, std::int64_t org = 0,
                        const std::string& name = "李雷") {
    json::object body{{"username", username},
                      {"password", kPassword},
                      {"display_name", name},
                      {"unit_id", unit},
                      {"roles", json::array(roles.begin(), roles.end())}};
    if (org) body["org_id"] = org;
    auto r = Call(admin_, "POST", "/api/v1/users", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  HttpResult Create(std::int64_t org, std::int64_t tmpl, const std::vector<std::int64_t>& experts,
                    const Session* as = nullptr) {
    return Call(
        as ? *as : officer_, "POST", "/api/v1/evaluations",
        json::serialize(json::object{{"org_id", org},
                                     {"template_id", tmpl},
                                     {"expert_ids", json::array(experts.begin(), experts.end())}}));
  }
  std::int64_t Created(std::int64_t org, std::int64_t tmpl, std::size_t experts) {
    auto r = Create(
        org, tmpl,
        std::vector<std::int64_t>(experts_.begin(), experts_.begin() + static_cast<long>(experts)));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  static std::string Path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/evaluations/" + std::to_string(id) + rest;
  }
  HttpResult Score(std::int64_t id, std::size_t expert, const std::string& scores,
                   const Session* as = nullptr) {
    return Call(as ? *as : expert_sessions_[expert], "PUT",
                Path(id, "/scores/" + std::to_string(experts_[expert])),
                "{\"scores\":" + scores + "}");
  }
  // Every expert i in order scores `points[i]` on the one-leaf template.
  void ScoreAll(std::int64_t id, const std::vector<std::string>& points) {
    for (std::size_t i = 0; i < points.size(); ++i) {
      auto r = Score(id, i, "{\"1.1\":" + points[i] + "}");
      ASSERT_EQ(r.status, 200) << r.body;
    }
  }
  static std::vector<std::string> Fields(const HttpResult& r) {
    std::vector<std::string> out;
    const json::object body = Json(r);
    if (!body.contains("error")) return out;
    for (const auto& d : body.at("error").at("details").as_array()) {
      out.emplace_back(d.at("field").as_string());
    }
    return out;
  }

  Session admin_, officer_, foreign_officer_;
  std::vector<Session> expert_sessions_;
  std::vector<std::int64_t> experts_;
  std::int64_t bj_civil_ = 0, sx_civil_ = 0, org_ = 0, other_ = 0, conflicted_ = 0, sx_expert_ = 0,
               one_leaf_ = 0;
};

TEST_P(EvaluationApiTest, TheBuiltInScalesAreListedFirstAndCannotBeChanged) {
  auto r = Call(officer_, "GET", "/api/v1/evaluation-templates");
  ASSERT_EQ(r.status, 200) << r.body;
  const json::array items = Json(r).at("items").as_array();
  ASSERT_GE(items.size(), 4U);
  const json::object national = items[0].as_object();
  EXPECT_TRUE(national.at("builtin").as_bool());
  EXPECT_EQ(national.at("max_score").as_int64(), 1000);
  EXPECT_EQ(json::serialize(national.at("thresholds")),
            R"({"5A":900,"4A":800,"3A":700,"2A":600,"1A":500})");
  EXPECT_EQ(items[1].at("max_score").as_int64(), 100);
  EXPECT_EQ(items[1].at("thresholds").at("5A").as_int64(), 90);
  EXPECT_FALSE(national.at("editable").as_bool());
  auto patched = Call(
      officer_, "PATCH",
      "/api/v1/evaluation-templates/" + std::to_string(national.at("id").as_int64()), kOneLeaf);
  EXPECT_EQ(patched.status, 409) << patched.body;
}

TEST_P(EvaluationApiTest, ABadTemplateNamesEveryFieldByItsPath) {
  auto r = Call(officer_, "POST", "/api/v1/evaluation-templates", R"({"name":"坏模板",
    "max_score":100,"thresholds":{"5A":90,"4A":90,"3A":70,"2A":60,"1A":120},
    "indicators":[{"code":"1","name":"甲","max_score":60,"children":[
                    {"code":"1.1","name":"乙","max_score":30},
                    {"code":"1.1","name":"丙","max_score":20.25}]},
                  {"code":"2","name":"丁","max_score":40}]})");
  ASSERT_EQ(r.status, 422) << r.body;
  const std::vector<std::string> fields = Fields(r);
  for (const char* f : {"thresholds.4A", "thresholds.1A", "indicators[0].children[1].code",
                        "indicators[0].children[1].max_score"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f << r.body;
  }
  auto sums = Call(officer_, "POST", "/api/v1/evaluation-templates", R"({"name":"坏模板",
    "max_score":100,"thresholds":{"5A":90,"4A":80,"3A":70,"2A":60,"1A":50},
    "indicators":[{"code":"1","name":"甲","max_score":60,"children":[
                    {"code":"1.1","name":"乙","max_score":30}]},{"code":"2","name":"丁","max_score":40}]})");
  ASSERT_EQ(sums.status, 422) << sums.body;
  EXPECT_EQ(Fields(sums), std::vector<std::string>{"indicators[0].max_score"});
}

TEST_P(EvaluationApiTest, ATemplateChangesOnlyWhileUnusedAndInItsCreatorsScope) {
  const std::string path = "/api/v1/evaluation-templates/" + std::to_string(one_leaf_);
  std::string renamed = kOneLeaf;
  renamed.replace(renamed.find("单项百分制"), std::string("单项百分制").size(), "综合百分制");
  EXPECT_EQ(Call(foreign_officer_, "PATCH", path, renamed).status, 403);
  auto ok = Call(officer_, "PATCH", path, renamed);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Json(ok).at("name").as_string(), "综合百分制");
  Created(org_, one_leaf_, 1);
  auto used = Call(officer_, "PATCH", path, kOneLeaf);
  EXPECT_EQ(used.status, 409) << used.body;
  EXPECT_EQ(Json(Call(officer_, "GET", path)).at("uses").as_int64(), 1);
}

TEST_P(EvaluationApiTest, ConflictedExpertsAndListedOrganisationsAreRefusedByName) {
  auto conflict = Create(org_, one_leaf_, {experts_[0], conflicted_, sx_expert_, experts_[0]});
  ASSERT_EQ(conflict.status, 422) << conflict.body;
  EXPECT_EQ(Fields(conflict), std::vector<std::string>{"expert_ids[3]"});  // twice, first
  conflict = Create(org_, one_leaf_, {experts_[0], conflicted_, sx_expert_});
  ASSERT_EQ(conflict.status, 422) << conflict.body;
  EXPECT_EQ(Fields(conflict), (std::vector<std::string>{"expert_ids[1]", "expert_ids[2]"}));
  EXPECT_NE(conflict.body.find("王会员"), std::string::npos) << conflict.body;
  // The same expert has no conflict with another organisation.
  EXPECT_EQ(Create(other_, one_leaf_, {conflicted_}).status, 201);

  auto listed = Call(officer_, "POST", "/api/v1/orgs/" + std::to_string(org_) + "/credit-entries",
                     R"({"list":"abnormal","reason":"未按规定报送年度工作报告",
                         "entered_on":"2024-01-15"})");
  ASSERT_EQ(listed.status, 201) << listed.body;
  auto refused = Create(org_, one_leaf_, {experts_[0]});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Fields(refused), std::vector<std::string>{"org_id"});
  EXPECT_NE(refused.body.find("北京市职工服务中心"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("2024-01-15"), std::string::npos) << refused.body;

  EXPECT_EQ(Create(other_, one_leaf_, {experts_[1]}, &foreign_officer_).status, 403);
  auto missing = Create(999999, 999999, {experts_[1]});
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(Fields(missing), std::vector<std::string>{"org_id"});
  EXPECT_EQ(Fields(Create(other_, 999999, {})), std::vector<std::string>{"expert_ids"});
}

// A standing declaration (POST /users/{id}/conflicts) keeps its expert off that organisation
// only; an organisation whose last reviewed annual report failed is not evaluated.
TEST_P(EvaluationApiTest, DeclaredConflictsAndAFailedAnnualReportAreRefused) {
  auto declared =
      Call(admin_, "POST", "/api/v1/users/" + std::to_string(experts_[2]) + "/conflicts",
           R"({"uscc":")" + Uscc("52110000MJ0000001") + R"("})");
  ASSERT_EQ(declared.status, 201) << declared.body;
  auto conflict = Create(org_, one_leaf_, {experts_[0], experts_[2]});
  ASSERT_EQ(conflict.status, 422) << conflict.body;
  EXPECT_EQ(Fields(conflict), std::vector<std::string>{"expert_ids[1]"});
  EXPECT_NE(conflict.body.find("专家2"), std::string::npos) << conflict.body;
  EXPECT_EQ(Create(other_, one_leaf_, {experts_[2]}).status, 201);

  auto filed = Call(officer_, "POST", "/api/v1/orgs/" + std::to_string(org_) + "/annual-reports",
                    R"({"year":2025,"income_fen":100000,"expense_fen":90000,
                        "net_assets_fen":50000,"gov_purchase_income_fen":0,
                        "activities":"职工服务活动"})");
  ASSERT_EQ(filed.status, 201) << filed.body;
  const std::string report = std::to_string(Json(filed).at("id").as_int64());
  ASSERT_EQ(Call(officer_, "POST", "/api/v1/annual-reports/" + report + "/review",
                 R"({"result":"fail","comment":"财务报表不实"})")
                .status,
            200);
  auto refused = Create(org_, one_leaf_, {experts_[0]});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Fields(refused), std::vector<std::string>{"org_id"});
  EXPECT_NE(refused.body.find("年检结论为不合格"), std::string::npos) << refused.body;
}

TEST_P(EvaluationApiTest, ScoresAreTheAssignedExpertsOwnAndChecked) {
  const std::int64_t id = Created(org_, one_leaf_, 2);
  // Someone else's scores, or an evaluation one is not assigned to: 404.
  EXPECT_EQ(Score(id, 0, R"({"1.1":80})", &expert_sessions_[1]).status, 404);
  EXPECT_EQ(Call(expert_sessions_[5], "GET", Path(id)).status, 404);
  EXPECT_EQ(Score(id, 0, R"({"1.1":80})", &officer_).status, 403);
  EXPECT_EQ(Json(Call(expert_sessions_[0], "GET", "/api/v1/evaluations?awaiting_me=true"))
                .at("total")
                .as_int64(),
            1);
  auto bad = Score(id, 0, R"({"1.1":100.5,"9":1})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{"scores.1.1", "scores.9"}));
  EXPECT_EQ(Fields(Score(id, 0, R"({"1.1":80.25})")), std::vector<std::string>{"scores.1.1"});
  EXPECT_EQ(Fields(Score(id, 0, R"({})")), std::vector<std::string>{"scores.1.1"});
  ASSERT_EQ(Score(id, 0, R"({"1.1":70})").status, 200);
  auto mine = Score(id, 0, R"({"1.1":80.5})");  // editable until finalised
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(Json(mine).at("experts").at(0).at("total").as_double(), 80.5);

  // Not everyone has scored: 422 naming who.
  auto early = Call(officer_, "POST", Path(id, "/finalize"));
  ASSERT_EQ(early.status, 422) << early.body;
  EXPECT_EQ(Fields(early), std::vector<std::string>{"experts[1]"});
  EXPECT_NE(early.body.find("专家1"), std::string::npos);
  ASSERT_EQ(Score(id, 1, R"({"1.1":90})").status, 200);
  // An expert reads only its own scores; the officer reads all.
  auto seen = Json(Call(expert_sessions_[1], "GET", Path(id)));
  EXPECT_TRUE(seen.at("experts").at(0).at("total").is_null());
  EXPECT_TRUE(seen.at("experts").at(0).at("scored").as_bool());
  EXPECT_EQ(seen.at("experts").at(1).at("total").as_int64(), 90);
  auto listed = Json(Call(expert_sessions_[1], "GET", "/api/v1/evaluations"));
  EXPECT_EQ(listed.at("total").as_int64(), 1);
  const std::string awaiting = "/api/v1/evaluations?awaiting_me=true";
  EXPECT_EQ(Json(Call(expert_sessions_[1], "GET", awaiting)).at("total").as_int64(), 0);
  EXPECT_EQ(Json(Call(expert_sessions_[5], "GET", "/api/v1/evaluations")).at("total").as_int64(),
            0);
  EXPECT_EQ(Call(foreign_officer_, "GET", Path(id)).status, 404);
  EXPECT_EQ(Call(foreign_officer_, "POST", Path(id, "/finalize")).status, 404);

  auto done = Call(officer_, "POST", Path(id, "/finalize"));
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(Json(done).at("score").as_double(), 85.3);  // (80.5 + 90) / 2 = 85.25 → 85.3
  EXPECT_EQ(Score(id, 0, R"({"1.1":10})").status, 409);
  EXPECT_EQ(Call(officer_, "POST", Path(id, "/finalize")).status, 409);
}

TEST_P(EvaluationApiTest, SixExpertsDropOneHighestAndOneLowestAndGradeTheOrganisation) {
  const std::int64_t id = Created(org_, one_leaf_, 6);
  // Dropped: 95 (the highest) and 60 (the lowest); the rest average 85.05 → 85.1.
  ScoreAll(id, {"85", "95", "85.1", "60", "85.1", "85"});
  auto r = Call(officer_, "POST", Path(id, "/finalize"));
  ASSERT_EQ(r.status, 200) << r.body;
  const json::object d = Json(r);
  EXPECT_EQ(d.at("status").as_string(), "finalized");
  EXPECT_EQ(d.at("score").as_double(), 85.1);
  EXPECT_EQ(d.at("grade").as_string(), "4A");
  std::vector<bool> dropped;
  for (const auto& x : d.at("experts").as_array()) dropped.push_back(x.at("dropped").as_bool());
  EXPECT_EQ(dropped, (std::vector<bool>{false, true, false, true, false, false}));
  EXPECT_EQ(d.at("experts").at(1).at("total").as_int64(), 95);
  const std::string until = std::string(d.at("valid_until").as_string());
  const std::string on = std::string(d.at("finalized_on").as_string());
  EXPECT_EQ(until, core::FormatDate(domain::evaluation::ValidUntil(core::ParseDate(on).value())));
  EXPECT_GT(until, on);

  auto org = Json(Call(officer_, "GET", "/api/v1/orgs/" + std::to_string(org_)));
  EXPECT_EQ(org.at("grade").as_string(), "4A");
  EXPECT_EQ(org.at("grade_valid_until").as_string(), until);
  auto graded = Json(Call(officer_, "GET", "/api/v1/orgs?grade=4A"));
  EXPECT_EQ(graded.at("total").as_int64(), 1);
  auto audit = Json(Call(admin_, "GET", "/api/v1/audit?entity=evaluation"));
  EXPECT_GE(audit.at("total").as_int64(), 8);  // create, six scores, finalize
  // The organisation's timeline tells of the grade.
  auto history = Json(Call(officer_, "GET", "/api/v1/orgs/" + std::to_string(org_) + "/history"));
  bool told = false;
  for (const auto& e : history.at("items").as_array()) {
    if (e.at("action").as_string() != "grade") continue;
    told = true;
    EXPECT_EQ(e.at("reason").as_string(), "等级评估定为4A（85.1分），有效期至" + until);
    EXPECT_EQ(e.at("actor_username").as_string(), "bj.civil");
    EXPECT_EQ(e.at("details").at("evaluation_id").as_int64(), id);
  }
  EXPECT_TRUE(told) << json::serialize(history);
}

TEST_P(EvaluationApiTest, BelowTheLowestThresholdThereIsNoGrade) {
  const std::int64_t id = Created(org_, one_leaf_, 2);
  ScoreAll(id, {"49.9", "50"});  // 49.95 → 50.0: 1A exactly
  auto r = Json(Call(officer_, "POST", Path(id, "/finalize")));
  EXPECT_EQ(r.at("score").as_int64(), 50);
  EXPECT_EQ(r.at("grade").as_string(), "1A");
  const std::int64_t again = Created(org_, one_leaf_, 2);
  ScoreAll(again, {"49.8", "50"});  // 49.9
  auto none = Json(Call(officer_, "POST", Path(again, "/finalize")));
  EXPECT_EQ(none.at("score").as_double(), 49.9);
  EXPECT_TRUE(none.at("grade").is_null());
  auto org = Json(Call(officer_, "GET", "/api/v1/orgs/" + std::to_string(org_)));
  EXPECT_TRUE(org.at("grade").is_null());
}

TEST_P(EvaluationApiTest, ParallelRequestsOpenOneEvaluationAndFinaliseItOnce) {
  std::vector<int> statuses(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] { statuses[i] = Create(org_, one_leaf_, {experts_[0]}).status; });
  }
  for (auto& t : threads) t.join();
  std::map<int, int> counted;
  for (int s : statuses) ++counted[s];
  EXPECT_EQ(counted[201], 1);
  EXPECT_EQ(counted[409], 7);
  auto list = Json(Call(officer_, "GET", "/api/v1/evaluations?status=scoring"));
  ASSERT_EQ(list.at("total").as_int64(), 1);
  const std::int64_t id = list.at("items").at(0).at("id").as_int64();
  ASSERT_EQ(Score(id, 0, R"({"1.1":91})").status, 200);

  threads.clear();
  counted.clear();
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back(
        [&, i] { statuses[i] = Call(officer_, "POST", Path(id, "/finalize")).status; });
  }
  for (auto& t : threads) t.join();
  for (int s : statuses) ++counted[s];
  EXPECT_EQ(counted[200], 1);
  EXPECT_EQ(counted[409], 7);
  auto finalize_entries =
      Json(Call(admin_, "GET", "/api/v1/audit?entity=evaluation&action=finalize"));
  EXPECT_EQ(finalize_entries.at("total").as_int64(), 1);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(EvaluationApiTest);

}  // namespace
}  // namespace lianyin::test
