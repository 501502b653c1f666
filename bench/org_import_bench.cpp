// Importing 100 k organisations: OrgService::Import (every row validated, then written with its
// categories, name grams and timeline event, one audit entry) against the raw loop of prepared
// INSERTs into orgs alone — the floor — side by side on SQLite files.
//
//   org_import_bench [rows=100000] [dir=/tmp]

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/uscc.hpp"
#include "domain/account/audit_sink.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/org/org_service.hpp"
#include "domain/region/region_service.hpp"
#include "store/store.hpp"

namespace {

using namespace lianyin;  // NOLINT(google-build-using-namespace): a benchmark's main file
using Table = std::vector<std::vector<std::string>>;

Table MakeTable(int rows, std::int64_t unit) {
  Table t = {{"name", "uscc", "org_type", "region_code", "registration_unit_id", "legal_rep",
              "phone", "founded_on", "business_scope", "service_categories", "labour_field"}};
  for (int i = 1; i <= rows; ++i) {
    const std::string first17 = fmt::format("52610100MJ{:07d}", i);
    t.push_back({fmt::format("西安市第{}职工服务中心", i),
                 first17 + core::UsccCheckCharacter(first17).value_or('0'), "social_service",
                 "610100", std::to_string(unit), "王伟", "13912345678", "2015-06-01",
                 "职工技能培训", "skills;health", "是"});
  }
  return t;
}

struct Deployment {
  std::unique_ptr<store::Database> db;
  domain::account::Actor admin;
  std::int64_t civil = 0;
};

Deployment SetUp(const std::string& path) {
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  Deployment d{store::Database::Open(path), {}, 0};
  store::Migrate(*d.db);
  (void)domain::region::RegionService(*d.db).Import(
      {"bench", "1", {{"610000", "陕西省", "100000"}, {"610100", "西安市", "610000"}}});
  const auto sink = domain::account::ChainedAuditSink();
  auto user = domain::account::PlatformService(*d.db, sink)
                  .SetUpPlatform({"联引平台", "admin", "Bench-Passw0rd!"})
                  .value();
  d.admin.user_id = user.id;
  d.admin.username = user.username;
  d.admin.unit_id = user.unit_id;
  d.civil = domain::account::UnitService(*d.db, sink)
                .Create(d.admin, {"陕西省民政厅", domain::account::UnitKind::kCivilAffairs,
                                  "610000", user.unit_id, {}})
                .value()
                .unit.id;
  return d;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int rows = argc > 1 ? std::stoi(argv[1]) : 100'000;
  const std::string dir = argc > 2 ? argv[2] : "/tmp";

  Deployment full = SetUp(dir + "/lianyin-import-bench.db");
  const Table table = MakeTable(rows, full.civil);
  domain::org::OrgService orgs(*full.db, domain::account::ChainedAuditSink());
  auto t0 = std::chrono::steady_clock::now();
  auto result = orgs.Import(full.admin, table, false);
  const double import_s = Seconds(t0);
  if (!result) {
    std::printf("import failed: %s\n", result.error().message.c_str());
    return 1;
  }

  Deployment raw = SetUp(dir + "/lianyin-import-raw.db");
  t0 = std::chrono::steady_clock::now();
  {
    auto session = raw.db->Acquire();
    auto tx = session.Begin(store::TxMode::kWrite);
    auto insert = session.Prepare(
        "INSERT INTO orgs (name, uscc, org_type, region_code, registration_unit_id, legal_rep, "
        "phone, founded_on, business_scope, labour_field, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', '', '')");
    for (std::size_t i = 1; i < table.size(); ++i) {
      const auto& r = table[i];
      insert.BindAll({r[0], r[1], r[2], r[3], raw.civil, r[5], r[6], r[7], r[8], std::int64_t{1}})
          .Execute();
    }
    tx.Commit();
  }
  const double raw_s = Seconds(t0);
  std::printf("%d rows: import %.2f s (%.0f rows/s), raw INSERT loop %.2f s (%.0f rows/s), "
              "import / raw = %.1f\n",
              rows, import_s, rows / import_s, raw_s, rows / raw_s, import_s / raw_s);
  return 0;
}
