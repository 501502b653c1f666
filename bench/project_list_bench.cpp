// Service-project list pages at 100 000 projects: ProjectService::List — the page of 20 with
// its providers and the total, the queries GET /api/v1/projects runs — against the plain SQL a
// hand-written list would run for the same page, side by side in one process (no HTTP: the
// figures are the database work and the service's own, with no load generator involved), for
// the platform administrator and for an officer of 广东省总工会 (a provincial scope).
//
//   project_list_bench [projects=100000] [db=/tmp/lianyin-project-bench.db |
//                      postgresql://... (its public schema is emptied)] [regions=REGIONS.json]
//
// Loads the demo deployment (regions from the file `make build` writes, default
// <binary dir>/../share/regions.json) with `projects` projects instead of 9 592 — the demo's
// generator, totals scaled — through ProjectService::ImportHistorical, then times each list
// (median of 15 runs after one warm-up), checks that both ways give the same total and the same
// ids, and prints the ratio.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/demo.hpp"
#include "app/regions_file.hpp"
#include "app/services.hpp"
#include "core/crypto.hpp"
#include "domain/account/platform_service.hpp"
#include "store/store.hpp"

namespace {

namespace account = lianyin::domain::account;
namespace project = lianyin::domain::project;
namespace store = lianyin::store;

constexpr int kRuns = 15;
constexpr std::int64_t kPageSize = 20;

std::unique_ptr<store::Database> Fresh(const std::string& where) {
  if (where.starts_with("postgresql://")) {
    auto db = store::Database::Open(where);
    db->Acquire().ExecuteScript("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    return db;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(where + suffix);
  return store::Database::Open(where);
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double MedianMs(const std::function<void()>& f) {
  f();  // warm the statement caches and the pages
  std::vector<double> ms;
  for (int i = 0; i < kRuns; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    ms.push_back(Seconds(t0) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  return ms[kRuns / 2];
}

// One list page: the filters of GET /projects and the page number.
struct Case {
  const char* name;
  project::ProjectFilter filter;
  std::int64_t page = 1;
};

// What a page answers: its ids, in order, and the total.
struct Answer {
  std::vector<std::int64_t> ids;
  std::int64_t total = 0;
  bool operator==(const Answer&) const = default;
};

// The same page written by hand: the filters as plain conditions (the scope and a unit filter as
// IN over the closure table, the title with LIKE), the page with the same joins, its providers,
// and the count.
Answer PlainList(store::Session& s, const Case& c, std::optional<std::int64_t> scope_unit) {
  std::string where = "1 = 1";
  std::vector<store::Value> params;
  const auto subtree = [&](std::int64_t unit) {
    where += " AND p.funding_unit_id IN (SELECT descendant FROM unit_closure WHERE ancestor = ?)";
    params.emplace_back(unit);
  };
  if (scope_unit) subtree(*scope_unit);
  const project::ProjectFilter& f = c.filter;
  if (f.category) {
    where += " AND p.category = ?";
    params.emplace_back(*f.category);
  }
  if (f.status) {
    where += " AND p.status = ?";
    params.emplace_back(std::string(project::StatusName(*f.status)));
  }
  if (f.funding_unit_id) subtree(*f.funding_unit_id);
  if (f.year) {
    where += " AND p.start_on BETWEEN ? AND ?";
    params.emplace_back(std::to_string(*f.year) + "-01-01");
    params.emplace_back(std::to_string(*f.year) + "-12-31");
  }
  if (f.q) {
    where += " AND p.title LIKE ?";
    params.emplace_back("%" + *f.q + "%");
  }
  Answer answer;
  {
    auto count = s.Prepare("SELECT COUNT(*) FROM projects p WHERE " + where);
    count.BindAll(params);
    count.Next();
    answer.total = count.row().Int(0);
  }
  std::vector<store::Value> page_params = params;
  page_params.emplace_back(kPageSize);
  page_params.emplace_back((c.page - 1) * kPageSize);
  auto page = s.Prepare(
      "SELECT p.id, p.title, p.category, p.funding_unit_id, u.name, p.mode, p.budget_fen, "
      "p.contract_fen, p.contracted_on, p.region_code, r.name, p.start_on, p.end_on, "
      "p.target_groups, p.description, p.status, p.person_times, p.events_held, p.spent_fen, "
      "p.scheduled_fen, p.paid_fen, p.created_at, p.updated_at FROM projects p "
      "JOIN units u ON u.id = p.funding_unit_id LEFT JOIN regions r ON r.code = p.region_code "
      "WHERE " +
      where + " ORDER BY p.id DESC LIMIT ? OFFSET ?");
  page.BindAll(page_params);
  std::size_t bytes = 0;
  while (page.Next()) {
    answer.ids.push_back(page.row().Int(0));
    for (int col = 1; col < 23; ++col) bytes += page.row().Text(col).size();
  }
  if (!answer.ids.empty()) {
    std::string marks = "?";
    for (std::size_t i = 1; i < answer.ids.size(); ++i) marks += ", ?";
    auto providers = s.Prepare(
        "SELECT pp.project_id, o.id, o.name, o.uscc FROM project_providers pp JOIN orgs o ON "
        "o.id = pp.org_id WHERE pp.project_id IN (" +
        marks + ") ORDER BY pp.project_id, pp.position");
    for (std::size_t i = 0; i < answer.ids.size(); ++i) {
      providers.Bind(static_cast<int>(i), answer.ids[i]);
    }
    while (providers.Next()) bytes += providers.row().Text(2).size();
  }
  if (bytes == 0 && !answer.ids.empty()) std::printf("(empty rows?)\n");
  return answer;
}

account::Actor Admin(const account::User& admin) {
  account::Actor actor;
  actor.user_id = admin.id;
  actor.username = admin.username;
  actor.unit_id = admin.unit_id;
  actor.platform_level = true;
  actor.permissions = {std::string(account::kAllPermissions)};
  return actor;
}

std::int64_t UnionOf(store::Database& db, const char* region) {
  store::Session s = db.Acquire();
  auto stmt = s.Prepare("SELECT id FROM units WHERE kind = 'union' AND region_code = ?");
  stmt.Bind(0, std::string(region));
  return stmt.Next() ? stmt.row().Int(0) : 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t projects = argc > 1 ? std::stoll(argv[1]) : 100'000;
  const std::string where = argc > 2 ? argv[2] : "/tmp/lianyin-project-bench.db";
  const std::filesystem::path regions_file =
      argc > 3
          ? std::filesystem::path(argv[3])
          : std::filesystem::canonical("/proc/self/exe").parent_path() / "../share/regions.json";
  const bool pg = where.starts_with("postgresql://");
  auto db = Fresh(where);
  store::Migrate(*db);
  lianyin::app::Services services(*db, lianyin::core::RandomBytes(32));
  auto source = lianyin::app::ReadRegionsFile(regions_file);
  if (!source || !services.regions.Import(*source)) {
    std::fprintf(stderr, "cannot import the regions file %s\n", regions_file.c_str());
    return 1;
  }
  auto admin = account::PlatformService(services.writer)
                   .SetUpPlatform({"联引平台", "admin", "Bench-Passw0rd!"});
  if (!admin) return 1;
  const account::Actor platform = Admin(*admin);
  // The demo's totals, scaled to `projects` (contracts in whole hundreds of yuan).
  const lianyin::app::DemoTotals totals{
      projects,
      lianyin::app::kDemoContractFen / 10'000 * projects / lianyin::app::kDemoProjects * 10'000,
      lianyin::app::kDemoPersonTimes * projects / lianyin::app::kDemoProjects};
  const auto t0 = std::chrono::steady_clock::now();
  auto demo = lianyin::app::BuildDemo(services.units, services.regions, services.orgs,
                                      services.projects, platform, totals);
  if (!demo) {
    std::fprintf(stderr, "demo: %s\n", demo.error().message.c_str());
    return 1;
  }
  const double loaded = Seconds(t0);
  // As autovacuum would after a bulk load: statistics, and the visibility map index-only
  // scans need.
  if (pg) db->Acquire().ExecuteScript("VACUUM ANALYZE");
  std::printf("loaded the demo with %lld projects, %lld outputs in %.1f s (%s)\n",
              static_cast<long long>(demo->projects), static_cast<long long>(demo->project_outputs),
              loaded, pg ? "PostgreSQL" : "SQLite");

  const std::int64_t guangdong = UnionOf(*db, "440000");
  account::Actor officer;
  officer.user_id = admin->id;
  officer.unit_id = guangdong;
  officer.roles = {"union_officer"};
  const std::pair<const char*, const account::Actor*> scopes[] = {{"platform", &platform},
                                                                  {"广东省总工会", &officer}};
  project::ProjectFilter combined;
  combined.category = "new_employment";
  combined.status = project::ProjectStatus::kClosed;
  combined.funding_unit_id = guangdong;
  combined.year = 2021;
  project::ProjectFilter closed;
  closed.status = project::ProjectStatus::kClosed;
  project::ProjectFilter stations;
  stations.category = "stations";
  project::ProjectFilter station;
  station.q = "驿站";
  project::ProjectFilter city;
  city.q = "广州市";
  project::ProjectFilter city_category = city;
  city_category.category = "health";
  const std::vector<Case> cases = {{"no filter", {}, 1},
                                   {"no filter, page 50", {}, 50},
                                   {"status=closed", closed, 1},
                                   {"category=stations", stations, 1},
                                   {"category+status+unit+year", combined, 1},
                                   {"q=驿站", station, 1},
                                   {"q=广州市", city, 1},
                                   {"q=广州市 + category", city_category, 1}};

  std::printf("%-14s %-28s %8s %11s %9s %7s\n", "scope", "list", "total", "service ms", "plain ms",
              "ratio");
  store::Session session = db->Acquire();
  for (const auto& [scope_name, actor] : scopes) {
    const std::optional<std::int64_t> scope_unit =
        actor->platform_level ? std::nullopt : std::optional<std::int64_t>(actor->unit_id);
    for (const Case& c : cases) {
      Answer service, plain;
      const double service_ms = MedianMs([&] {
        const auto page = services.projects.List(*actor, c.filter, {c.page, kPageSize});
        service = {{}, page.total};
        for (const project::Project& p : page.items) service.ids.push_back(p.id);
      });
      const double plain_ms = MedianMs([&] { plain = PlainList(session, c, scope_unit); });
      if (!(service == plain)) {
        std::printf("MISMATCH %s / %s: service %lld, plain %lld\n", scope_name, c.name,
                    static_cast<long long>(service.total), static_cast<long long>(plain.total));
        return 1;
      }
      std::printf("%-14s %-28s %8lld %11.2f %9.2f %6.1fx\n", scope_name, c.name,
                  static_cast<long long>(service.total), service_ms, plain_ms,
                  service_ms / plain_ms);
    }
  }
  return 0;
}
