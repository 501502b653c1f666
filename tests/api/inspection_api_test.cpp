// Double-random inspections (issue #12, SPEC §5.2) over HTTP on both engines: a plan's frozen
// pools and commitment, the public page before and after the draw (re-computed from its JSON
// alone), one draw under parallel requests, 422 when the pools are too small, standing conflict
// declarations, results by the assigned inspector only, publication, and no seed in the audit
// log before the draw.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>

#include "api/api_fixture.hpp"
#include "core/crypto.hpp"
#include "domain/inspection/draw_verify.hpp"

namespace lianyin::test {
namespace {

class InspectionApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    bj_civil_ = MakeUnit(admin_, "北京市民政局", "civil_affairs", "110000", root);
    team_ = MakeUnit(admin_, "北京市社会组织执法监察队", "civil_affairs", "110000", bj_civil_);
    sx_civil_ = MakeUnit(admin_, "陕西省民政厅", "civil_affairs", "610000", root);
    for (const char* first17 : {"52110000MJ0000009", "52110000MJ0000001", "52110000MJ0000005"}) {
      MakeOrg(first17, bj_civil_, "110000");
    }
    MakeOrg("52610000MJ0000003", sx_civil_, "610000");
    officer_id_ = MakeUser("bj.civil", bj_civil_, "civil_affairs_officer");
    MakeUser("sx.civil", sx_civil_, "civil_affairs_officer");
    for (int i = 0; i < 3; ++i) {
      inspectors_.push_back(MakeUser("bj.inspector" + std::to_string(i), team_, "inspector"));
    }
    officer_ = Login("bj.civil");
    foreign_officer_ = Login("sx.civil");
  }

  std::string MakeOrg(const std::string& first17, std::int64_t unit, const std::string& region) {
    const std::string uscc = Uscc(first17);
    auto r =
        Call(admin_, "POST", "/api/v1/orgs", OrgJson("服务中心" + first17, uscc, unit, region));
    EXPECT_EQ(r.status, 201) << r.body;
    usccs_.push_back(uscc);
    return uscc;
  }
  std::int64_t MakeUser(const std::string& username, std::int64_t unit, const std::string& role) {
    boost::json::object body{{"username", username},
                             {"password", kPassword},
                             {"display_name", "检查员"},
                             {"unit_id", unit},
                             {"roles", {role}}};
    auto r = Call(admin_, "POST", "/api/v1/users", boost::json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  HttpResult CreatePlan(std::int64_t sample, std::int64_t team, const std::string& extra = "") {
    return Call(officer_, "POST", "/api/v1/inspections/plans",
                fmt::format(R"({{"name":"2024年度双随机抽查","sample_size":{},)"
                            R"("inspectors_per_team":{},"org_filter":{{"region_code":"110000"}},)"
                            R"("inspector_unit_id":{}{}}})",
                            sample, team, team_, extra));
  }
  std::int64_t PlanId(std::int64_t sample, std::int64_t team, const std::string& extra = "") {
    auto r = CreatePlan(sample, team, extra);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  static std::string Plan(std::int64_t id, const std::string& action = "") {
    return "/api/v1/inspections/plans/" + std::to_string(id) + action;
  }
  boost::json::object Public(std::int64_t id) {
    auto r = Send(port_, "GET", "/api/public/inspections/" + std::to_string(id), {}, "");
    EXPECT_EQ(r.status, 200) << r.body;
    return Json(r);
  }

  std::string CacheControl(std::int64_t id) {
    auto r = Send(port_, "GET", "/api/public/inspections/" + std::to_string(id), {}, "");
    for (const auto& [name, value] : r.headers) {
      if (name == "cache-control") return value;
    }
    return "";
  }

  Session admin_, officer_, foreign_officer_;
  std::int64_t bj_civil_ = 0, team_ = 0, sx_civil_ = 0, officer_id_ = 0;
  std::vector<std::int64_t> inspectors_;
  std::vector<std::string> usccs_;
};

TEST_P(InspectionApiTest, PlanFreezesThePoolsAndThePublicDrawReComputes) {
  auto created = CreatePlan(2, 2);
  ASSERT_EQ(created.status, 201) << created.body;
  const boost::json::object plan = Json(created);
  std::vector<std::string> bj(usccs_.begin(), usccs_.begin() + 3);
  std::sort(bj.begin(), bj.end());
  EXPECT_EQ(boost::json::value_to<std::vector<std::string>>(plan.at("org_pool")), bj);
  EXPECT_EQ(boost::json::value_to<std::vector<std::int64_t>>(plan.at("inspector_pool")),
            inspectors_);
  EXPECT_TRUE(plan.at("seed").is_null());
  EXPECT_EQ(plan.at("sampling_hint").at("percent").as_int64(), 5);  // 北京市: a province
  EXPECT_EQ(plan.at("suggested_sample_size").as_int64(), 1);
  const std::int64_t id = plan.at("id").as_int64();

  boost::json::object before = Public(id);
  EXPECT_TRUE(before.at("seed").is_null());
  EXPECT_TRUE(before.at("selections").as_array().empty());
  EXPECT_EQ(before.at("seed_commitment"), plan.at("seed_commitment"));
  EXPECT_EQ(Call(foreign_officer_, "GET", Plan(id)).status, 404);

  auto drawn = Call(officer_, "POST", Plan(id, "/draw"), "{}");
  ASSERT_EQ(drawn.status, 200) << drawn.body;
  EXPECT_EQ(Call(officer_, "POST", Plan(id, "/draw"), "{}").status, 409);
  const boost::json::object after = Public(id);
  const std::string seed(after.at("seed").as_string());
  auto seed_bytes = core::HexDecode(seed).value();
  EXPECT_EQ(core::Sha256Hex(seed_bytes), after.at("seed_commitment").as_string());
  EXPECT_EQ(after.at("selections").as_array().size(), 2u);
  const auto verdict = domain::inspection::VerifyPublicDraw(after);
  EXPECT_TRUE(verdict.ok) << verdict.message;
  // Only the draw's audit entry carries the seed.
  auto audit = Call(admin_, "GET", "/api/v1/audit?entity=inspection_plan&page_size=200");
  ASSERT_EQ(audit.status, 200) << audit.body;
  int with_seed = 0;
  const boost::json::object entries = Json(audit);
  for (const auto& e : entries.at("items").as_array()) {
    if (boost::json::serialize(e).find(seed) != std::string::npos) {
      ++with_seed;
      EXPECT_EQ(e.at("action").as_string(), "draw");
    }
  }
  EXPECT_EQ(with_seed, 1);
}

TEST_P(InspectionApiTest, TooSmallPoolsDrawNothing) {
  const std::int64_t orgs = PlanId(4, 1);
  auto r = Call(officer_, "POST", Plan(orgs, "/draw"), "{}");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(Json(r).at("error").at("details").at(0).at("field").as_string(), "sample_size");
  const std::int64_t team = PlanId(1, 4);
  EXPECT_EQ(Call(officer_, "POST", Plan(team, "/draw"), "{}").status, 422);
  EXPECT_TRUE(Public(team).at("seed").is_null());
  auto bad = Call(officer_, "POST", "/api/v1/inspections/plans",
                  R"({"name":"","sample_size":0,"inspectors_per_team":1,"inspector_unit_id":1})");
  EXPECT_EQ(bad.status, 422) << bad.body;
}

TEST_P(InspectionApiTest, ParallelDrawsDrawOnce) {
  const std::int64_t id = PlanId(3, 1);
  std::atomic<int> ok{0}, conflict{0}, other{0};
  std::latch start(8);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      start.arrive_and_wait();
      const int status = Call(officer_, "POST", Plan(id, "/draw"), "{}").status;
      (status == 200 ? ok : status == 409 ? conflict : other)++;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(conflict.load(), 7);
  EXPECT_EQ(other.load(), 0);
}

TEST_P(InspectionApiTest, StandingDeclarationsJoinLaterPlans) {
  const Session inspector = Login("bj.inspector1");
  const std::string conflicts = "/api/v1/users/" + std::to_string(inspectors_[1]) + "/conflicts";
  const std::string body = R"({"uscc":")" + usccs_[0] + R"("})";
  EXPECT_EQ(Call(inspector, "POST", conflicts, body).status, 201);
  EXPECT_EQ(Call(inspector, "POST", conflicts, body).status, 409);
  const Session other = Login("bj.inspector2");
  EXPECT_EQ(Call(other, "POST", conflicts, body).status, 403);
  EXPECT_EQ(Call(foreign_officer_, "POST", conflicts, body).status, 404);
  auto listed = Call(officer_, "GET", conflicts);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(Json(listed).at("items").as_array().size(), 1u);
  const boost::json::object plan =
      Json(CreatePlan(1, 1,
                      R"(,"conflicts":[{"inspector_id":)" + std::to_string(inspectors_[0]) +
                          R"(,"uscc":")" + usccs_[1] + R"("}])"));
  const auto& c = plan.at("conflicts").as_array();
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].at("inspector_id").as_int64(), inspectors_[0]);
  EXPECT_EQ(c[1].at("inspector_id").as_int64(), inspectors_[1]);
  EXPECT_EQ(c[1].at("uscc").as_string(), usccs_[0]);
}

TEST_P(InspectionApiTest, OnlyTheTeamRecordsAndPublicationShowsResults) {
  const std::int64_t id = PlanId(1, 1);
  auto drawn = Call(officer_, "POST", Plan(id, "/draw"), "{}");
  ASSERT_EQ(drawn.status, 200) << drawn.body;
  const boost::json::object drawn_plan = Json(drawn);
  const auto& selection = drawn_plan.at("selections").as_array().at(0);
  const std::string uscc(selection.at("uscc").as_string());
  const std::int64_t member = selection.at("inspector_ids").at(0).as_int64();
  std::size_t at = 0;
  while (inspectors_[at] != member) ++at;
  const Session assigned = Login("bj.inspector" + std::to_string(at));
  const Session outsider = Login("bj.inspector" + std::to_string((at + 1) % 3));
  const std::string result = "/api/v1/inspections/" + std::to_string(id) + "/results/" + uscc;
  auto pending = Call(assigned, "GET", "/api/v1/inspections/assignments?pending=true");
  EXPECT_EQ(Json(pending).at("pending").as_int64(), 1);
  EXPECT_EQ(Call(outsider, "PUT", result, R"({"result":"no_issue"})").status, 404);
  EXPECT_EQ(Call(officer_, "PUT", result, R"({"result":"no_issue"})").status, 403);
  EXPECT_EQ(Call(assigned, "PUT", result, R"({"result":"rectify"})").status, 422);
  EXPECT_EQ(Call(officer_, "POST", Plan(id, "/publish"), "{}").status, 422);
  auto recorded =
      Call(assigned, "PUT", result, R"({"result":"rectify","findings":"财务制度不健全"})");
  ASSERT_EQ(recorded.status, 200) << recorded.body;
  // The assignments are a list page like any other: recorded, the organisation leaves 待检查.
  const auto all = Json(Call(assigned, "GET", "/api/v1/inspections/assignments?page_size=1"));
  EXPECT_EQ(all.at("total").as_int64(), 1);
  EXPECT_EQ(all.at("page_size").as_int64(), 1);
  EXPECT_EQ(all.at("items").as_array().size(), 1u);
  EXPECT_EQ(all.at("pending").as_int64(), 0);
  EXPECT_EQ(Json(Call(assigned, "GET", "/api/v1/inspections/assignments?pending=true"))
                .at("total")
                .as_int64(),
            0);
  EXPECT_EQ(Call(assigned, "GET", "/api/v1/inspections/assignments?page_size=0").status, 422);
  EXPECT_TRUE(Public(id).at("results").is_null());
  EXPECT_EQ(CacheControl(id), "no-cache");  // the results may land any moment
  ASSERT_EQ(Call(officer_, "POST", Plan(id, "/publish"), "{}").status, 200);
  const boost::json::object published = Public(id);
  EXPECT_EQ(CacheControl(id), "public, max-age=300");
  auto index = Send(port_, "GET", "/api/public/inspections", {}, "");
  ASSERT_EQ(index.status, 200) << index.body;
  EXPECT_EQ(Json(index).at("total").as_int64(), 1);  // the drawn plan; planned ones are not listed
  EXPECT_EQ(Json(index).at("items").at(0).at("plan_id").as_int64(), id);
  EXPECT_EQ(published.at("results").at(0).at("result").as_string(), "rectify");
  EXPECT_EQ(published.at("results").at(0).at("findings").as_string(), "财务制度不健全");
  EXPECT_EQ(Call(assigned, "PUT", result, R"({"result":"no_issue"})").status, 409);
  auto list = Call(officer_, "GET", "/api/v1/inspections/plans?status=published");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(Json(list).at("total").as_int64(), 1);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(InspectionApiTest);

}  // namespace
}  // namespace lianyin::test
