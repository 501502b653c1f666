#include "app/application.hpp"

#include <gtest/gtest.h>

#include "domain/audit/audit_service.hpp"
#include "store/store.hpp"
#include "support/test_db.hpp"

namespace lianyin::app {
namespace {

domain::audit::AuditEvent Login(std::int64_t user_id) {
  domain::audit::AuditEvent event;
  event.actor_user_id = user_id;
  event.actor_username = "user" + std::to_string(user_id);
  event.ip = "192.0.2.1";
  event.request_id = "r" + std::to_string(user_id);
  event.action = "login";
  event.entity = "session";
  return event;
}

TEST(ApplicationAuditTest, TamperingOneRowOfASqliteFileBreaksTheChain) {
  test_support::ScopedTempDir dir;
  Config config;
  config.db = (dir.path() / "lianyin.db").string();
  Application app(config);
  EXPECT_FALSE(app.AuditVerify());  // never initialised
  app.Migrate();
  domain::audit::AuditService audit(app.database());
  for (std::int64_t id = 1; id <= 5; ++id) audit.Record(Login(id));
  auto intact = app.AuditVerify();
  ASSERT_TRUE(intact);
  EXPECT_TRUE(intact->ok);
  EXPECT_EQ(intact->entries, 5);

  app.database().Acquire().Execute("UPDATE audit_log SET ip = '10.0.0.1' WHERE id = 2");
  auto broken = app.AuditVerify();
  ASSERT_TRUE(broken);
  EXPECT_FALSE(broken->ok);
  EXPECT_EQ(broken->first_bad_id, 2);
}

TEST(ApplicationAuditTest, PruneWithNothingOldEnoughWritesNothing) {
  test_support::ScopedTempDir dir;
  Config config;
  config.db = (dir.path() / "lianyin.db").string();
  Application app(config);
  app.Migrate();
  domain::audit::AuditService(app.database()).Record(Login(1));
  auto pruned = app.AuditPrune(dir.path() / "export.jsonl");
  ASSERT_TRUE(pruned);
  EXPECT_EQ(pruned->exported, 0);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "export.jsonl"));
}

}  // namespace
}  // namespace lianyin::app
