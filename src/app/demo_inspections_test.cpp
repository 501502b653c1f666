// The demo's inspections (demo_inspections.hpp) on both engines: three published draws, one per
// level, each re-computing from its public answer, every drawn organisation with a result, the
// sampling rates of the three levels, and the standing declaration in the county's conflicts.

#include "app/demo_inspections.hpp"

#include <gtest/gtest.h>

#include "app/demo_test_support.hpp"
#include "app/services.hpp"
#include "core/crypto.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/inspection/draw_verify.hpp"
#include "domain/inspection/inspection_codec.hpp"
#include "support/test_db.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
using test::Admin;
using test::Count;

// 内蒙古自治区 with 包头市, two of its districts and 固阳县.
domain::region::RegionSource TestRegions() {
  return {"test",
          "1",
          {{"150000", "内蒙古自治区", "100000"},
           {"150200", "包头市", "150000"},
           {"150202", "东河区", "150200"},
           {"150203", "昆都仑区", "150200"},
           {"150222", "固阳县", "150200"}}};
}

class DemoInspectionsTest : public test_support::BackendTest {};

TEST_P(DemoInspectionsTest, ThreeLevelsPublishVerifiableDraws) {
  Services services(db(), core::RandomBytes(32));
  ASSERT_TRUE(services.regions.Import(TestRegions()));
  auto admin = account::PlatformService(services.writer)
                   .SetUpPlatform({"联引平台", "admin", "Demo-Test-Passw0rd"});
  ASSERT_TRUE(admin);
  const account::Actor actor = Admin(*admin);
  auto province = services.units.Create(
      actor,
      {"内蒙古自治区民政厅", account::UnitKind::kCivilAffairs, "150000", admin->unit_id, {}});
  ASSERT_TRUE(province);
  auto report = BuildDemoInspections(services, actor, province->unit.id, "Demo-Test-Passw0rd");
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->units, 2);
  EXPECT_EQ(report->orgs, 70);
  EXPECT_EQ(report->inspectors, 11);
  ASSERT_EQ(report->plan_ids.size(), 3u);
  // Province 5 % of 70, city 4 % of 70, county 3 % of 30 (at least 2 each).
  const std::int64_t samples[] = {4, 3, 2};
  for (std::size_t i = 0; i < 3; ++i) {
    auto draw = services.inspections.Public(report->plan_ids[i]);
    ASSERT_TRUE(draw);
    EXPECT_EQ(draw->plan.status, "published");
    EXPECT_EQ(draw->plan.sample_size, samples[i]) << i;
    const auto verdict =
        domain::inspection::VerifyPublicDraw(domain::inspection::PublicAnswer(*draw));
    EXPECT_TRUE(verdict.ok) << verdict.message;
    for (const auto& o : draw->outcomes) EXPECT_TRUE(o.result) << o.uscc;
  }
  EXPECT_EQ(services.inspections.Public(report->plan_ids[2])->plan.conflicts.size(), 1u);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM user_conflicts"), 1);
}

TEST_P(DemoInspectionsTest, WithoutTheProvinceItBuildsNothing) {
  Services services(db(), core::RandomBytes(32));
  ASSERT_TRUE(services.regions.Import(TestRegions()));
  auto admin = account::PlatformService(services.writer)
                   .SetUpPlatform({"联引平台", "admin", "Demo-Test-Passw0rd"});
  ASSERT_TRUE(admin);
  auto report = BuildDemoInspections(services, Admin(*admin), 0, "Demo-Test-Passw0rd");
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->plan_ids.empty());
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(DemoInspectionsTest);

}  // namespace
}  // namespace lianyin::app
