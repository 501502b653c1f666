#include "app/demo_mechanism.hpp"

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

class DemoMechanismTest : public test_support::BackendTest {
 protected:
  // 陕西省民政厅 below the root with three organisations, then the mechanism demo as of
  // 2026-12-04.
  DemoMechanismReport Build() {
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
    for (int i = 0; i < 3; ++i) {
      domain::org::NewOrg o;
      o.name = fmt::format("陕西省乡村振兴促进会（第{}团）", i);
      const std::string first17 = fmt::format("52610000MJ{:07d}", i);
      o.uscc = first17 + core::UsccCheckCharacter(first17).value_or('0');
      o.org_type = "social_service";
      o.region_code = "610000";
      o.registration_unit_id = civil->unit.id;
      o.legal_rep = "林峰";
      o.phone = "13900000000";
      o.founded_on = "2015-03-01";
      o.business_scope = "乡村振兴";
      o.service_categories = {"skills"};
      EXPECT_TRUE(services.orgs.Create(actor, std::move(o)));
    }
    const core::DateTime now{core::StartOfDay({2026, 12, 4}).unix_seconds + 10 * 3600};
    auto report = BuildDemoMechanism(services, actor, now);
    EXPECT_TRUE(report) << report.error().message;
    return report ? *report : DemoMechanismReport{};
  }
};

TEST_P(DemoMechanismTest, TemplatesRunAndTheJointMeetingsDecisionsAreSupervised) {
  const DemoMechanismReport report = Build();
  EXPECT_EQ(report.templates, 4);
  // The joint meeting; January–November's consultations (December's is due on the 26th), the
  // first three quarters' dispatches and the first half's summary; the year-end one is due on
  // 11 December.
  EXPECT_EQ(report.meetings, 1 + 11 + 3 + 1);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM meetings"), report.meetings);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM mechanism_occurrences"), report.meetings - 1);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM meetings WHERE title = "
                  "'2026年第3季度乡村振兴合力团工作调度会'"),
            1);
  EXPECT_EQ(report.tasks, 5);
  EXPECT_EQ(report.done, 2);
  EXPECT_EQ(report.in_progress, 2);
  EXPECT_EQ(report.overdue, 2);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM supervised_tasks WHERE status = 'done'"), 2);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM supervised_tasks WHERE status <> 'done' AND "
                  "deadline < '2026-12-04'"),
            2);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM supervised_tasks WHERE owner_org_id IS NOT NULL"), 3);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(DemoMechanismTest);

}  // namespace
}  // namespace lianyin::app
