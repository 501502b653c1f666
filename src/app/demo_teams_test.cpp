// The demo's teams (demo_teams.hpp) on both engines: 12 teams under 陕西省民政厅 whose progress,
// summed over the teams and as the province overview, is SPEC §6's 2022 figures and 2023 plan
// exactly, with shared projects counted once.

#include "app/demo_teams.hpp"

#include <gtest/gtest.h>

#include "app/demo_test_support.hpp"
#include "app/services.hpp"
#include "core/crypto.hpp"
#include "domain/account/platform_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
namespace team = domain::team;
using test::Admin;
using test::Count;

// 陕西省 with 榆林市 and 安康市 and a few of their counties (and one district, never paired).
domain::region::RegionSource TestRegions() {
  return {"test",
          "1",
          {{"610000", "陕西省", "100000"},
           {"610800", "榆林市", "610000"},
           {"610802", "榆阳区", "610800"},
           {"610822", "府谷县", "610800"},
           {"610824", "靖边县", "610800"},
           {"610828", "佳县", "610800"},
           {"610831", "子洲县", "610800"},
           {"610900", "安康市", "610000"},
           {"610924", "宁陕县", "610900"},
           {"610926", "平利县", "610900"}}};
}

class DemoTeamsTest : public test_support::BackendTest {};

TEST_P(DemoTeamsTest, TheTwelveTeamsAddUpToSpecSixsFigures) {
  Services services(db(), core::RandomBytes(32));
  ASSERT_TRUE(services.regions.Import(TestRegions()));
  auto admin = account::PlatformService(services.writer)
                   .SetUpPlatform({"联引平台", "admin", "Demo-Test-Passw0rd"});
  ASSERT_TRUE(admin);
  const account::Actor actor = Admin(*admin);
  auto province = services.units.Create(
      actor, {"陕西省民政厅", account::UnitKind::kCivilAffairs, "610000", admin->unit_id, {}});
  ASSERT_TRUE(province);
  auto report = BuildDemoTeams(services, actor, province->unit.id, "Demo-Test-Passw0rd");
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(static_cast<std::int64_t>(report->team_ids.size()), kDemoTeams);
  EXPECT_GT(report->shared_projects, 20);
  EXPECT_EQ(report->help_projects, kDemoHelpProjects2022 + 6);

  team::Progress sum2022, sum2023;
  for (std::int64_t id : report->team_ids) {
    const auto p = services.teams.GetProgress(actor, id, 2022).value();
    sum2022.planned.projects += p.planned.projects;
    sum2022.actual.Add(p.actual);
    const auto q = services.teams.GetProgress(actor, id, 2023).value();
    sum2023.planned.projects += q.planned.projects;
    sum2023.planned.funds_fen += q.planned.funds_fen;
  }
  EXPECT_EQ(sum2022.actual.projects, kDemoHelpProjects2022);
  EXPECT_EQ(sum2022.actual.funds_fen, kDemoHelpFunds2022Fen);
  EXPECT_EQ(sum2022.actual.beneficiaries, kDemoBeneficiaries2022);
  EXPECT_EQ(sum2022.actual.direct_purchase_fen, kDemoDirectPurchase2022Fen);
  EXPECT_EQ(sum2022.actual.sales_helped_fen, kDemoSalesHelped2022Fen);
  EXPECT_EQ(sum2023.planned.projects, kDemoPlannedProjects2023);
  EXPECT_EQ(sum2023.planned.funds_fen, kDemoPlannedFunds2023Fen);

  const auto overview = services.teams.GetOverview(actor, std::string("610000"), 2022).value();
  EXPECT_EQ(static_cast<std::int64_t>(overview.rows.size()), kDemoTeams);
  EXPECT_EQ(overview.total.actual.projects, kDemoHelpProjects2022);
  EXPECT_EQ(overview.total.actual.funds_fen, kDemoHelpFunds2022Fen);
  EXPECT_EQ(overview.total.actual.beneficiaries, kDemoBeneficiaries2022);
  EXPECT_EQ(overview.total.actual.direct_purchase_fen, kDemoDirectPurchase2022Fen);
  EXPECT_EQ(overview.total.actual.sales_helped_fen, kDemoSalesHelped2022Fen);
  // Shared projects are single rows: the table agrees with the totals.
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM help_projects WHERE started_on LIKE '2022-%'"),
            kDemoHelpProjects2022);
  EXPECT_GT(Count(db(), "SELECT COUNT(*) FROM help_project_members"), kDemoHelpProjects2022 + 6);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM orgs WHERE labour_field = 1"), 0);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM team_counties WHERE county_code = '610802'"), 0);
}

TEST_P(DemoTeamsTest, WithoutShaanxisCountiesItBuildsNothing) {
  Services services(db(), core::RandomBytes(32));
  ASSERT_TRUE(services.regions.Import({"test", "1", {{"610000", "陕西省", "100000"}}}));
  auto admin = account::PlatformService(services.writer)
                   .SetUpPlatform({"联引平台", "admin", "Demo-Test-Passw0rd"});
  ASSERT_TRUE(admin);
  auto report = BuildDemoTeams(services, Admin(*admin), 0, "Demo-Test-Passw0rd");
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->team_ids.empty());
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(DemoTeamsTest);

}  // namespace
}  // namespace lianyin::app
