#include "store/sqlite/sqlite_database.hpp"

#include <gtest/gtest.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

namespace lianyin::store::sqlite {
namespace {

std::int64_t CountRows(Database& db) {
  Session session = db.Acquire();
  Statement count = session.Prepare("SELECT count(*) FROM t");
  count.Next();
  return count.row().Int(0);
}

TEST(SqliteDatabase, OneConnectionPerThread) {
  SqliteDatabase db(":memory:", {});
  db.Acquire().ExecuteScript("CREATE TABLE t (x INTEGER)");
  std::thread([&] { db.Acquire().Execute("INSERT INTO t VALUES (1)"); }).join();
  EXPECT_EQ(db.Stats().size, 2);
  EXPECT_EQ(CountRows(db), 1);  // both connections see the same in-memory database
}

TEST(SqliteDatabase, MemoryDatabasesArePrivate) {
  SqliteDatabase a(":memory:", {});
  SqliteDatabase b(":memory:", {});
  a.Acquire().ExecuteScript("CREATE TABLE t (x INTEGER)");
  EXPECT_THROW(CountRows(b), DbError);
}

// A thread that outlives a Database must not reach its closed connection through its
// thread_local cache, even when a new Database takes the old one's address.
TEST(SqliteDatabase, ThreadOutlivingDatabaseGetsFreshConnections) {
  std::mutex mutex;
  std::condition_variable changed;
  int phase = 0;
  auto db = std::make_unique<SqliteDatabase>(":memory:", DatabaseOptions{});
  db->Acquire().ExecuteScript("CREATE TABLE t (x INTEGER)");
  std::thread worker([&] {
    db->Acquire().Execute("INSERT INTO t VALUES (1)");
    std::unique_lock lock(mutex);
    phase = 1;
    changed.notify_all();
    changed.wait(lock, [&] { return phase == 2; });
    db->Acquire().ExecuteScript("CREATE TABLE t (x INTEGER)");  // the new, empty database
    EXPECT_EQ(CountRows(*db), 0);
  });
  {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return phase == 1; });
    db.reset();  // closes the worker's connection too
    db = std::make_unique<SqliteDatabase>(":memory:", DatabaseOptions{});
    phase = 2;
    changed.notify_all();
  }
  worker.join();
}

TEST(SqliteDatabase, BadPathThrowsAtOpen) {
  EXPECT_THROW(Database::Open("/nonexistent-dir/lianyin.db"), DbError);
}

TEST(SqliteDatabase, FileDatabaseUsesWal) {
  auto path = std::filesystem::temp_directory_path() / "lianyin-store-test-wal.db";
  std::filesystem::remove(path);
  {
    SqliteDatabase db(path.string(), {});
    Session session = db.Acquire();
    Statement mode = session.Prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.Next());
    EXPECT_EQ(mode.row().Text(0), "wal");
    Statement keys = session.Prepare("PRAGMA foreign_keys");
    ASSERT_TRUE(keys.Next());
    EXPECT_EQ(keys.row().Int(0), 1);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

}  // namespace
}  // namespace lianyin::store::sqlite
