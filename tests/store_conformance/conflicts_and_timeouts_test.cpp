// Conformance: insert-or-conflict under concurrency, partial unique indexes, and how lock waits,
// slow statements, NUL characters and a server turned read-only are reported.

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "store_conformance/conformance_fixture.hpp"

namespace lianyin::store {
namespace {

using Int = std::int64_t;

constexpr const char* kInsertU = "INSERT INTO probe (u, n) VALUES (?, ?)";

TEST_P(StoreConformance, InsertOrConflictReturnsIdThenNothing) {
  Session session = db().Acquire();
  Transaction tx = session.Begin(TxMode::kWrite);
  auto first = InsertOrConflict(session, kInsertU, {std::string("same"), Int{1}});
  auto second = InsertOrConflict(session, kInsertU, {std::string("same"), Int{2}});
  ASSERT_TRUE(first);
  EXPECT_FALSE(second);
  // The transaction is still usable after the conflict, on PostgreSQL too.
  EXPECT_TRUE(InsertOrConflict(session, kInsertU, {std::string("other"), Int{3}}));
  tx.Commit();
  EXPECT_EQ(CountProbe(db()), 2);
}

// 16 parallel transactions insert one key: exactly one gets an id, none fails.
TEST_P(StoreConformance, InsertOrConflictIsExactUnderConcurrency) {
  test_support::ScopedTempDir dir;
  std::unique_ptr<Database> file_db;
  Database* target = &db();
  if (!IsPostgres()) {
    file_db = Database::Open((dir.path() / "conflict.db").string());
    file_db->Acquire().ExecuteScript(ProbeTableSql(Dialect::kSqlite));
    target = file_db.get();
  }
  std::atomic<int> created{0};
  std::atomic<int> conflicts{0};
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      try {
        Session session = target->Acquire();
        Transaction tx = session.Begin(TxMode::kWrite);
        auto id = InsertOrConflict(session, kInsertU, {std::string("uscc"), Int{t}});
        tx.Commit();
        ++(id ? created : conflicts);
      } catch (const DbError&) {
        ++errors;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(created, 1);
  EXPECT_EQ(conflicts, 15);
  EXPECT_EQ(errors, 0);
}

TEST_P(StoreConformance, PartialUniqueIndexConflictsOnlyWhereItApplies) {
  Session session = db().Acquire();
  session.ExecuteScript("CREATE UNIQUE INDEX probe_active ON probe (i) WHERE n = 1");
  constexpr const char* kInsert = "INSERT INTO probe (i, n) VALUES (?, ?)";
  EXPECT_TRUE(InsertOrConflict(session, kInsert, {Int{7}, Int{1}}));
  EXPECT_FALSE(InsertOrConflict(session, kInsert, {Int{7}, Int{1}}));
  EXPECT_TRUE(InsertOrConflict(session, kInsert, {Int{7}, Int{0}}));  // outside the index
  EXPECT_TRUE(InsertOrConflict(session, kInsert, {Int{7}, Int{0}}));
}

TEST_P(PostgresConformance, WaitingForARowLockPastTheTimeoutIsBusy) {
  DatabaseOptions options;
  options.lock_timeout_ms = 200;
  auto other = test_support::OpenBackendDatabase("postgres", /*migrate=*/false, options);
  Session holder = other->Acquire();
  holder.ExecuteScript(ProbeTableSql(Dialect::kPostgres));
  holder.Execute("INSERT INTO probe (n) VALUES (1)");
  Transaction locked = holder.Begin(TxMode::kWrite);
  holder.Execute("UPDATE probe SET n = 2");
  Session waiter = other->Acquire();
  try {
    waiter.Execute("UPDATE probe SET n = 3");
    ADD_FAILURE() << "the update did not wait for the row lock";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::kBusy) << e.what();
    EXPECT_TRUE(IsTransient(e));
  }
}

TEST_P(PostgresConformance, AStatementPastTheTimeoutIsCancelled) {
  DatabaseOptions options;
  options.statement_timeout_ms = 100;
  auto slow = test_support::OpenBackendDatabase("postgres", /*migrate=*/false, options);
  Session session = slow->Acquire();
  try {
    session.Execute("SELECT pg_sleep(2)");
    ADD_FAILURE() << "pg_sleep(2) was not cancelled";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::kTimeout) << e.what();
    EXPECT_FALSE(IsTransient(e));
  }
  Statement one = session.Prepare("SELECT 1");  // the connection still works
  EXPECT_TRUE(one.Next());
}

TEST_P(StoreConformance, TextWithNulIsRejectedNotCut) {
  Session session = db().Acquire();
  const std::string with_nul("ab\0cd", 5);
  if (!IsPostgres()) {
    session.Execute("INSERT INTO probe (t) VALUES (?)", {with_nul});
    Statement read = session.Prepare("SELECT length(CAST(t AS BLOB)) FROM probe");
    ASSERT_TRUE(read.Next());
    EXPECT_EQ(read.row().Int(0), 5);  // SQLite keeps every byte
    return;
  }
  try {
    session.Execute("INSERT INTO probe (t) VALUES (?)", {with_nul});
    ADD_FAILURE() << "a NUL reached PostgreSQL";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::kCheckViolation);
  }
  EXPECT_EQ(CountProbe(db()), 0);
}

// A connection whose server refuses writes as read-only (what a demoted primary does) is a
// connection error, and the pool does not hand that connection out again.
TEST_P(PostgresConformance, AReadOnlyServerConnectionIsReplaced) {
  DatabaseOptions options;
  options.pool_size = 1;
  auto pool = test_support::OpenBackendDatabase("postgres", /*migrate=*/false, options);
  pool->Acquire().ExecuteScript(ProbeTableSql(Dialect::kPostgres));
  Int first_pid = 0;
  {
    Session session = pool->Acquire();
    Statement pid = session.Prepare("SELECT pg_backend_pid()");
    ASSERT_TRUE(pid.Next());
    first_pid = pid.row().Int(0);
    session.ExecuteScript("SET default_transaction_read_only = on");
    try {
      session.Execute("INSERT INTO probe (n) VALUES (1)");
      ADD_FAILURE() << "a read-only session wrote";
    } catch (const DbError& e) {
      EXPECT_EQ(e.kind(), DbError::Kind::kConnection) << e.what();
    }
  }
  Session session = pool->Acquire();
  Statement pid = session.Prepare("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid.Next());
  EXPECT_NE(pid.row().Int(0), first_pid);
  session.Execute("INSERT INTO probe (n) VALUES (1)");
}

}  // namespace
}  // namespace lianyin::store
