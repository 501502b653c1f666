#include "app/demo_matching.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <variant>

#include "app/demo_test_support.hpp"
#include "app/services.hpp"
#include "core/crypto.hpp"
#include "domain/account/platform_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
using test::Admin;
using test::Count;
namespace matching = domain::matching;

// 江苏省 with 苏州市, its park and one more county, and 南京市.
domain::region::RegionSource TestRegions() {
  return {"test",
          "1",
          {{"320000", "江苏省", "100000"},
           {"320100", "南京市", "320000"},
           {"320500", "苏州市", "320000"},
           {"320508", "姑苏区", "320500"},
           {"320571", "苏州工业园区", "320500"}}};
}

// Rows of `sql` joined by "|", one a line.
std::string Rows(store::Database& db, const std::string& sql) {
  store::Session s = db.Acquire();
  auto stmt = s.Prepare(sql);
  std::string out;
  while (stmt.Next()) {
    for (int c = 0; c < stmt.row().ColumnCount(); ++c) {
      out += (c > 0 ? "|" : "") + stmt.row().Text(c);
    }
    out += "\n";
  }
  return out;
}

class DemoMatchingTest : public test_support::BackendTest {
 protected:
  // The platform, 江苏省总工会 and 江苏省民政厅 as BuildDemo makes them (below the root for
  // brevity), then the matching demo.
  DemoMatchingReport Build(store::Database& on) {
    Services services(on, core::RandomBytes(32));
    EXPECT_TRUE(services.regions.Import(TestRegions()));
    auto admin = account::PlatformService(services.writer)
                     .SetUpPlatform({"联引平台", "admin", "Demo-Test-Passw0rd"});
    EXPECT_TRUE(admin);
    if (!admin) return {};
    admin_ = Admin(*admin);
    for (const auto& [name, kind] : {std::pair{"江苏省总工会", account::UnitKind::kUnion},
                                     std::pair{"江苏省民政厅", account::UnitKind::kCivilAffairs}}) {
      EXPECT_TRUE(services.units.Create(admin_, {name, kind, "320000", admin->unit_id, {}}));
    }
    auto report = BuildDemoMatching(services, admin_, "Demo-Test-Passw0rd");
    EXPECT_TRUE(report) << report.error().message;
    return report ? *report : DemoMatchingReport{};
  }

  account::Actor admin_;
};

// The instance and its optimum by hand (SPEC §5.1: most people first, then least cost). All 14
// demands are in 苏州工业园区; a resource covers the park, 苏州市 or 江苏省, all of which cover it.
// Compatible pairs need the same category and overlapping windows:
//
//   new_employment  R1 cap 120 @120 元 (2027), R2 cap 80 @160 元 (2026-11 … 2027-10)
//     D1 快递小哥技能提升 150 (2027-03 … 08): R1, R2;  D2 外卖骑手交通安全培训 40 (2026-12): R2
//     → all 190 served; R1 (cheaper, only D1 can use it) filled by D1, D1 split 120 R1 + 30 R2,
//       D2 40 R2: 120×12 000 + 70×16 000 = 2 560 000 fen.
//   skills  R3 cap 60 @220 元 (2027-03 … 11), R4 劳模工匠导师带徒 cap 30 @320 元 (2027-01 … 02)
//     D3 一线职工技能等级提升 90 (2027-04 … 10): R3;  D4 青年职工导师带徒 30 (2027-01 … 06): R3, R4
//     → the most people: D4 takes the dearer R4 (taking the cheaper R3 would cost D3 as many
//       places), D3 gets R3's 60 and 30 stay unmatched (capacity_exhausted):
//       60×22 000 + 30×32 000 = 2 280 000 fen.
//   health  R5 户外劳动者健康体检 cap 100 @200 元 (2027-04 … 08), R6 cap 100 @230 元 (2027-03 …
//           05), R7 cap 150 @280 元 (2027-06 … 10), R8 心理辅导 cap 100 @80 元 (2026-11 … 2027-03)
//     D5 女职工关爱健康体检 80 (2027-04 … 05): R5, R6;  D6 外卖骑手健康体检 100 (2027-06 … 08):
//     R5, R7;  D7 环卫职工健康体检 60 (2027-09 … 10): R7;  D8 职工心理健康关爱 70: R8
//     → all served. With c5, c6 the places D5 and D6 take on R5 the cost is constant − 3 000·c5
//       − 8 000·c6, c5 + c6 ≤ 100: so the cheap R5 goes wholly to D6 (not to D5, who would
//       take it first greedily) and D5 goes to R6: 80×23 000 + 100×20 000 + 60×28 000 +
//       70×8 000 = 6 080 000 fen (greedy in list order: 6 480 000).
//   children  R9 暑期托管 cap 80 @150 元 (2026-07-06 … 08-28)
//     D9 暑期托管 60 (2026-07 … 08): R9 → 60×15 000 = 900 000;  D10 寒假托管 40 (2027-01-25 …
//     02-26): R9 covers the park but its window does not overlap → 40 unmatched (window).
//   common_prosperity  no resource at all: D11 困难职工家庭帮扶 25 unmatched
//     (no_compatible_resource).
//   culture_sports  R10 篮球联赛 cap 120 @90 元 (2027-04 … 06), R11 健步走 cap 200 @60 元
//     (2027-09 … 11); D12 篮球联赛 96: R10; D13 健步走 150: R11 → 864 000 + 900 000.
//   volunteer  R12 cap 60 @100 元 (2027), R13 cap 25 @70 元 (2027-03 … 06)
//     D14 志愿者服务队培训 40 (2027-03 … 05): R13 25 + R12 15 → 175 000 + 150 000 = 325 000.
//
// Matched 190 + 90 + 310 + 60 + 96 + 150 + 40 = 936 of 1 031 (95 unmatched: 30 + 40 + 25);
// cost 2 560 000 + 2 280 000 + 6 080 000 + 900 000 + 1 764 000 + 325 000 = 13 909 000 fen.
// Every optimum above is unique, so are the 14 assignments.
constexpr std::int64_t kMatched = 936;
constexpr std::int64_t kUnmatched = 95;
constexpr std::int64_t kCostFen = 13'909'000;

TEST_P(DemoMatchingTest, BuildsTheParksListsAndSolvesThemOptimally) {
  const DemoMatchingReport report = Build(db());
  EXPECT_EQ(report.units, 3);
  EXPECT_EQ(report.orgs, 6);
  EXPECT_EQ(report.links, 6);
  EXPECT_EQ(report.resources, 13);
  EXPECT_EQ(report.demands, 14);
  EXPECT_EQ(report.runs, 1);

  // The units hang where they should; the organisations are the park's, linked to its union.
  EXPECT_EQ(Rows(db(),
                 "SELECT u.name, u.kind, u.region_code, p.name FROM units u JOIN units p ON "
                 "p.id = u.parent_id WHERE u.name IN ('苏州市总工会', '苏州工业园区总工会', "
                 "'苏州市民政局') ORDER BY u.id"),
            "苏州市总工会|union|320500|江苏省总工会\n"
            "苏州工业园区总工会|union|320571|苏州市总工会\n"
            "苏州市民政局|civil_affairs|320500|江苏省民政厅\n");
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM orgs o JOIN units u ON u.id = o.registration_unit_id "
                  "WHERE o.region_code = '320571' AND u.name = '苏州市民政局' AND o.status = "
                  "'registered' AND o.labour_field = 1"),
            6);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM org_links l JOIN units u ON u.id = l.unit_id WHERE "
                  "u.name = '苏州工业园区总工会'"),
            6);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM resources"), 13);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM demands d JOIN units u ON u.id = d.unit_id WHERE "
                  "u.name = '苏州工业园区总工会' AND d.region_code = '320571'"),
            14);
  EXPECT_EQ(Count(db(), "SELECT COUNT(DISTINCT category) FROM resources"), 6);
  EXPECT_EQ(Count(db(), "SELECT SUM(headcount) FROM demands"), kMatched + kUnmatched);

  // The run, as the matching stored it.
  Services services(db(), core::RandomBytes(32));
  auto run = services.matching.GetRun(admin_, report.run_id);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->unit_name, "苏州工业园区总工会");
  EXPECT_EQ(run->created_by_name, "苏州工业园区总工会（演示干部）");
  EXPECT_EQ(run->request.region_code, "320571");
  EXPECT_EQ(run->demands_considered, 14);
  EXPECT_EQ(run->resources_considered, 13);
  EXPECT_EQ(run->matched_headcount, kMatched);
  EXPECT_EQ(run->unmatched_headcount, kUnmatched);
  EXPECT_EQ(run->total_cost_fen, kCostFen);
  EXPECT_EQ(report.matched_headcount, kMatched);
  EXPECT_EQ(report.total_cost_fen, kCostFen);

  std::map<std::string, std::string> unmatched;
  for (const matching::Unmatched& u : run->unmatched) {
    unmatched[u.demand_title] = fmt::format("{} {}", u.headcount, u.reason);
  }
  EXPECT_EQ(unmatched, (std::map<std::string, std::string>{
                           {"一线职工技能等级提升", "30 capacity_exhausted"},
                           {"职工子女寒假托管", "40 window"},
                           {"困难职工家庭帮扶", "25 no_compatible_resource"}}));

  std::map<std::string, std::int64_t> assigned;  // "demand → resource": headcount
  for (const matching::Match& m : run->assignments) {
    assigned[m.demand_title + " → " + m.resource_title] = m.headcount;
  }
  EXPECT_EQ(assigned, (std::map<std::string, std::int64_t>{
                          {"快递小哥技能提升 → 新就业形态劳动者职业技能培训", 120},
                          {"快递小哥技能提升 → 网约配送员安全骑行与应急救护培训", 30},
                          {"外卖骑手交通安全培训 → 网约配送员安全骑行与应急救护培训", 40},
                          {"一线职工技能等级提升 → 产业工人技能等级提升培训", 60},
                          {"青年职工导师带徒 → 劳模工匠导师带徒", 30},
                          {"女职工关爱健康体检 → 女职工健康体检与两癌筛查", 80},
                          {"外卖骑手健康体检 → 户外劳动者健康体检", 100},
                          {"环卫职工健康体检 → 环卫职工职业健康体检", 60},
                          {"职工心理健康关爱 → 职工心理健康辅导", 70},
                          {"职工子女暑期托管 → 职工子女暑期托管", 60},
                          {"园区职工篮球联赛 → 园区职工篮球联赛", 96},
                          {"职工健步走 → 职工健步走活动", 150},
                          {"园区职工志愿者服务队培训 → 社区公益志愿服务", 25},
                          {"园区职工志愿者服务队培训 → 职工志愿服务队能力建设", 15}}));

  // Five proposals accepted (reserving their places), three of them since served; nine left.
  EXPECT_EQ(report.proposals, 14);
  EXPECT_EQ(report.accepted, 5);
  EXPECT_EQ(report.to_review, 9);
  EXPECT_EQ(run->proposed, 9);
  EXPECT_EQ(
      Rows(db(), "SELECT title, reserved, status FROM resources WHERE reserved > 0 ORDER BY id"),
      "新就业形态劳动者职业技能培训|120|matched\n"
      "网约配送员安全骑行与应急救护培训|70|partly_matched\n"
      "职工心理健康辅导|70|partly_matched\n"
      "职工子女暑期托管|60|partly_matched\n");
  EXPECT_EQ(Count(db(), "SELECT SUM(reserved) FROM resources"),
            Count(db(),
                  "SELECT SUM(headcount) FROM matches WHERE status IN ('accepted', "
                  "'in_service', 'done', 'rated')"));
  EXPECT_EQ(Rows(db(), "SELECT status, COUNT(*) FROM matches GROUP BY status ORDER BY status"),
            "accepted|2\nin_service|2\nproposed|9\nrated|1\n");
  EXPECT_EQ(Rows(db(), "SELECT rating, rating_comment FROM matches WHERE rating IS NOT NULL"),
            "5|托管老师认真负责，孩子们暑假过得充实又安全，职工们很满意！\n");

  // The workbench: proposals to review. For the park's officer as for the platform.
  // The officer logs in with the admin's password.
  auto login =
      services.auth.Login(kDemoParkOfficer, "Demo-Test-Passw0rd", {"127.0.0.1", "test", "test"});
  ASSERT_TRUE(login) << login.error().message;
  ASSERT_TRUE(std::holds_alternative<account::LoginResult>(*login));
  const account::Actor officer = std::get<account::LoginResult>(*login).actor;
  EXPECT_EQ(officer.unit_name, "苏州工业园区总工会");
  for (const account::Actor& who : {admin_, officer}) {
    const matching::Summary summary = services.matching.Summarise(who);
    EXPECT_EQ(summary.proposals_to_review, 9);
    EXPECT_GT(summary.proposals_to_review, 0);
    EXPECT_EQ(summary.in_service, 2);
    EXPECT_EQ(summary.to_rate, 0);
    EXPECT_EQ(summary.open_resources, 12);  // R1 is fully reserved
    // D1, D2, D8 and D9 are wholly accepted: 1 031 − (150 + 40 + 70 + 60) still to serve.
    EXPECT_EQ(summary.open_demands, 10);
    EXPECT_EQ(summary.open_headcount, 711);
  }
  EXPECT_TRUE(services.matching.GetRun(officer, report.run_id));

  // No projects: SPEC §6's national figures are the project demo's alone.
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM projects"), 0);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM matches WHERE project_id IS NOT NULL"), 0);
}

TEST_P(DemoMatchingTest, TwoBuildsGiveTheSameMatching) {
  Build(db());
  auto again = test_support::OpenBackendDatabase(GetParam());
  Build(*again);
  const std::string sql =
      "SELECT d.title, s.title, m.headcount, m.cost_fen, m.status, s.reserved FROM matches m "
      "JOIN demands d ON d.id = m.demand_id JOIN resources s ON s.id = m.resource_id ORDER BY "
      "m.id";
  EXPECT_EQ(Rows(db(), sql), Rows(*again, sql));
  EXPECT_FALSE(Rows(db(), sql).empty());
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(DemoMatchingTest);

}  // namespace
}  // namespace lianyin::app
