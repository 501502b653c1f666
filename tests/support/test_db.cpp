#include "support/test_db.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <random>
#include <stdexcept>

#include "core/crypto.hpp"

namespace lianyin::test_support {
namespace {

// Every test binary that opens a test database (so every one that creates accounts) hashes
// passwords at the cheap test cost: Argon2id at 64 MiB was three quarters of an API test's CPU.
// Set during static initialisation, before main starts any thread.
const bool kCheapPasswordHashes = [] {
  core::UsePasswordHashParamsForTests(core::kTestPasswordHashParams);
  return true;
}();

constexpr const char* kPgEnv = "LIANYIN_TEST_PG";

std::string RandomHex() {
  std::random_device device;
  std::uint64_t value = (std::uint64_t{device()} << 32) | device();
  return fmt::format("{:016x}", value);
}

// A Database confined to its own schema, which it drops when destroyed.
class SchemaDatabase final : public store::Database {
 public:
  SchemaDatabase(const std::string& url, const store::DatabaseOptions& options)
      : schema_("test_" + RandomHex()), admin_(store::Database::Open(url, AdminOptions())) {
    admin_->Acquire().ExecuteScript("CREATE SCHEMA " + schema_);
    std::string separator = url.find('?') == std::string::npos ? "?" : "&";
    inner_ = store::Database::Open(url + separator + "options=-csearch_path%3D" + schema_, options);
  }

  ~SchemaDatabase() override {
    inner_.reset();
    try {
      admin_->Acquire().ExecuteScript("DROP SCHEMA " + schema_ + " CASCADE");
    } catch (const std::exception& e) {
      ADD_FAILURE() << "could not drop test schema " << schema_ << ": " << e.what();
    }
  }

  SchemaDatabase(const SchemaDatabase&) = delete;
  SchemaDatabase& operator=(const SchemaDatabase&) = delete;

  store::Dialect dialect() const override { return inner_->dialect(); }
  store::Session Acquire() override { return inner_->Acquire(); }
  store::PoolStats Stats() const override { return inner_->Stats(); }
  std::string Describe() const override { return inner_->Describe() + " schema " + schema_; }

 private:
  static store::DatabaseOptions AdminOptions() {
    store::DatabaseOptions options;
    options.pool_size = 1;
    return options;
  }

  std::string schema_;
  std::unique_ptr<store::Database> admin_;
  std::unique_ptr<store::Database> inner_;
};

}  // namespace

std::string TestPgUrl() {
  const char* url = std::getenv(kPgEnv);
  return url != nullptr ? url : "";
}

std::vector<std::string> TestBackends() { return {"sqlite", "postgres"}; }

std::unique_ptr<store::Database> OpenBackendDatabase(std::string_view backend, bool migrate,
                                                     const store::DatabaseOptions& options) {
  std::unique_ptr<store::Database> db;
  if (backend == "sqlite") {
    db = store::Database::Open(":memory:", options);
  } else if (backend == "postgres") {
    std::string url = TestPgUrl();
    if (url.empty()) throw std::runtime_error(std::string(kPgEnv) + " is not set");
    db = std::make_unique<SchemaDatabase>(url, options);
  } else {
    throw std::invalid_argument("unknown test backend: " + std::string(backend));
  }
  if (migrate) store::Migrate(*db);
  return db;
}

std::unique_ptr<store::Database> OpenTestDatabase(bool migrate) {
  return OpenBackendDatabase(TestPgUrl().empty() ? "sqlite" : "postgres", migrate);
}

void BackendTest::SetUp() {
  if (IsPostgres() && TestPgUrl().empty()) {
    GTEST_SKIP() << "PostgreSQL case not run: set " << kPgEnv
                 << " (e.g. LIANYIN_TEST_PG=$(scripts/pg.sh start))";
  }
  if (sqlite_file_ && !IsPostgres()) {
    file_dir_ = std::make_unique<ScopedTempDir>();
    db_ = store::Database::Open((file_dir_->path() / "test.db").string(), options_);
    store::Migrate(*db_);
    return;
  }
  db_ = OpenBackendDatabase(GetParam(), /*migrate=*/true, options_);
}

std::string BackendName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

ScopedTempDir::ScopedTempDir()
    : path_(std::filesystem::temp_directory_path() / ("lianyin-test-" + RandomHex())) {
  std::filesystem::create_directories(path_);
}

ScopedTempDir::~ScopedTempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace lianyin::test_support
