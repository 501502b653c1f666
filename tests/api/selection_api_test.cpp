// The excellent-project selection (优秀项目评选, issue #9 points 5–6) over HTTP on both engines:
// a round's lifecycle, nominations in scope (one per project, exact under parallel requests),
// experts assigned automatically and by hand with conflicts excluded, scoring, the ranking on
// publication, the public showcase, and the booklet generated in the background.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <thread>

#include "api/api_fixture.hpp"
#include "domain/selection/booklet_runner.hpp"

namespace lianyin::test {
namespace {

namespace json = boost::json;

class SelectionApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    national_ = MakeUnit(admin_, "中华全国总工会", "union", "100000", root);
    bj_ = MakeUnit(admin_, "北京市总工会", "union", "110000", national_);
    sx_ = MakeUnit(admin_, "陕西省总工会", "union", "610000", national_);
    civil_ = MakeUnit(admin_, "北京市民政局", "civil_affairs", "110000", root);
    org_ = MakeOrg("北京市职工服务中心", "52110000MJ0000001");
    MakeUser("organiser", national_, "union_officer");
    MakeUser("bj.officer", bj_, "union_officer");
    MakeUser("sx.officer", sx_, "union_officer");
    e_national_ = MakeUser("e.national", national_, "expert");
    e_bj_ = MakeUser("e.bj", bj_, "expert");
    e_sx_ = MakeUser("e.sx", sx_, "expert");
    organiser_ = Login("organiser");
    bj_officer_ = Login("bj.officer");
    sx_officer_ = Login("sx.officer");
    p1_ = Accepted(bj_, "110000", "北京市快递小哥暖心驿站服务项目", 300);
    p2_ = Accepted(bj_, "110000", "北京市环卫职工健康体检服务项目", 200);
    p3_ = Accepted(sx_, "610000", "陕西省职工心理健康关爱服务项目", 100);
  }

  std::int64_t MakeOrg(const std::string& name, const std::string& first17) {
    auto r = Call(admin_, "POST", "/api/v1/orgs", OrgJson(name, Uscc(first17), civil_, "110000"));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  std::int64_t MakeUser(const std::string& username, std::int64_t unit, const std::string& role) {
    auto r = Call(admin_, "POST", "/api/v1/users",
                  json::serialize(json::object{{"username", username},
                                               {"password", kPassword},
                                               {"display_name", "专家" + username},
                                               {"unit_id", unit},
                                               {"roles", {role}}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // An accepted health project of `unit` with `person_times` served.
  std::int64_t Accepted(std::int64_t unit, const std::string& region, const std::string& title,
                        std::int64_t person_times, const std::string& last = "accepted") {
    auto r = Call(admin_, "POST", "/api/v1/projects",
                  json::serialize(json::object{{"title", title},
                                               {"category", "health"},
                                               {"funding_unit_id", unit},
                                               {"mode", "purchase"},
                                               {"provider_org_ids", {org_}},
                                               {"budget_fen", 10'000'000},
                                               {"region_code", region},
                                               {"start_on", "2022-01-01"},
                                               {"end_on", "2022-12-31"}}));
    EXPECT_EQ(r.status, 201) << r.body;
    const std::int64_t id = Json(r).at("id").as_int64();
    const std::string base = "/api/v1/projects/" + std::to_string(id);
    for (const std::string step :
         {R"({"to":"published"})",
          R"({"to":"contracted","contract_fen":8000000,"contracted_on":"2022-01-10"})",
          R"({"to":"in_progress"})", R"({"to":"accepted"})"}) {
      if (last == "in_progress" && step == R"({"to":"accepted"})") break;
      EXPECT_EQ(Call(admin_, "POST", base + "/transitions", step).status, 200);
      if (step.find("contracted") != std::string::npos) {
        EXPECT_EQ(
            Call(admin_, "POST", base + "/outputs",
                 "{\"on\":\"2022-03-01\",\"person_times\":" + std::to_string(person_times) + "}")
                .status,
            201);
      }
    }
    return id;
  }

  std::int64_t CreateRound(std::int64_t experts = 2) {
    auto r = Call(organiser_, "POST", "/api/v1/selection-rounds",
                  json::serialize(json::object{
                      {"title", "全国工会优秀服务职工项目评选"},
                      {"year", 2022},
                      {"batch", 1},
                      {"experts_per_project", experts},
                      {"rubric",
                       {json::object{{"code", "need"}, {"name", "需求契合"}, {"max_score", 40}},
                        json::object{{"code", "effect"}, {"name", "服务成效"}, {"max_score", 60}}}},
                      {"quotas",
                       {json::object{{"category", "health"}, {"quota", 2}},
                        json::object{{"category", "skills"}, {"quota", 1}}}}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  static std::string R(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/selection-rounds/" + std::to_string(id) + rest;
  }

  HttpResult Move(std::int64_t round, const std::string& to) {
    return Call(organiser_, "POST", R(round, "/transitions"), "{\"to\":\"" + to + "\"}");
  }

  HttpResult Nominate(const Session& as, std::int64_t round, std::int64_t project) {
    return Call(as, "POST", R(round, "/nominations"),
                "{\"project_id\":" + std::to_string(project) +
                    ",\"story\":\"在全市建成驿站120个，服务职工30万人次。\"}");
  }

  std::int64_t NominationId(const HttpResult& r) {
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  HttpResult ScoreAs(const std::string& expert, std::int64_t round, std::int64_t nomination,
                     int need, int effect) {
    if (!experts_.contains(expert)) experts_[expert] = Login(expert);
    return Call(experts_.at(expert), "PUT",
                R(round, "/nominations/" + std::to_string(nomination) + "/scores"),
                "{\"scores\":{\"need\":" + std::to_string(need) +
                    ",\"effect\":" + std::to_string(effect) + "}}");
  }

  Session admin_, organiser_, bj_officer_, sx_officer_;
  std::map<std::string, Session> experts_;
  std::int64_t national_ = 0, bj_ = 0, sx_ = 0, civil_ = 0, org_ = 0;
  std::int64_t e_national_ = 0, e_bj_ = 0, e_sx_ = 0;
  std::int64_t p1_ = 0, p2_ = 0, p3_ = 0;
};

TEST_P(SelectionApiTest, ARoundIsNominatedScoredRankedPublishedAndShown) {
  const std::int64_t round = CreateRound();
  EXPECT_TRUE(Json(Call(organiser_, "GET", R(round))).at("managed").as_bool());
  EXPECT_FALSE(Json(Call(Login("e.national"), "GET", R(round))).at("managed").as_bool())
      << "an expert at the organiser's unit reads the round but may not change it";
  auto every_field = Call(organiser_, "POST", "/api/v1/selection-rounds",
                          R"({"title":"","year":2022,"rubric":[{"code":"A","name":"x",)"
                          R"("max_score":0}],"quotas":[]})");
  ASSERT_EQ(every_field.status, 422);
  EXPECT_EQ(Json(every_field).at("error").at("details").as_array().size(), 4u)
      << every_field.body;  // title, rubric[0].code, rubric[0].max_score, quotas
  EXPECT_EQ(Nominate(bj_officer_, round, p1_).status, 409) << "a draft takes no nominations";
  ASSERT_EQ(Move(round, "scoring").status, 409);
  ASSERT_EQ(Move(round, "nominating").status, 200);
  const std::int64_t n1 = NominationId(Nominate(bj_officer_, round, p1_));
  const std::int64_t n2 = NominationId(Nominate(bj_officer_, round, p2_));
  auto foreign = Nominate(sx_officer_, round, p1_);
  ASSERT_EQ(foreign.status, 422) << "not in the Shaanxi officer's scope";
  EXPECT_EQ(Json(foreign).at("error").at("details").at(0).at("field").as_string(), "project_id");
  const std::int64_t n3 = NominationId(Nominate(sx_officer_, round, p3_));
  EXPECT_EQ(Nominate(bj_officer_, round, p1_).status, 409);
  const std::int64_t running = Accepted(bj_, "110000", "未验收项目", 10, "in_progress");
  EXPECT_EQ(Nominate(bj_officer_, round, running).status, 422);

  const auto total = [&](const Session& as) {
    auto r = Call(as, "GET", R(round, "/nominations"));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? Json(r).at("total").as_int64() : -1;
  };
  EXPECT_EQ(total(organiser_), 3);
  EXPECT_EQ(total(bj_officer_), 2);
  EXPECT_EQ(total(sx_officer_), 1);
  EXPECT_EQ(Call(sx_officer_, "POST", R(round, "/transitions"), R"({"to":"scoring"})").status, 403)
      << "reads the round, does not organise it";

  ASSERT_EQ(Move(round, "scoring").status, 200);
  auto conflict =
      Call(organiser_, "PUT", R(round, "/nominations/" + std::to_string(n1) + "/experts"),
           "{\"expert_ids\":[" + std::to_string(e_bj_) + "]}");
  ASSERT_EQ(conflict.status, 422) << conflict.body;
  EXPECT_EQ(Json(conflict).at("error").at("details").at(0).at("field").as_string(),
            "expert_ids[0]");
  auto assigned = Call(organiser_, "POST", R(round, "/assignments"), "{}");
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(Json(assigned).at("assigned").as_int64(), 6);
  auto assignments = Call(organiser_, "GET", R(round, "/assignments"));
  ASSERT_EQ(assignments.status, 200);
  std::map<std::int64_t, std::vector<std::int64_t>> experts;
  const json::object listed = Json(assignments);
  for (const auto& a : listed.at("items").as_array()) {
    experts[a.at("nomination_id").as_int64()].push_back(a.at("expert_user_id").as_int64());
  }
  EXPECT_EQ(experts[n1], (std::vector<std::int64_t>{e_national_, e_sx_}));
  EXPECT_EQ(experts[n2], (std::vector<std::int64_t>{e_national_, e_sx_}));
  EXPECT_EQ(experts[n3], (std::vector<std::int64_t>{e_national_, e_bj_}));

  auto queue = Call(Login("e.sx"), "GET", "/api/v1/expert/assignments");
  ASSERT_EQ(queue.status, 200);
  EXPECT_EQ(Json(queue).at("items").as_array().size(), 2u);
  EXPECT_EQ(ScoreAs("e.bj", round, n1, 30, 50).status, 404) << "not assigned";
  auto bad = ScoreAs("e.sx", round, n1, 41, 50);
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(Json(bad).at("error").at("details").at(0).at("field").as_string(), "scores.need");
  ASSERT_EQ(ScoreAs("e.national", round, n1, 30, 50).status, 200);
  ASSERT_EQ(ScoreAs("e.sx", round, n1, 31, 50).status, 200);  // n1: 80.5
  ASSERT_EQ(ScoreAs("e.national", round, n2, 35, 50).status, 200);
  auto early = Move(round, "published");
  ASSERT_EQ(early.status, 409);
  EXPECT_EQ(Json(early).at("error").at("message").as_string(), "还有 2 个推荐项目未完成评分");
  ASSERT_EQ(ScoreAs("e.sx", round, n2, 35, 55).status, 200);        // n2: 87.5
  ASSERT_EQ(ScoreAs("e.national", round, n3, 30, 51).status, 200);  // n3: 80.5, lowest 80
  ASSERT_EQ(ScoreAs("e.bj", round, n3, 30, 50).status, 200);
  auto published = Move(round, "published");
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(Json(published).at("excellent").as_int64(), 2);
  EXPECT_EQ(ScoreAs("e.sx", round, n1, 1, 1).status, 409);

  auto shown = Send(port_, "GET",
                    "/api/public/excellent-projects?round_id=" + std::to_string(round), {}, "");
  ASSERT_EQ(shown.status, 200) << shown.body;
  const json::object page = Json(shown);
  ASSERT_EQ(page.at("total").as_int64(), 2);
  EXPECT_EQ(page.at("items").at(0).at("title").as_string(), "北京市环卫职工健康体检服务项目");
  EXPECT_EQ(page.at("items").at(0).at("score").as_double(), 87.5);
  // n1 and n3 tie on 80.5; n1's lowest total (80) equals n3's (80); n1 served more.
  EXPECT_EQ(page.at("items").at(1).at("title").as_string(), "北京市快递小哥暖心驿站服务项目");
  EXPECT_EQ(page.at("items").at(1).at("rank").as_int64(), 2);
  EXPECT_EQ(page.at("items").at(1).at("providers").at(0).as_string(), "北京市职工服务中心");
  EXPECT_FALSE(page.at("items").at(0).as_object().contains("unit_id"));
  auto rounds = Send(port_, "GET", "/api/public/selection-rounds", {}, "");
  EXPECT_EQ(Json(rounds).at("total").as_int64(), 1);
}

TEST_P(SelectionApiTest, TheBookletIsGeneratedInTheBackgroundAndServed) {
  const std::int64_t round = CreateRound(1);
  ASSERT_EQ(Move(round, "nominating").status, 200);
  const std::int64_t n1 = NominationId(Nominate(bj_officer_, round, p1_));
  ASSERT_EQ(Move(round, "scoring").status, 200);
  ASSERT_EQ(Call(organiser_, "PUT", R(round, "/nominations/" + std::to_string(n1) + "/experts"),
                 "{\"expert_ids\":[" + std::to_string(e_national_) + "]}")
                .status,
            200);
  EXPECT_EQ(Call(organiser_, "POST", R(round, "/booklet"), "{}").status, 409) << "unpublished";
  ASSERT_EQ(ScoreAs("e.national", round, n1, 30, 50).status, 200);
  ASSERT_EQ(Move(round, "published").status, 200);
  auto queued = Call(organiser_, "POST", R(round, "/booklet"), "{}");
  ASSERT_EQ(queued.status, 202) << queued.body;
  EXPECT_EQ(Json(queued).at("status").as_string(), "queued");
  EXPECT_EQ(Call(organiser_, "POST", R(round, "/booklet"), "{}").status, 409) << "one at a time";
  EXPECT_EQ(Send(port_, "GET",
                 "/api/public/selection-rounds/" + std::to_string(round) + "/booklet.pdf", {}, "")
                .status,
            404);

  domain::selection::BookletRunner runner(
      services_->selection,
      std::filesystem::temp_directory_path() / ("lianyin-booklet-test-" + std::string(GetParam())));
  ASSERT_TRUE(runner.RunOne());
  EXPECT_FALSE(runner.RunOne()) << "nothing else queued";
  auto status = Call(bj_officer_, "GET", R(round, "/booklet"));
  ASSERT_EQ(status.status, 200);
  const json::object job = Json(status).at("job").as_object();
  EXPECT_EQ(job.at("status").as_string(), "done") << status.body;
  EXPECT_EQ(job.at("progress").as_int64(), 100);
  EXPECT_EQ(job.at("projects").as_int64(), 1);
  EXPECT_GE(job.at("pages").as_int64(), 3);
  auto pdf = Send(port_, "GET",
                  "/api/public/selection-rounds/" + std::to_string(round) + "/booklet.pdf", {}, "");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  auto xlsx =
      Send(port_, "GET", "/api/public/selection-rounds/" + std::to_string(round) + "/booklet.xlsx",
           {}, "");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

TEST_P(SelectionApiTest, ParallelNominationsOfOneProjectGiveOne) {
  const std::int64_t round = CreateRound();
  ASSERT_EQ(Move(round, "nominating").status, 200);
  std::vector<int> statuses(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] { statuses[i] = Nominate(bj_officer_, round, p1_).status; });
  }
  for (auto& t : threads) t.join();
  std::map<int, int> counted;
  for (int s : statuses) ++counted[s];
  EXPECT_EQ(counted[201], 1);
  EXPECT_EQ(counted[409], 7);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(SelectionApiTest);

}  // namespace
}  // namespace lianyin::test
