// lianyin <command>: serve, init, migrate, audit verify|prune, jobs run, verify-draw. Parses flags
// into app::Config and calls app::Application (verify-draw: the domain's offline check); no logic
// lives here.

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "app/application.hpp"
#include "app/config.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/inspection/draw_verify.hpp"

namespace {

using lianyin::app::Config;

std::filesystem::path BinaryDir() {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::current_path() : self.parent_path();
}

int Fail(const lianyin::core::Error& error) {
  std::fprintf(stderr, "lianyin: %s\n", error.message.c_str());
  for (const auto& d : error.details) {
    std::fprintf(stderr, "  %s: %s\n", d.field.c_str(), d.message.c_str());
  }
  return 2;
}

// Flags shared by the commands that open a database; unset flags leave the config as loaded.
struct DbFlags {
  std::optional<std::string> db;
  void Add(CLI::App* cmd) {
    cmd->add_option("--db", db, "SQLite file path or postgresql:// URL (default data/lianyin.db)");
  }
  void Apply(Config& c) const {
    if (db) c.db = *db;
  }
};

// `lianyin jobs run`: the daily jobs once (credit rules, work-mechanism templates), and what
// they did.
int RunJobs(lianyin::app::Application& app, const std::optional<std::string>& today_text) {
  std::optional<lianyin::core::Date> today;
  if (today_text) {
    auto parsed = lianyin::core::ParseDate(*today_text, "today");
    if (!parsed) return Fail(parsed.error());
    today = *parsed;
  }
  auto report = app.RunJobs(today);
  if (!report) return Fail(report.error());
  std::printf(
      "credit rules: %lld organisations entered on the abnormal list for no %lld annual report "
      "(%lld now abnormal), %lld on the dishonest list\n",
      static_cast<long long>(report->credit.abnormal), static_cast<long long>(report->credit.year),
      static_cast<long long>(report->credit.status_changes),
      static_cast<long long>(report->credit.dishonest));
  std::printf("work-mechanism templates: %d meetings and %d report tasks created, %d left\n",
              report->mechanism.meetings, report->mechanism.report_tasks,
              report->mechanism.skipped);
  return 0;
}

// verify-draw: 0 when the saved public answer re-computes (SPEC §5.2), 1 naming the first
// difference, 2 when the file cannot be read as JSON.
int VerifyDraw(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  const boost::json::value answer = boost::json::parse(text.str(), ec);
  if (!in || ec) {
    std::fprintf(stderr, "lianyin verify-draw: %s is not a readable JSON file\n", path.c_str());
    return 2;
  }
  const auto outcome = lianyin::domain::inspection::VerifyPublicDraw(answer);
  std::printf("%s: %s\n", outcome.ok ? "ok" : "MISMATCH", outcome.message.c_str());
  return outcome.ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{
      "Lianyin 联引: unions and civil-affairs departments connect and guide social "
      "organisations to serve workers"};
  cli.require_subcommand(1);
  std::optional<std::string> config_file;
  cli.add_option("--config", config_file, "JSON config file (environment LIANYIN_* overrides it)")
      ->check(CLI::ExistingFile);

  DbFlags db_flags;
  CLI::App* serve = cli.add_subcommand("serve", "Serve the API and the web app");
  db_flags.Add(serve);
  std::optional<int> port, threads;
  std::optional<std::string> address, web_root;
  serve->add_option("--port", port, "TCP port (0 = any free port; default 8080)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--address", address, "Listen address (default 127.0.0.1)");
  serve->add_option("--threads", threads, "Threads serving requests, in all")
      ->check(CLI::Range(1, 1024));
  serve->add_option("--web-root", web_root, "Directory of the built web app");

  CLI::App* init =
      cli.add_subcommand("init", "Create the schema, regions, platform root and admin");
  db_flags.Add(init);
  bool demo = false;
  std::optional<std::string> admin_password, regions_file;
  init->add_flag("--demo", demo, "Also build the demo data set (SPEC §6)");
  init->add_option("--admin-password", admin_password,
                   "Password of user admin (generated and printed when absent)");
  init->add_option("--regions-file", regions_file, "GB/T 2260 regions file (built by make build)");

  CLI::App* migrate = cli.add_subcommand("migrate", "Apply pending schema migrations");
  db_flags.Add(migrate);

  CLI::App* audit = cli.add_subcommand("audit", "Check or prune the audit chain");
  audit->require_subcommand(1);
  CLI::App* audit_verify =
      audit->add_subcommand("verify", "Re-hash the audit chain; exit 1 if it is broken");
  db_flags.Add(audit_verify);
  CLI::App* audit_prune = audit->add_subcommand(
      "prune", "Export entries past the retention to a file, then delete them");
  db_flags.Add(audit_prune);
  std::string export_file;
  audit_prune->add_option("--export", export_file, "JSON-lines file to create (must not exist)")
      ->required();

  CLI::App* jobs = cli.add_subcommand("jobs", "Run the daily jobs (serve runs them too)");
  jobs->require_subcommand(1);
  CLI::App* jobs_run = jobs->add_subcommand(
      "run", "Apply the dated credit rules once (idempotent: running again adds nothing)");
  db_flags.Add(jobs_run);
  std::optional<std::string> today;
  jobs_run->add_option("--today", today, "Run as of this date, YYYY-MM-DD (default: today)");
  CLI::App* verify_draw = cli.add_subcommand(
      "verify-draw",
      "Re-compute a saved public draw (GET /api/public/inspections/{id}) offline: exit 0 when "
      "its seed matches the commitment and the selections re-compute");
  std::string draw_file;
  verify_draw->add_option("FILE", draw_file, "the saved JSON answer")->required();

  CLI11_PARSE(cli, argc, argv);
  if (*verify_draw) return VerifyDraw(draw_file);

  auto loaded = lianyin::app::LoadConfig(config_file, BinaryDir());
  if (!loaded) return Fail(loaded.error());
  Config config = *loaded;
  db_flags.Apply(config);
  if (port) config.port = *port;
  if (threads) {
    config.worker_threads = *threads;
    config.io_threads = 0;
  }
  if (address) config.address = *address;
  if (web_root) config.web_root = *web_root;
  if (regions_file) config.regions_file = *regions_file;
  spdlog::set_level(spdlog::level::from_str(config.log_level));

  try {
    if (config.db != ":memory:" && config.db.find("://") == std::string::npos) {
      std::filesystem::path parent = std::filesystem::path(config.db).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent);
    }
    lianyin::app::Application app(config);
    if (*serve) {
      auto served = app.Serve();
      return served ? 0 : Fail(served.error());
    }
    if (*migrate) {
      std::printf("schema version %d\n", app.Migrate());
      return 0;
    }
    if (*audit_verify) {
      auto report = app.AuditVerify();
      if (!report) return Fail(report.error());
      if (!report->ok) {
        std::printf("audit chain broken at entry %lld\n",
                    static_cast<long long>(report->first_bad_id.value_or(0)));
        return 1;
      }
      std::printf("audit chain ok: %lld entries\n", static_cast<long long>(report->entries));
      return 0;
    }
    if (*jobs_run) return RunJobs(app, today);
    if (*audit_prune) {
      auto report = app.AuditPrune(export_file);
      if (!report) return Fail(report.error());
      if (report->deleted == 0) {
        std::printf("nothing to prune: no audit entries older than the retention\n");
      } else {
        std::printf("exported %lld audit entries to %s, then deleted them\n",
                    static_cast<long long>(report->deleted), export_file.c_str());
      }
      return 0;
    }
    auto report = app.Init({demo, admin_password});
    if (!report) return Fail(report.error());
    std::printf("initialised %s: schema %d, %lld regions (%s)%s\n", config.db.c_str(),
                report->schema_version, static_cast<long long>(report->regions),
                report->regions_source.c_str(),
                demo ? fmt::format(", demo: {} units, {} organisations, {} links, {} projects "
                                   "({} outputs, contracts {} fen, {} person-times), {} "
                                   "excellent projects in {} selections",
                                   report->demo.units, report->demo.orgs, report->demo.links,
                                   report->demo.projects, report->demo.project_outputs,
                                   report->demo.contract_fen, report->demo.person_times,
                                   report->demo.excellent_projects, report->demo.selection_rounds)
                           .c_str()
                     : "");
    if (const auto& m = report->demo.matching; demo && m.runs > 0) {
      std::printf(
          "demo matching: %d resources, %d demands, %d run (%lld people matched, %lld unmatched, "
          "%lld fen), %d of its %d proposals accepted, %d to review; log in as %s too\n",
          m.resources, m.demands, m.runs, static_cast<long long>(m.matched_headcount),
          static_cast<long long>(m.unmatched_headcount), static_cast<long long>(m.total_cost_fen),
          m.accepted, m.proposals, m.to_review, lianyin::app::kDemoParkOfficer);
    }
    if (const auto& v = report->demo.venues; demo && v.venues > 0) {
      std::printf(
          "demo venues: %d venues of 福州市总工会, %d bookings held in 2026, %d upcoming, %d to "
          "review; log in as %s or %s too\n",
          v.venues, v.held, v.upcoming, v.pending, lianyin::app::kDemoFuzhouOfficer,
          lianyin::app::kDemoFuzhouOrgMember);
    }
    if (const auto& e = report->demo.events; demo && e.workers > 0) {
      std::printf(
          "demo events: %d workers on 福州市总工会's roster, %d events held in 2026 and %d open "
          "for sign-up (+%d draft), %lld sign-ups (%lld waitlisted, %lld cancelled), %lld "
          "check-ins (person-times) by %lld unique workers; on the phone pages (/m/login) log in "
          "as the worker %s (%s, the admin's password)\n",
          e.workers, e.held, e.open, e.drafts, static_cast<long long>(e.signups),
          static_cast<long long>(e.waitlisted), static_cast<long long>(e.cancellations),
          static_cast<long long>(e.checkins), static_cast<long long>(e.unique_workers),
          e.demo_worker_phone.c_str(), e.demo_worker_name.c_str());
    }
    if (const auto& a = report->demo.annual; demo && a.reports > 0) {
      std::printf(
          "demo annual reports: %d for %lld and the two years before (%d passed, %d basic "
          "passes, %d failed, %d to review, %d returned); the credit rules entered %d on the "
          "abnormal list and %d on the dishonest list; %d penalties\n",
          a.reports, static_cast<long long>(a.last_year), a.passed, a.basic_passed, a.failed,
          a.to_review, a.returned, a.abnormal, a.dishonest, a.penalties);
    }
    if (const auto& g = report->demo.evaluations; demo && g.finalized > 0) {
      std::printf(
          "demo evaluations: %d organisations of 福州市民政局 graded (5A to 1A), %d being scored; "
          "log in as %s or demo.evaluator1 to %d too\n",
          g.finalized, g.scoring, lianyin::app::kDemoEvaluationOfficer,
          lianyin::app::kDemoEvaluators);
    }
    if (const auto& i = report->demo.inspections; demo && !i.plan_ids.empty()) {
      std::printf(
          "demo inspections: %zu published double-random draws (内蒙古自治区民政厅, 包头市民政局, "
          "固阳县民政局) by %d inspectors, public at /public/inspections/%lld..%lld; log in as "
          "%s, demo.bt or demo.gy too\n",
          i.plan_ids.size(), i.inspectors, static_cast<long long>(i.plan_ids.front()),
          static_cast<long long>(i.plan_ids.back()), lianyin::app::kDemoInnerMongoliaOfficer);
    }
    if (const auto& t = report->demo.teams; demo && !t.team_ids.empty()) {
      std::printf(
          "demo teams: %zu rural-revitalisation teams of 陕西省民政厅 (%d organisations), %d help "
          "projects (%d shared); log in as %s too\n",
          t.team_ids.size(), t.orgs, t.help_projects, t.shared_projects,
          lianyin::app::kDemoShaanxiOfficer);
    }
    if (const auto& m = report->demo.mechanism; demo && m.templates > 0) {
      std::printf(
          "demo work mechanism: 陕西省民政厅's %d meeting templates, %d meetings, %d supervised "
          "tasks (%d done, %d in progress, %d overdue)\n",
          m.templates, m.meetings, m.tasks, m.done, m.in_progress, m.overdue);
    }
    std::printf("log in as: %s\n", report->admin_username.c_str());
    if (report->generated_password) {
      std::printf("generated admin password (shown once): %s\n",
                  report->generated_password->c_str());
    }
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lianyin: %s\n", e.what());
    return 1;
  }
}
