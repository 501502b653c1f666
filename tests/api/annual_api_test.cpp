// Annual reports and penalties (issue #12) over HTTP on both engines: a member submits, the
// authority returns, the member corrects and resubmits, the authority reviews once; one report
// per year under parallel requests; the overdue list; penalties; the public disclosure with
// results and penalties and without figures or people.

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "api/api_fixture.hpp"

namespace lianyin::test {
namespace {

class AnnualApiTest : public ApiFixture {
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
    MakeUser("bj.civil", bj_civil_, "civil_affairs_officer");
    MakeUser("sx.civil", sx_civil_, "civil_affairs_officer");
    MakeUser("bj.member", bj_union_, "org_member", org_);
    officer_ = Login("bj.civil");
    foreign_officer_ = Login("sx.civil");
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
  HttpResult Submit(const Session& as, std::int64_t org, int year, std::int64_t gov_fen = 300000) {
    return Call(as, "POST", "/api/v1/orgs/" + std::to_string(org) + "/annual-reports",
                boost::json::serialize(boost::json::object{{"year", year},
                                                           {"income_fen", 1000000},
                                                           {"expense_fen", 800000},
                                                           {"net_assets_fen", 500000},
                                                           {"gov_purchase_income_fen", gov_fen},
                                                           {"activities", "开展职工服务 12 场"}}));
  }
  static std::string Report(std::int64_t id, const std::string& action = "") {
    return "/api/v1/annual-reports/" + std::to_string(id) + action;
  }
  static std::set<std::string> Fields(const HttpResult& r) {
    std::set<std::string> out;
    const boost::json::object body = Json(r);
    if (!body.contains("error")) return out;
    for (const auto& d : body.at("error").at("details").as_array()) {
      out.insert(std::string(d.at("field").as_string()));
    }
    return out;
  }

  Session admin_, officer_, foreign_officer_, member_;
  std::int64_t bj_civil_ = 0, sx_civil_ = 0, bj_union_ = 0, org_ = 0, neighbour_ = 0;
  std::map<std::string, std::string> uscc_;
};

TEST_P(AnnualApiTest, AReportIsReturnedCorrectedResubmittedAndReviewedOnce) {
  auto created = Submit(member_, org_, 2024);
  ASSERT_EQ(created.status, 201) << created.body;
  const boost::json::object report = Json(created);
  EXPECT_EQ(report.at("status").as_string(), "submitted");
  EXPECT_TRUE(report.at("result").is_null());
  EXPECT_EQ(report.at("deadline").as_string(), "2025-06-30");
  EXPECT_EQ(report.at("unit_name").as_string(), "北京市民政局");
  const std::int64_t id = report.at("id").as_int64();
  EXPECT_EQ(Submit(officer_, org_, 2024).status, 409) << "one report per year";
  EXPECT_EQ(Submit(member_, neighbour_, 2024).status, 403) << "own organisation only";

  EXPECT_EQ(Call(member_, "POST", Report(id, "/review"), R"({"result":"pass"})").status, 403);
  EXPECT_EQ(Call(foreign_officer_, "POST", Report(id, "/review"), R"({"result":"pass"})").status,
            404);
  EXPECT_EQ(Call(member_, "PATCH", Report(id), R"({"income_fen":1})").status, 409);
  auto returned = Call(officer_, "POST", Report(id, "/return"), R"({"comment":"请补充活动明细"})");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(Json(returned).at("status").as_string(), "returned");
  auto bad = Call(member_, "PATCH", Report(id), R"({"gov_purchase_income_fen":2000000})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Fields(bad), std::set<std::string>{"gov_purchase_income_fen"});
  auto edited =
      Call(member_, "PATCH", Report(id), R"({"activities":"开展职工服务 12 场，培训 300 人次"})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto resubmitted = Call(member_, "POST", Report(id, "/submit"), "{}");
  ASSERT_EQ(resubmitted.status, 200) << resubmitted.body;
  EXPECT_EQ(Json(resubmitted).at("status").as_string(), "submitted");
  EXPECT_EQ(Json(resubmitted).at("return_comment").as_string(), "请补充活动明细");

  auto no_comment = Call(officer_, "POST", Report(id, "/review"), R"({"result":"basic_pass"})");
  EXPECT_EQ(Fields(no_comment), std::set<std::string>{"comment"});
  auto reviewed = Call(officer_, "POST", Report(id, "/review"),
                       R"({"result":"basic_pass","comment":"财务管理有待规范"})");
  ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  EXPECT_EQ(Json(reviewed).at("result").as_string(), "basic_pass");
  auto twice = Call(officer_, "POST", Report(id, "/review"), R"({"result":"pass"})");
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(Json(twice).at("error").at("message").as_string(),
            "该年度报告当前为“已审核”，只有待审核的报告才能审核或退回");

  auto audit = Call(admin_, "GET", "/api/v1/audit?entity=annual_report&page_size=50");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(Json(audit).at("total").as_int64(), 5) << "create, return, update, submit, review";
}

TEST_P(AnnualApiTest, EveryBadFieldIsNamedInOne422) {
  auto r = Call(member_, "POST", "/api/v1/orgs/" + std::to_string(org_) + "/annual-reports",
                R"({"year":2999,"income_fen":-1,"expense_fen":-2,"net_assets_fen":-3,)"
                R"("gov_purchase_income_fen":5,"activities":"x"})");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(Fields(r), (std::set<std::string>{"year", "income_fen", "expense_fen", "net_assets_fen",
                                              "gov_purchase_income_fen"}));
  auto early = Submit(member_, org_, 2010);
  EXPECT_EQ(Fields(early), std::set<std::string>{"year"}) << "founded in 2015";
  auto list = Call(officer_, "GET", "/api/v1/annual-reports?status=done&year=x");
  EXPECT_EQ(Fields(list), (std::set<std::string>{"status", "year"}));
}

TEST_P(AnnualApiTest, ListsAreScopedAndTheOverdueListNamesWhoHasNotReported) {
  ASSERT_EQ(Submit(member_, org_, 2024).status, 201);
  ASSERT_EQ(Submit(officer_, neighbour_, 2023).status, 201);
  const auto total = [&](const Session& as, const std::string& target) {
    auto r = Call(as, "GET", target);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? Json(r).at("total").as_int64() : -1;
  };
  EXPECT_EQ(total(officer_, "/api/v1/annual-reports"), 2);
  EXPECT_EQ(total(officer_, "/api/v1/annual-reports?year=2024&status=submitted"), 1);
  EXPECT_EQ(total(officer_, "/api/v1/annual-reports?q=%E7%A4%BE%E4%BC%9A"), 1);  // 社会
  EXPECT_EQ(total(member_, "/api/v1/annual-reports"), 1);
  EXPECT_EQ(total(foreign_officer_, "/api/v1/annual-reports"), 0);
  EXPECT_EQ(total(member_, "/api/v1/orgs/" + std::to_string(org_) + "/annual-reports"), 1);
  EXPECT_EQ(
      Call(member_, "GET", "/api/v1/orgs/" + std::to_string(neighbour_) + "/annual-reports").status,
      404);

  auto overdue = Call(officer_, "GET", "/api/v1/annual-reports/overdue?year=2024");
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  const boost::json::object page = Json(overdue);
  EXPECT_EQ(page.at("deadline").as_string(), "2025-06-30");
  EXPECT_TRUE(page.at("past_deadline").as_bool());
  ASSERT_EQ(page.at("total").as_int64(), 1);
  EXPECT_EQ(page.at("items").at(0).at("org_id").as_int64(), neighbour_);
  EXPECT_EQ(total(foreign_officer_, "/api/v1/annual-reports/overdue?year=2024"), 0);
}

TEST_P(AnnualApiTest, ParallelSubmissionsForOneYearGiveExactlyOneReport) {
  std::atomic<int> created = 0, conflicts = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      const int status = Submit(officer_, org_, 2022).status;
      created += status == 201;
      conflicts += status == 409;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(conflicts.load(), 7);
}

TEST_P(AnnualApiTest, PenaltiesAndResultsAreDisclosedWithoutFiguresOrPeople) {
  const std::int64_t id = Json(Submit(member_, org_, 2024)).at("id").as_int64();
  ASSERT_EQ(Call(officer_, "POST", Report(id, "/review"), R"({"result":"pass"})").status, 200);
  ASSERT_EQ(Submit(member_, org_, 2023).status, 201) << "submitted, not reviewed: not shown";
  const std::string penalties = "/api/v1/orgs/" + std::to_string(org_) + "/penalties";
  auto fine = Call(officer_, "POST", penalties,
                   R"({"decided_on":"2024-05-10","kind":"fine","reason":"违规收取会费",)"
                   R"("decision_no":"京民罚〔2024〕7号","amount_fen":500000})");
  ASSERT_EQ(fine.status, 201) << fine.body;
  EXPECT_EQ(Json(fine).at("unit_name").as_string(), "北京市民政局");
  auto bad = Call(officer_, "POST", penalties,
                  R"({"decided_on":"2024-05-10","kind":"fine",)"
                  R"("reason":"x"})");
  EXPECT_EQ(Fields(bad), std::set<std::string>{"amount_fen"});
  EXPECT_EQ(Call(member_, "POST", penalties,
                 R"({"decided_on":"2024-05-10","kind":"warning","reason":"x"})")
                .status,
            403);
  EXPECT_EQ(Call(foreign_officer_, "POST", penalties,
                 R"({"decided_on":"2024-05-10","kind":"warning","reason":"x"})")
                .status,
            403);
  auto listed = Call(member_, "GET", penalties);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(Json(listed).at("total").as_int64(), 1);

  auto disclosed = Send(port_, "GET", "/api/public/orgs/" + uscc_["北京市职工服务中心"], {}, "");
  ASSERT_EQ(disclosed.status, 200) << disclosed.body;
  const boost::json::object shown = Json(disclosed);
  const auto& reports = shown.at("annual_reports").as_array();
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].at("year").as_int64(), 2024);
  EXPECT_EQ(reports[0].at("result").as_string(), "pass");
  EXPECT_FALSE(reports[0].as_object().contains("income_fen")) << "no figures in public";
  const auto& shown_penalties = shown.at("penalties").as_array();
  ASSERT_EQ(shown_penalties.size(), 1u);
  EXPECT_EQ(shown_penalties[0].at("kind").as_string(), "fine");
  EXPECT_EQ(shown_penalties[0].at("amount_fen").as_int64(), 500000);
  EXPECT_EQ(disclosed.body.find("李雷"), std::string::npos) << "no people in public";
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(AnnualApiTest);

}  // namespace
}  // namespace lianyin::test
