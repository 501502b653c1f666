#include "app/demo_annual.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/demo_test_support.hpp"
#include "app/services.hpp"
#include "core/crypto.hpp"
#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
using test::Admin;
using test::Count;

constexpr int kOrgs = 42;

class DemoAnnualTest : public test_support::BackendTest {
 protected:
  // 陕西省民政厅 below the root with kOrgs organisations, then the annual demo as of
  // 2026-12-04.
  DemoAnnualReport Build() {
    Services services(db(), core::RandomBytes(32));
    EXPECT_TRUE(services.regions.Import({"test", "1", {{"610000", "陕西省", "100000"}}}));
    auto admin = account::PlatformService(services.writer)
                     .SetUpPlatform({"联引平台", "admin", "Demo-Test-Passw0rd"});
    EXPECT_TRUE(admin);
    if (!admin) return {};
    const account::Actor actor = Admin(*admin);
    auto civil = services.units.Create(
        actor, {"陕西省民政厅", account::UnitKind::kCivilAffairs, "610000", admin->unit_id, {}});
    EXPECT_TRUE(civil);
    if (!civil) return {};
    for (int i = 0; i < kOrgs; ++i) {
      domain::org::NewOrg o;
      o.name = fmt::format("陕西省职工服务中心（第{}站）", i);
      const std::string first17 = fmt::format("52610000MJ{:07d}", i);
      o.uscc = first17 + core::UsccCheckCharacter(first17).value_or('0');
      o.org_type = "social_service";
      o.region_code = "610000";
      o.registration_unit_id = civil->unit.id;
      o.legal_rep = "林峰";
      o.phone = "13900000000";
      o.founded_on = "2015-03-01";
      o.business_scope = "职工服务";
      o.service_categories = {"skills"};
      EXPECT_TRUE(services.orgs.Create(actor, std::move(o)));
    }
    const core::DateTime now{core::StartOfDay({2026, 12, 4}).unix_seconds + 10 * 3600};
    auto report = BuildDemoAnnual(services, actor, now);
    EXPECT_TRUE(report) << report.error().message;
    return report ? *report : DemoAnnualReport{};
  }
};

TEST_P(DemoAnnualTest, ReportsAreReviewedAndTheRulesListTheSilentOnes) {
  const DemoAnnualReport report = Build();
  EXPECT_EQ(report.last_year, 2025);
  // One organisation never reported (index 13), two skipped 2025 (7 and 27).
  EXPECT_EQ(report.reports, (kOrgs - 1) * 3 - 2);
  EXPECT_EQ(
      report.passed + report.basic_passed + report.failed + report.to_review + report.returned,
      report.reports);
  EXPECT_GT(report.passed, report.basic_passed + report.failed);
  EXPECT_GT(report.failed, 0);
  EXPECT_GT(report.to_review, 0);
  EXPECT_GT(report.returned, 0);
  EXPECT_EQ(report.abnormal, 3);
  EXPECT_EQ(report.dishonest, 1);
  EXPECT_EQ(report.penalties, 1);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM annual_reports"), report.reports);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM annual_reports WHERE status = 'submitted'"),
            report.to_review);
  // The silent one since 1 July 2024, dishonest two years on; the lapsed ones since 1 July 2026.
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM credit_entries WHERE list = 'abnormal' AND "
                  "entered_on = '2024-07-01' AND entered_by_user_id IS NULL"),
            1);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM credit_entries WHERE list = 'dishonest' AND "
                  "entered_on = '2026-07-01'"),
            1);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM orgs WHERE status = 'abnormal'"), 3);
  // Submitted in the spring after each year, never after today.
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM annual_reports WHERE submitted_at > "
                  "'2026-12-04T23:59:59+08:00' OR substr(submitted_at, 1, 4) <> "
                  "CAST(year + 1 AS TEXT)"),
            0);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(DemoAnnualTest);

}  // namespace
}  // namespace lianyin::app
