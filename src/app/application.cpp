#include "app/application.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>

#include "app/daily_jobs.hpp"
#include "app/demo.hpp"
#include "app/demo_evaluations.hpp"
#include "app/demo_matching.hpp"
#include "app/demo_selection.hpp"
#include "app/keys.hpp"
#include "app/regions_file.hpp"
#include "app/services.hpp"
#include "core/crypto.hpp"
#include "domain/account/password_rules.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/audit/audit_service.hpp"
#include "domain/selection/booklet_runner.hpp"
#include "http/server.hpp"
#include "store/store.hpp"

namespace lianyin::app {
namespace {

// 18 random base64url characters, redrawn until the policy accepts them (almost always at once).
std::string GeneratePassword(const std::string& username) {
  for (;;) {
    std::string candidate = core::Base64UrlEncode(core::RandomBytes(14)).substr(0, 18);
    if (domain::account::CheckPasswordPolicy(candidate, username)) return candidate;
  }
}

std::vector<http::Gauge> PoolGauges(const store::Database& db) {
  const store::PoolStats s = db.Stats();
  return {{"lianyin_db_pool_size", "Database connections open", double(s.size), {}},
          {"lianyin_db_pool_in_use", "Database connections checked out", double(s.in_use), {}},
          {"lianyin_db_pool_waits_total", "Acquisitions that had to wait", double(s.waits), {}}};
}

// `lianyin init` acts as the administrator it has just created, at the platform root.
domain::account::Actor InitActor(const domain::account::User& admin) {
  domain::account::Actor actor;
  actor.user_id = admin.id;
  actor.username = admin.username;
  actor.display_name = admin.display_name;
  actor.unit_id = admin.unit_id;
  actor.platform_level = true;
  actor.roles = admin.roles;
  actor.permissions = {std::string(domain::account::kAllPermissions)};
  actor.request_id = "init";
  return actor;
}

}  // namespace

Application::Application(Config config) : config_(std::move(config)) {
  store::DatabaseOptions options;
  options.pool_size = config_.db_pool_size;
  options.statement_timeout_ms = config_.db_statement_timeout_ms;
  options.lock_timeout_ms = config_.db_lock_timeout_ms;
  db_ = store::Database::Open(config_.db, options);
}

Application::~Application() = default;

store::Database& Application::database() { return *db_; }

std::filesystem::path Application::KeyFile() const {
  return config_.key_file.empty() ? DefaultKeyFile(config_.db) : config_.key_file;
}

int Application::Migrate() { return store::Migrate(*db_); }

core::Result<void> Application::RequireInitialised() {
  if (store::SchemaVersion(*db_) == 0) {
    return core::Error::Invalid("db", "not initialised: run `lianyin init` first");
  }
  store::Migrate(*db_);  // a newer binary brings its migrations along
  return {};
}

core::Result<domain::audit::VerifyReport> Application::AuditVerify() {
  if (auto ready = RequireInitialised(); !ready) return ready.error();
  return domain::audit::AuditService(*db_).Verify();
}

core::Result<domain::audit::PruneReport> Application::AuditPrune(
    const std::filesystem::path& export_file) {
  if (auto ready = RequireInitialised(); !ready) return ready.error();
  return domain::audit::AuditService(*db_).Prune(export_file);
}

core::Result<DailyJobsReport> Application::RunJobs(std::optional<core::Date> today) {
  if (auto ready = RequireInitialised(); !ready) return ready.error();
  Services services(*db_, LoadOrCreateKey(KeyFile()));
  core::DateTime now = core::Now();
  // A given day runs the rules as of that day, stamped at its noon.
  if (today) now = {core::StartOfDay(*today).unix_seconds + 12 * 3600};
  return RunDailyJobs(services.writer, now);
}

core::Result<InitReport> Application::Init(const InitOptions& options) {
  InitReport report;
  report.schema_version = store::Migrate(*db_);
  Services services(*db_, LoadOrCreateKey(KeyFile()));
  if (services.units.RootUnit())
    return core::Error::Conflict("this database is already initialised");
  auto source = ReadRegionsFile(config_.regions_file);
  if (!source) return source.error();
  auto count = services.regions.Import(*source);
  if (!count) return count.error();
  report.regions = *count;
  report.regions_source = services.regions.SourceVersion();

  domain::account::PlatformSetup setup{config_.platform_name, "admin", ""};
  if (options.admin_password) {
    setup.admin_password = *options.admin_password;
  } else {
    setup.admin_password = GeneratePassword(setup.admin_username);
    report.generated_password = setup.admin_password;
  }
  auto admin = domain::account::PlatformService(services.writer).SetUpPlatform(setup);
  if (!admin) return admin.error();
  report.admin_username = admin->username;
  if (options.demo) {
    auto created = BuildDemo(services.units, services.regions, services.orgs, services.projects,
                             InitActor(*admin));
    if (!created) return created.error();
    report.demo = *created;
    // The two published selections and their booklets; the demo experts share the admin's
    // password.
    auto selections =
        BuildDemoSelection(services.users, services.projects, services.selection, InitActor(*admin),
                           created->national_union_id, setup.admin_password);
    if (!selections) return selections.error();
    report.demo.selection_rounds = selections->rounds;
    report.demo.excellent_projects = selections->excellent;
    // The demand list ↔ resource list matching of 苏州工业园区, acted by its union's officer
    // (the admin's password too).
    auto matching = BuildDemoMatching(services, InitActor(*admin), setup.admin_password);
    if (!matching) return matching.error();
    report.demo.matching = *matching;
    report.demo.units += matching->units;
    report.demo.orgs += matching->orgs;
    report.demo.links += matching->links;
    // Fuzhou's shared base: the city union's venues and the organisations' bookings, acted by
    // its officer (the admin's password too).
    auto venues = BuildDemoVenues(services, InitActor(*admin), created->fuzhou_union_id,
                                  created->fuzhou_org_ids, setup.admin_password);
    if (!venues) return venues.error();
    report.demo.venues = *venues;
    // Its roster and the events held at the bookings, with sign-ups and check-ins; one roster
    // worker's account (the admin's password too) for the phone pages.
    auto events = BuildDemoEvents(services, InitActor(*admin), *venues, setup.admin_password);
    if (!events) return events.error();
    report.demo.events = *events;
    // One published double-random draw per level in Inner Mongolia, with its inspectors and
    // results, acted by each body's officer (the admin's password too).
    auto inspections = BuildDemoInspections(services, InitActor(*admin),
                                            created->inner_mongolia_civil_id, setup.admin_password);
    if (!inspections) return inspections.error();
    report.demo.inspections = *inspections;
    report.demo.units += inspections->units;
    report.demo.orgs += inspections->orgs;
    // Shaanxi's 12 rural-revitalisation teams with SPEC §6's 2022 figures and 2023 plans, acted
    // by 陕西省民政厅's officer (the admin's password too). Before the annual reports, which
    // then file theirs like every other organisation's.
    auto teams = BuildDemoTeams(services, InitActor(*admin), created->shaanxi_civil_id,
                                setup.admin_password);
    if (!teams) return teams.error();
    report.demo.teams = *teams;
    report.demo.orgs += teams->orgs;
    // The organisations' annual reports of the last three years, reviewed, with the dated
    // credit rules run as they would have run (some organisations end on the lists). After
    // every organisation exists: one made later would owe its reports, and the rules `serve`
    // runs at start would list it.
    auto annual = BuildDemoAnnual(services, InitActor(*admin), core::Now());
    if (!annual) return annual.error();
    report.demo.annual = *annual;
    // Grade evaluations of Fuzhou's organisations (5A to 1A), by 福州市民政局's officer and
    // experts (the admin's password too).
    auto evaluations = BuildDemoEvaluations(services, InitActor(*admin), created->fuzhou_org_ids,
                                            setup.admin_password);
    if (!evaluations) return evaluations.error();
    report.demo.evaluations = *evaluations;
    // 陕西省民政厅's work mechanism: its meeting templates run as of now, the joint meeting of
    // its rural-revitalisation teams and the decisions it supervises.
    auto mechanism = BuildDemoMechanism(services, InitActor(*admin), core::Now());
    if (!mechanism) return mechanism.error();
    report.demo.mechanism = *mechanism;
  }
  return report;
}

core::Result<void> Application::Serve() {
  if (auto ready = RequireInitialised(); !ready) return ready.error();
  Services services(*db_, LoadOrCreateKey(KeyFile()));
  // An import a stop interrupted is finished (or, still staging, discarded) before serving.
  auto recovered = services.orgs.RecoverImports();
  if (!recovered) return recovered.error();
  if (*recovered > 0) spdlog::info("finished {} interrupted import(s)", *recovered);
  http::Api api(services.Api([this] { return PoolGauges(*db_); }),
                {config_.web_root, config_.tls, LIANYIN_VERSION, config_.metrics_token});
  http::ServerOptions options;
  options.address = config_.address;
  options.port = static_cast<std::uint16_t>(config_.port);
  options.io_threads = config_.io_threads;
  options.worker_threads = config_.worker_threads;
  options.metrics = api.metrics();
  options.tls = config_.tls;
  options.allows_large_body = [&api](std::string_view method, std::string_view path) {
    return api.AllowsLargeBody(method, path);
  };
  // Booklets (选编) are generated off the request threads; jobs a stop interrupted run again.
  domain::selection::BookletRunner booklets(
      services.selection,
      std::filesystem::temp_directory_path() / ("lianyin-booklets-" + std::to_string(::getpid())));
  if (const std::int64_t requeued = booklets.Recover(); requeued > 0) {
    spdlog::info("requeued {} interrupted booklet job(s)", requeued);
  }
  booklets.Start();
  // The dated credit rules: now, then daily (idempotent: other servers may run them too).
  DailyJobs jobs(services.writer);
  jobs.Start();
  http::Server server(options, [&api](http::Request& request) { return api.Handle(request); });
  const std::uint16_t port = server.Start();
  std::printf("listening on http://%s:%u\n", config_.address.c_str(), port);
  std::fflush(stdout);
  spdlog::info("serving {} on {}:{} (web root {})", db_->Describe(), config_.address, port,
               config_.web_root.string());
  server.Wait(/*handle_signals=*/true);
  return {};
}

}  // namespace lianyin::app
