#include "domain/audit/audit_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <thread>

#include "domain/audit/audit_log.hpp"
#include "domain/audit/audit_rules.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::audit {
namespace {

constexpr std::int64_t kDay = 86400;
const common::Scope kPlatform{0, {}, {}, true};

AuditEvent Event(std::string action, std::string entity, std::optional<std::string> entity_id,
                 std::optional<std::int64_t> actor = 1) {
  AuditEvent e;
  e.actor_user_id = actor;
  e.actor_username = actor ? "user" + std::to_string(*actor) : "anonymous";
  e.ip = "127.0.0.1";
  e.request_id = "req-" + action;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = std::move(entity_id);
  e.after = boost::json::object{{"name", "联引"}, {"n", 1}};
  return e;
}

std::int64_t CountRows(store::Database& db) {
  store::Session s = db.Acquire();
  auto stmt = s.Prepare("SELECT COUNT(*) FROM audit_log");
  return stmt.Next() ? stmt.row().Int(0) : -1;
}

class AuditServiceTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    service_ = std::make_unique<AuditService>(db(), [this] { return now_; });
  }

  // Records `n` updates of units 1..n, one a minute.
  void RecordUnits(int n) {
    for (int i = 1; i <= n; ++i) {
      service_->Record(Event("update", "unit", std::to_string(i)));
      now_.unix_seconds += 60;
    }
  }
  void Sql(const std::string& sql) { db().Acquire().Execute(sql); }
  void ExpectBrokenAt(std::int64_t id) {
    const VerifyReport report = service_->Verify();
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.first_bad_id, id);
  }

  core::DateTime now_{1'780'000'000};
  std::unique_ptr<AuditService> service_;
};

TEST_P(AuditServiceTest, AnEmptyChainVerifies) {
  const VerifyReport report = service_->Verify();
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.entries, 0);
}

TEST_P(AuditServiceTest, ManyAppendsVerify) {
  RecordUnits(2500);  // more than one verification batch
  const VerifyReport report = service_->Verify();
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.entries, 2500);
  EXPECT_FALSE(report.first_bad_id);
}

TEST_P(AuditServiceTest, EditedFieldsAreDetectedAtTheirEntry) {
  const char* edits[] = {
      "UPDATE audit_log SET after_json = '{\"n\":2,\"name\":\"联引\"}' WHERE id = 3",
      "UPDATE audit_log SET actor_username = 'someone' WHERE id = 3",
      "UPDATE audit_log SET outcome = 'failure' WHERE id = 3",
      "UPDATE audit_log SET after_json = 'not json' WHERE id = 3",
  };
  for (const char* edit : edits) {
    SCOPED_TRACE(edit);
    SetUp();  // a fresh database each time
    RecordUnits(5);
    Sql(edit);
    ExpectBrokenAt(3);
  }
}

TEST_P(AuditServiceTest, DeletedOrSwappedRowsAreDetected) {
  RecordUnits(5);
  Sql("DELETE FROM audit_log WHERE id = 3");
  ExpectBrokenAt(4);
  SetUp();
  RecordUnits(5);
  Sql("DELETE FROM audit_log WHERE id = 5");  // the newest: only the head knows
  ExpectBrokenAt(5);
  SetUp();
  RecordUnits(5);
  Sql("DELETE FROM audit_log WHERE id = 1");
  ExpectBrokenAt(2);
  SetUp();
  RecordUnits(5);
  Sql("UPDATE audit_log SET id = 100 WHERE id = 2");
  Sql("UPDATE audit_log SET id = 2 WHERE id = 4");
  Sql("UPDATE audit_log SET id = 4 WHERE id = 100");
  ExpectBrokenAt(2);
}

TEST_P(AuditServiceTest, ARolledBackChangeLeavesNoAuditRow) {
  RecordUnits(1);
  {
    store::Session session = db().Acquire();
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    Append(session, Event("delete", "unit", "1"), now_);
    tx.Rollback();
  }
  EXPECT_EQ(CountRows(db()), 1);
  RecordUnits(1);
  const VerifyReport report = service_->Verify();
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.entries, 2);
}

TEST_P(AuditServiceTest, ConcurrentAppendsKeepOneChain) {
  test_support::ScopedTempDir dir;
  std::unique_ptr<store::Database> file_db;
  if (!IsPostgres()) {
    file_db = store::Database::Open((dir.path() / "audit.db").string());
    store::Migrate(*file_db);
  }
  store::Database& target = file_db ? *file_db : db();
  AuditService service(target);
  constexpr int kThreads = 4;
  constexpr int kEach = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&target, t] {
      for (int i = 0; i < kEach; ++i) {
        // Half ride along in a caller's transaction, half use Record.
        AuditEvent event = Event("update", "unit", std::to_string(t * kEach + i), t);
        store::Session session = target.Acquire();
        store::Transaction tx = session.Begin(store::TxMode::kWrite);
        Append(session, event, core::Now());
        tx.Commit();
      }
    });
  }
  for (int i = 0; i < kEach; ++i) service.Record(Event("login", "session", std::nullopt));
  for (std::thread& thread : threads) thread.join();
  const VerifyReport report = service.Verify();
  EXPECT_TRUE(report.ok) << report.first_bad_id.value_or(0);
  EXPECT_EQ(report.entries, (kThreads + 1) * kEach);
  EXPECT_EQ(CountRows(target), (kThreads + 1) * kEach);
}

TEST_P(AuditServiceTest, ListsNewestFirstWithFiltersAndPaging) {
  RecordUnits(25);
  AuditEvent denied = Event("delete", "user", "9", 2);
  denied.outcome = Outcome::kDenied;
  denied.before = boost::json::object{{"username", "u9"}};
  service_->Record(denied);

  auto all = service_->List(kPlatform, {}, 1, 10);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->total, 26);
  ASSERT_EQ(all->items.size(), 10u);
  EXPECT_EQ(all->items[0].id, 26);
  EXPECT_EQ(all->items[0].event.before.at("username").as_string(), "u9");
  auto last = service_->List(kPlatform, {}, 3, 10);
  ASSERT_TRUE(last);
  ASSERT_EQ(last->items.size(), 6u);
  EXPECT_EQ(last->items.back().id, 1);

  auto count = [&](AuditFilter filter) {
    return service_->List(kPlatform, filter, 1, 200).value().total;
  };
  EXPECT_EQ(count({.entity = "unit"}), 25);
  EXPECT_EQ(count({.entity = "unit", .entity_id = "7"}), 1);
  EXPECT_EQ(count({.actor_user_id = 2}), 1);
  EXPECT_EQ(count({.action = "delete"}), 1);
  EXPECT_EQ(count({.outcome = Outcome::kDenied}), 1);
  EXPECT_EQ(count({.outcome = Outcome::kSuccess}), 25);
  // The first entry is at now_ (2026-05-29T04:26:40+08:00), then one a minute.
  EXPECT_EQ(count({.from = "2026-05-29T04:30:40+08:00"}), 22);
  EXPECT_EQ(count({.to = "2026-05-29T04:30:40+08:00"}), 5);
  EXPECT_EQ(count({.from = "2026-05-29", .to = "2026-05-29"}), 26);
  EXPECT_EQ(count({.to = "2026-05-28"}), 0);

  auto bad = service_->List(kPlatform, {.from = "May"}, 1, 10);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().details.at(0).field, "from");
}

TEST_P(AuditServiceTest, PruneExportsOldEntriesThenDeletesThemAndTheChainStillVerifies) {
  test_support::ScopedTempDir dir;
  RecordUnits(3);
  now_.unix_seconds += 100 * kDay;
  RecordUnits(2);
  EXPECT_EQ(service_->Prune(dir.path() / "none.jsonl").value().exported, 0);  // all recent
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "none.jsonl"));

  now_.unix_seconds += 100 * kDay;  // the first three are now 200 days old, the others 100
  const auto file = dir.path() / "audit-1.jsonl";
  auto pruned = service_->Prune(file);
  ASSERT_TRUE(pruned) << pruned.error().message;
  EXPECT_EQ(pruned->exported, 3);
  EXPECT_EQ(pruned->deleted, 3);
  EXPECT_EQ(CountRows(db()), 2);

  std::ifstream in(file);
  std::string line;
  std::int64_t expected_id = 1;
  std::string prev(kGenesisHash);
  while (std::getline(in, line)) {
    const boost::json::object entry = boost::json::parse(line).as_object();
    EXPECT_EQ(entry.at("id").as_int64(), expected_id++);
    EXPECT_EQ(entry.at("prev_hash").as_string(), prev);
    EXPECT_EQ(entry.at("after").at("name").as_string(), "联引");
    prev = std::string(entry.at("hash").as_string());
  }
  EXPECT_EQ(expected_id, 4);

  const VerifyReport after = service_->Verify();
  EXPECT_TRUE(after.ok);
  EXPECT_EQ(after.entries, 2);
  RecordUnits(1);
  EXPECT_TRUE(service_->Verify().ok);
  EXPECT_EQ(service_->Prune(file).error().code, core::ErrorCode::kConflict);  // never overwrites
}

TEST_P(AuditServiceTest, PruningEverythingAnchorsAtTheHead) {
  test_support::ScopedTempDir dir;
  Sql("INSERT INTO settings (key, value) VALUES ('audit_retention_days', '10')");
  RecordUnits(4);
  now_.unix_seconds += 11 * kDay;
  EXPECT_EQ(service_->Prune(dir.path() / "all.jsonl").value().deleted, 4);
  EXPECT_EQ(CountRows(db()), 0);
  EXPECT_TRUE(service_->Verify().ok);
  RecordUnits(2);
  const VerifyReport report = service_->Verify();
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.entries, 2);
  Sql("DELETE FROM audit_log WHERE id = 5");
  ExpectBrokenAt(6);
}

// Entries are read in the data scope of their owner unit: a unit sees its subtree's, only the
// platform level sees those without an owner (roles, settings, unknown usernames); personal data
// in before / after is masked.
TEST_P(AuditServiceTest, ListShowsTheScopesEntriesMasked) {
  {
    store::Session s = db().Acquire();
    s.Execute("INSERT INTO regions (code, name, level) VALUES ('100000', '中国', 0)");
    for (std::int64_t id : {1, 2, 3, 4}) {
      s.Execute(
          "INSERT INTO units (id, name, kind, region_code, parent_id, created_at, updated_at) "
          "VALUES (?, 'u', 'union', '100000', ?, '', '')",
          {id, id == 1 ? store::Value(store::Null{}) : store::Value(id == 4 ? 2 : 1)});
    }
    // 1 ⊃ 2 ⊃ 4, 1 ⊃ 3
    for (auto [a, d] : std::vector<std::pair<std::int64_t, std::int64_t>>{
             {1, 1}, {2, 2}, {3, 3}, {4, 4}, {1, 2}, {1, 3}, {1, 4}, {2, 4}}) {
      s.Execute("INSERT INTO unit_closure (ancestor, descendant, depth) VALUES (?, ?, 0)", {a, d});
    }
  }
  const auto owned = [](std::optional<std::int64_t> owner) {
    AuditEvent e = Event("update", "org", "9");
    e.owner_unit_id = owner;
    e.after = boost::json::object{
        {"phone", "13912345678"}, {"legal_rep", "王小明"}, {"name", "职工服务中心"}};
    return e;
  };
  for (auto owner : {std::optional<std::int64_t>(2), std::optional<std::int64_t>(4),
                     std::optional<std::int64_t>(3), std::optional<std::int64_t>()}) {
    ASSERT_TRUE(service_->Record(owned(owner)));
  }
  const auto total = [&](common::Scope scope) {
    return service_->List(scope, {}, 1, 50).value().total;
  };
  EXPECT_EQ(total(common::Scope{2, {}, {}, false}), 2);  // its own and its child's
  EXPECT_EQ(total(common::Scope{3, {}, {}, false}), 1);
  EXPECT_EQ(total(common::Scope{1, {}, {}, true}), 4);  // the platform: all, unowned too
  EXPECT_EQ(total(common::Scope{2, 7, {}, false}), 0);  // an org member: no audit rows
  auto page = service_->List(common::Scope{2, {}, {}, false}, {}, 1, 50).value();
  const boost::json::object& after = page.items[0].event.after.as_object();
  EXPECT_EQ(after.at("phone").as_string(), "139****5678");
  EXPECT_EQ(after.at("legal_rep").as_string(), "王**");
  EXPECT_EQ(after.at("name").as_string(), "职工服务中心");
  EXPECT_TRUE(service_->Verify().ok);  // masking is for display: the stored chain is intact
}

TEST_P(AuditServiceTest, KeysetPagingStartsBelowTheCursor) {
  RecordUnits(6);
  auto first = service_->List(kPlatform, {}, 1, 3).value();
  ASSERT_EQ(first.items.size(), 3u);
  AuditFilter after_first;
  after_first.before_id = first.items.back().id;
  auto second = service_->List(kPlatform, after_first, 2, 3).value();
  ASSERT_FALSE(second.items.empty());
  EXPECT_EQ(second.items.front().id, first.items.back().id - 1);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(AuditServiceTest);

}  // namespace
}  // namespace lianyin::domain::audit
