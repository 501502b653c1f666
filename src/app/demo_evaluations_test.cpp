#include "app/demo_evaluations.hpp"

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

constexpr int kOrgs = 12;

class DemoEvaluationsTest : public test_support::BackendTest {
 protected:
  // 福州市民政局 below the root with twelve organisations registered there, then the demo.
  DemoEvaluationsReport Build(int orgs) {
    Services services(db(), core::RandomBytes(32));
    EXPECT_TRUE(services.regions.Import(
        {"test", "1", {{"350000", "福建省", "100000"}, {"350100", "福州市", "350000"}}}));
    auto admin = account::PlatformService(services.writer)
                     .SetUpPlatform({"联引平台", "admin", "Demo-Test-Passw0rd"});
    EXPECT_TRUE(admin);
    if (!admin) return {};
    const account::Actor actor = Admin(*admin);
    auto civil = services.units.Create(
        actor, {"福州市民政局", account::UnitKind::kCivilAffairs, "350100", admin->unit_id, {}});
    EXPECT_TRUE(civil);
    if (!civil) return {};
    std::vector<std::int64_t> org_ids;
    for (int i = 1; i <= orgs; ++i) {
      domain::org::NewOrg o;
      o.name = fmt::format("福州市职工服务中心（第{}站）", i);
      const std::string first17 = fmt::format("52350100MJ{:07d}", i);
      o.uscc = first17 + core::UsccCheckCharacter(first17).value_or('0');
      o.org_type = "social_service";
      o.region_code = "350100";
      o.registration_unit_id = civil->unit.id;
      o.legal_rep = "林峰";
      o.phone = fmt::format("1390000{:04d}", i);
      o.founded_on = "2015-03-01";
      o.business_scope = "职工服务";
      o.service_categories = {"skills"};
      o.labour_field = true;
      auto created = services.orgs.Create(actor, std::move(o));
      EXPECT_TRUE(created) << created.error().message;
      if (!created) return {};
      org_ids.push_back(created->org.id);
    }
    auto report = BuildDemoEvaluations(services, actor, org_ids, "Demo-Test-Passw0rd");
    EXPECT_TRUE(report) << report.error().message;
    return report ? *report : DemoEvaluationsReport{};
  }
};

TEST_P(DemoEvaluationsTest, GradesTwoOrganisationsPerGradeThroughFinalisedEvaluations) {
  const DemoEvaluationsReport report = Build(kOrgs);
  EXPECT_EQ(report.finalized, 10);
  EXPECT_EQ(report.scoring, 1);
  for (const char* grade : {"5A", "4A", "3A", "2A", "1A"}) {
    EXPECT_EQ(report.by_grade.at(grade), 2) << grade;
    // The registry shows the grade, valid five years, from a finalised evaluation of it.
    EXPECT_EQ(Count(db(), fmt::format("SELECT COUNT(*) FROM orgs o JOIN evaluations e ON "
                                      "e.org_id = o.id AND e.status = 'finalized' AND "
                                      "e.grade = o.grade AND e.valid_until = o.grade_valid_until "
                                      "WHERE o.grade = '{}'",
                                      grade)),
              2);
  }
  EXPECT_GT(report.officer_user_id, 0);
  // Five experts scored every finalised evaluation, one highest and one lowest dropped.
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM evaluation_experts WHERE total_tenths IS NOT NULL"),
            52);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM evaluation_experts WHERE dropped = 1"), 20);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM evaluations WHERE status = 'scoring'"), 1);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM orgs WHERE grade IS NULL"), 2);
  // Audited as officers and experts acted.
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM audit_log WHERE entity = 'evaluation' AND "
                  "action = 'finalize'"),
            10);
}

TEST_P(DemoEvaluationsTest, WithoutOrganisationsBuildsNothing) {
  const DemoEvaluationsReport report = Build(0);
  EXPECT_EQ(report.finalized, 0);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM evaluations"), 0);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(DemoEvaluationsTest);

}  // namespace
}  // namespace lianyin::app
