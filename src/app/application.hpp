#pragma once
// The composition root: opens the database and wires services and the HTTP API. No logic.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/config.hpp"
#include "app/daily_jobs.hpp"
#include "app/demo.hpp"
#include "core/error.hpp"
#include "domain/annual/credit_rules_job.hpp"
#include "domain/audit/audit_service.hpp"

namespace lianyin::store {
class Database;
}

namespace lianyin::app {

struct InitOptions {
  bool demo = false;
  std::optional<std::string> admin_password;  // generated when absent
};

struct InitReport {
  int schema_version = 0;
  std::int64_t regions = 0;
  std::string regions_source;
  std::string admin_username;
  std::optional<std::string> generated_password;  // set when init generated it
  DemoReport demo;                                // what --demo created
};

class Application {
 public:
  explicit Application(Config config);  // opens the database (throws store::DbError)
  ~Application();

  // Migrates, imports regions, creates the platform root and admin (SPEC §1), then the demo data
  // when asked. A database that is already set up → 409 and nothing changes.
  core::Result<InitReport> Init(const InitOptions& options);
  // Applies pending migrations; returns the schema version.
  int Migrate();
  // Serves until SIGINT/SIGTERM. Prints "listening on http://ADDRESS:PORT" once bound.
  // A database that was never initialised → 422 naming `db`.
  core::Result<void> Serve();

  // Re-hashes the audit chain (`lianyin audit verify`). Both audit commands first apply pending
  // migrations; a database that was never initialised → 422 naming `db`.
  core::Result<domain::audit::VerifyReport> AuditVerify();
  // Exports the audit entries past the retention to `export_file`, then deletes them
  // (`lianyin audit prune`; see AuditService::Prune).
  core::Result<domain::audit::PruneReport> AuditPrune(const std::filesystem::path& export_file);

  // Runs the daily jobs once (`lianyin jobs run`): the dated credit rules as of `today`
  // (default: today in +08:00). Applies pending migrations first, as the audit commands do; a
  // database that was never initialised → 422 naming `db`.
  core::Result<DailyJobsReport> RunJobs(std::optional<core::Date> today);

  store::Database& database();

 private:
  std::filesystem::path KeyFile() const;
  core::Result<void> RequireInitialised();

  Config config_;
  std::unique_ptr<store::Database> db_;
};

}  // namespace lianyin::app
