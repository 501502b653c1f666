// Conformance: bulk loading, migrations, concurrent sessions and pool statistics.

#include <gtest/gtest.h>

#include <thread>

#include "store_conformance/conformance_fixture.hpp"

namespace lianyin::store {
namespace {

using Int = std::int64_t;

TEST_P(StoreConformance, BulkLoadTenThousandRows) {
  Session session = db().Acquire();
  auto loader = session.Load("probe", {"i", "t", "b", "r"});
  for (Int i = 0; i < 10000; ++i) {
    Value text = i % 100 == 0 ? Value(Null{}) : Value("行\t" + std::to_string(i) + "\\N\r\n");
    loader->Add({i, text, Blob{std::string("\0\t", 2) + std::to_string(i)}, 0.5 * i});
  }
  EXPECT_EQ(loader->Finish(), 10000);
  EXPECT_EQ(CountProbe(db()), 10000);

  Statement select = session.Prepare("SELECT t, b, r FROM probe WHERE i = ?");
  select.Bind(0, Int{4321});
  ASSERT_TRUE(select.Next());
  EXPECT_EQ(select.row().Text(0), "行\t4321\\N\r\n");
  EXPECT_EQ(select.row().Bytes(1), std::string("\0\t", 2) + "4321");
  EXPECT_EQ(select.row().Real(2), 2160.5);
  select.Bind(0, Int{4300});
  ASSERT_TRUE(select.Next());
  EXPECT_TRUE(select.row().IsNull(0));
}

TEST_P(StoreConformance, AbandonedBulkLoadLoadsNothing) {
  Session session = db().Acquire();
  {
    auto loader = session.Load("probe", {"n"});
    loader->Add({Int{1}});
  }
  EXPECT_EQ(CountProbe(db()), 0);
  session.Execute("INSERT INTO probe (n) VALUES (?)", {Int{2}});  // the session still works
  EXPECT_EQ(CountProbe(db()), 1);
}

TEST_P(StoreConformance, BulkLoadJoinsTheCallersTransaction) {
  Session session = db().Acquire();
  {
    Transaction tx = session.Begin(TxMode::kWrite);
    auto loader = session.Load("probe", {"n"});
    loader->Add({Int{1}});
    loader->Add({Int{2}});
    EXPECT_EQ(loader->Finish(), 2);
  }
  EXPECT_EQ(CountProbe(db()), 0);
}

TEST_P(StoreConformance, BulkLoadViolationThrowsAndLoadsNothing) {
  Session session = db().Acquire();
  auto loader = session.Load("probe", {"u"});
  EXPECT_THROW(
      {
        loader->Add({std::string("same")});
        loader->Add({std::string("same")});
        loader->Finish();
      },
      DbError);
  loader.reset();
  EXPECT_EQ(CountProbe(db()), 0);
}

TEST_P(StoreConformance, BulkLoadRejectsOddIdentifiers) {
  Session session = db().Acquire();
  EXPECT_THROW(session.Load("probe; DROP TABLE probe", {"n"}), std::invalid_argument);
  EXPECT_THROW(session.Load("probe", {"n)"}), std::invalid_argument);
}

TEST_P(StoreConformance, MigrateIsIdempotent) {
  EXPECT_GE(LatestSchemaVersion(), 1);
  EXPECT_EQ(SchemaVersion(db()), LatestSchemaVersion());
  EXPECT_EQ(Migrate(db()), LatestSchemaVersion());
  EXPECT_EQ(Migrate(db()), LatestSchemaVersion());
  Session session = db().Acquire();
  Statement rows = session.Prepare(
      "SELECT count(DISTINCT version), (SELECT name FROM schema_migrations "
      "WHERE version = 1), min(applied_at), count(*), max(version) "
      "FROM schema_migrations");
  ASSERT_TRUE(rows.Next());
  EXPECT_EQ(rows.row().Int(0), rows.row().Int(3));  // each version once
  EXPECT_EQ(rows.row().Int(4), LatestSchemaVersion());
  EXPECT_EQ(rows.row().Text(1), "foundation");
  EXPECT_EQ(rows.row().Text(2).substr(19), "+08:00");
}

TEST_P(StoreConformance, FoundationTablesExist) {
  Session session = db().Acquire();
  for (const char* table : {"settings", "regions", "region_closure", "units", "unit_closure",
                            "users", "user_roles", "sessions"}) {
    Statement count = session.Prepare(std::string("SELECT count(*) FROM ") + table);
    ASSERT_TRUE(count.Next()) << table;
    EXPECT_EQ(count.row().Int(0), 0) << table;
  }
  session.Execute("INSERT INTO regions (code, name, level) VALUES (?, ?, ?)",
                  {std::string("100000"), std::string("中国"), Int{0}});
  Statement unit = session.Prepare(
      "INSERT INTO units (name, kind, region_code, created_at, updated_at) "
      "VALUES (?, 'union', '100000', '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00') "
      "RETURNING id");
  unit.Bind(0, std::string("中华全国总工会"));
  ASSERT_TRUE(unit.Next());
  EXPECT_GT(unit.row().Int(0), 0);
}

TEST_P(StoreConformance, ConcurrentMigratorsApplyEachVersionOnce) {
  auto fresh = test_support::OpenBackendDatabase(GetParam(), /*migrate=*/false);
  EXPECT_EQ(SchemaVersion(*fresh), 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) threads.emplace_back([&] { Migrate(*fresh); });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(SchemaVersion(*fresh), LatestSchemaVersion());
  Session session = fresh->Acquire();
  // Versions need not be contiguous (numbers are reserved per branch); each appears once.
  Statement rows = session.Prepare(
      "SELECT count(*), count(DISTINCT version), max(version) FROM schema_migrations");
  ASSERT_TRUE(rows.Next());
  EXPECT_EQ(rows.row().Int(0), rows.row().Int(1));
  EXPECT_EQ(rows.row().Int(2), LatestSchemaVersion());
}

// 4 threads × 200 write transactions; SQLite on a file (WAL, one connection per thread).
TEST_P(StoreConformance, ConcurrentWritersLoseNothing) {
  test_support::ScopedTempDir dir;
  std::unique_ptr<Database> file_db;
  Database* target = &db();
  if (!IsPostgres()) {
    file_db = Database::Open((dir.path() / "concurrent.db").string());
    Migrate(*file_db);
    file_db->Acquire().ExecuteScript(ProbeTableSql(Dialect::kSqlite));
    target = file_db.get();
  }
  std::vector<std::thread> threads;
  for (Int t = 0; t < 4; ++t) {
    threads.emplace_back([target, t] {
      for (Int i = 0; i < 200; ++i) {
        Session session = target->Acquire();
        Transaction tx = session.Begin(TxMode::kWrite);
        session.Execute("INSERT INTO probe (i, n) VALUES (?, ?)", {t, i});
        tx.Commit();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(CountProbe(*target), 800);
  EXPECT_GE(target->Stats().size, IsPostgres() ? 2 : 4);
  EXPECT_EQ(target->Stats().in_use, 0);
}

TEST_P(StoreConformance, PoolStatsCountCheckouts) {
  if (!IsPostgres()) {
    EXPECT_EQ(db().Stats().size, 1);  // this thread's connection
    EXPECT_EQ(db().Stats().in_use, 0);
    return;
  }
  DatabaseOptions options;
  options.pool_size = 2;
  options.busy_timeout_ms = 100;
  auto pool = test_support::OpenBackendDatabase("postgres", /*migrate=*/false, options);
  {
    Session a = pool->Acquire();
    Session b = pool->Acquire();
    EXPECT_EQ(pool->Stats().size, 2);
    EXPECT_EQ(pool->Stats().in_use, 2);
    try {
      pool->Acquire();
      ADD_FAILURE() << "acquired beyond pool_size";
    } catch (const DbError& e) {
      EXPECT_EQ(e.kind(), DbError::Kind::kBusy);
    }
    EXPECT_EQ(pool->Stats().waits, 1);
  }
  EXPECT_EQ(pool->Stats().in_use, 0);
  EXPECT_EQ(pool->Stats().size, 2);
}

TEST_P(PostgresConformance, BrokenConnectionIsReplaced) {
  DatabaseOptions options;
  options.pool_size = 1;
  auto pool = test_support::OpenBackendDatabase("postgres", /*migrate=*/false, options);
  {
    Session victim = pool->Acquire();
    Session killer = db().Acquire();
    Statement pid = victim.Prepare("SELECT pg_backend_pid()");
    ASSERT_TRUE(pid.Next());
    killer.Execute("SELECT pg_terminate_backend(?)", {pid.row().Int(0)});
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  Session session = pool->Acquire();
  Statement one = session.Prepare("SELECT 1");
  ASSERT_TRUE(one.Next());
  EXPECT_EQ(one.row().Int(0), 1);
}

}  // namespace
}  // namespace lianyin::store
