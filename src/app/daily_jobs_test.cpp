#include "app/daily_jobs.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app/demo_test_support.hpp"
#include "app/services.hpp"
#include "core/crypto.hpp"
#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;

class DailyJobsTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    sqlite_file_ = true;  // the jobs' thread has its own connection
    test_support::BackendTest::SetUp();
  }
};

// serve's thread runs the rules at start (an organisation that never reported goes on the
// abnormal list) and stops promptly while it waits for the next day.
TEST_P(DailyJobsTest, RunsAtStartAndStopsWhileWaiting) {
  if (IsSkipped()) return;
  Services services(db(), core::RandomBytes(32));
  ASSERT_TRUE(services.regions.Import({"test", "1", {{"610000", "陕西省", "100000"}}}));
  auto admin = account::PlatformService(services.writer)
                   .SetUpPlatform({"联引平台", "admin", "Jobs-Test-Passw0rd"});
  ASSERT_TRUE(admin);
  const account::Actor actor = test::Admin(*admin);
  auto civil = services.units.Create(
      actor, {"陕西省民政厅", account::UnitKind::kCivilAffairs, "610000", admin->unit_id, {}});
  ASSERT_TRUE(civil);
  domain::org::NewOrg o;
  o.name = "陕西省职工服务中心";
  o.uscc =
      "52610000MJ0000001" + std::string(1, core::UsccCheckCharacter("52610000MJ0000001").value());
  o.org_type = "social_service";
  o.region_code = "610000";
  o.registration_unit_id = civil->unit.id;
  o.legal_rep = "林峰";
  o.phone = "13900000000";
  o.founded_on = "2015-03-01";
  o.business_scope = "职工服务";
  ASSERT_TRUE(services.orgs.Create(actor, std::move(o)));

  const core::DateTime now{core::StartOfDay({2026, 12, 4}).unix_seconds + 10 * 3600};
  DailyJobs jobs(services.writer, [now] { return now; });
  jobs.Start();
  const auto listed = [&] {
    return test::Count(db(),
                       "SELECT COUNT(*) FROM credit_entries WHERE list = 'abnormal' AND "
                       "entered_on = '2026-07-01' AND rule = 'annual_report:2025'");
  };
  for (int i = 0; i < 100 && listed() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(listed(), 1);
  const auto stop_started = std::chrono::steady_clock::now();
  jobs.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - stop_started, std::chrono::seconds(2));
  EXPECT_EQ(listed(), 1) << "ran once";
}

// One run of the daily jobs creates the work-mechanism templates' due meetings too, and reports
// them; a second run adds nothing.
TEST_P(DailyJobsTest, RunsTheWorkMechanismTemplates) {
  if (IsSkipped()) return;
  Services services(db(), core::RandomBytes(32));
  ASSERT_TRUE(services.regions.Import({"test", "1", {{"610000", "陕西省", "100000"}}}));
  auto admin = account::PlatformService(services.writer)
                   .SetUpPlatform({"联引平台", "admin", "Jobs-Test-Passw0rd"});
  ASSERT_TRUE(admin);
  const account::Actor actor = test::Admin(*admin);
  domain::mechanism::NewTemplate t{"季度调度",   "meeting",    "quarterly", admin->unit_id,
                                   "2026-01-01", std::nullopt, 10};
  t.meeting = domain::mechanism::MeetingSpec{"dispatch", "{period}调度会", std::nullopt, {}};
  ASSERT_TRUE(services.mechanism.CreateTemplate(actor, t));
  const core::DateTime now{core::StartOfDay({2026, 12, 4}).unix_seconds + 10 * 3600};
  auto report = RunDailyJobs(services.writer, now);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->mechanism.meetings, 3);  // Q1–Q3; Q4's is due on 21 December
  EXPECT_EQ(RunDailyJobs(services.writer, now)->mechanism.meetings, 0);
  EXPECT_EQ(test::Count(db(), "SELECT COUNT(*) FROM meetings WHERE title = '2026年第3季度调度会'"),
            1);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(DailyJobsTest);

}  // namespace
}  // namespace lianyin::app
