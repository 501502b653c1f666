#pragma once
// Databases for tests: SQLite in memory always, PostgreSQL when LIANYIN_TEST_PG names a server.
//
//   #include "support/test_db.hpp"            (CMake: link lianyin_test_support)
//
//   auto db = test_support::OpenTestDatabase();  // migrated; PG if LIANYIN_TEST_PG is set
//
//   class MyRepoTest : public test_support::BackendTest {};   // runs on every backend
//   TEST_P(MyRepoTest, Works) { store::Session s = db().Acquire(); ... }
//   LIANYIN_INSTANTIATE_BACKEND_TESTS(MyRepoTest);
//
// Each PostgreSQL test database is a fresh schema (test_<random hex>) on that server, dropped
// with CASCADE when the Database is destroyed, so parallel test processes never collide.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace lianyin::test_support {

// The LIANYIN_TEST_PG URL, or "" when PostgreSQL tests are off.
std::string TestPgUrl();

// {"sqlite", "postgres"}: both always, so a run without LIANYIN_TEST_PG reports the PostgreSQL
// cases as skipped rather than leaving them out.
std::vector<std::string> TestBackends();

// `backend` "sqlite" (a private ":memory:" database) or "postgres" (a fresh schema; throws
// std::runtime_error when LIANYIN_TEST_PG is unset). Migrated to the latest version if `migrate`.
std::unique_ptr<store::Database> OpenBackendDatabase(std::string_view backend, bool migrate = true,
                                                     const store::DatabaseOptions& options = {});

// PostgreSQL when LIANYIN_TEST_PG is set, else SQLite ":memory:".
std::unique_ptr<store::Database> OpenTestDatabase(bool migrate = true);

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class ScopedTempDir {
 public:
  ScopedTempDir();
  ~ScopedTempDir();
  ScopedTempDir(const ScopedTempDir&) = delete;
  ScopedTempDir& operator=(const ScopedTempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A value-parameterised fixture over TestBackends(): SetUp skips (GTEST_SKIP, with the reason)
// the "postgres" case when LIANYIN_TEST_PG is unset, else opens db() migrated.
class BackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  bool IsPostgres() const { return GetParam() == "postgres"; }
  store::Database& db() { return *db_; }

  // Set before SetUp to open db() with other options (short timeouts, say), or SQLite as a file
  // (WAL, as deployed; ":memory:" has rollback-journal locking, where a writer blocks readers).
  store::DatabaseOptions options_;
  bool sqlite_file_ = false;
  std::unique_ptr<ScopedTempDir> file_dir_;
  std::unique_ptr<store::Database> db_;
};

// Test-name suffix for a backend parameter ("sqlite" / "postgres").
std::string BackendName(const ::testing::TestParamInfo<std::string>& info);

}  // namespace lianyin::test_support

#define LIANYIN_INSTANTIATE_BACKEND_TESTS(Suite)                                         \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite,                                              \
                           ::testing::ValuesIn(::lianyin::test_support::TestBackends()), \
                           ::lianyin::test_support::BackendName)

// For suites that test PostgreSQL-only behaviour: the "postgres" case alone.
#define LIANYIN_INSTANTIATE_POSTGRES_TESTS(Suite)                                       \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::Values(std::string("postgres")), \
                           ::lianyin::test_support::BackendName)
