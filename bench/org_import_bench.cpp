// Importing organisations: OrgService::Import — every row validated, then written with its
// categories, name index entry, timeline event and one audit entry per organisation, in one
// transaction — against two floors, side by side on the same engine:
//   orgs only   the rows into `orgs` alone: a prepared INSERT loop (SQLite) or COPY (PostgreSQL);
//   same rows   every row the import writes, into the same tables, the same way, with nothing
//               else (no validation, no JSON, no hashing): what the database itself costs.
//
//   org_import_bench [rows=100000] [dir=/tmp | postgresql://... (an empty database)]

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/audit/audit_sink.hpp"
#include "domain/common/data_versions.hpp"
#include "domain/common/writer.hpp"
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

// A fresh database: a SQLite file under `where`, or the schema of a PostgreSQL URL emptied.
std::unique_ptr<store::Database> Fresh(const std::string& where, const std::string& name) {
  if (where.starts_with("postgresql://")) {
    auto db = store::Database::Open(where);
    db->Acquire().ExecuteScript("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    return db;
  }
  const std::string path = where + "/lianyin-import-" + name + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return store::Database::Open(path);
}

struct Deployment {
  std::unique_ptr<store::Database> db;
  domain::account::Actor admin;
  std::int64_t civil = 0;
};

Deployment SetUp(const std::string& where, const std::string& name) {
  Deployment d{Fresh(where, name), {}, 0};
  store::Migrate(*d.db);
  (void)domain::region::RegionService(*d.db).Import(
      {"bench", "1", {{"610000", "陕西省", "100000"}, {"610100", "西安市", "610000"}}});
  domain::common::Writer writer(*d.db);
  auto user = domain::account::PlatformService(writer)
                  .SetUpPlatform({"联引平台", "admin", "Bench-Passw0rd!"})
                  .value();
  d.admin.user_id = user.id;
  d.admin.username = user.username;
  d.admin.unit_id = user.unit_id;
  d.admin.platform_level = true;
  d.civil = domain::account::UnitService(writer)
                .Create(d.admin, {"陕西省民政厅",
                                  domain::account::UnitKind::kCivilAffairs,
                                  "610000",
                                  user.unit_id,
                                  {}})
                .value()
                .unit.id;
  return d;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

std::vector<store::Value> OrgRow(const std::vector<std::string>& r, std::int64_t id,
                                 std::int64_t unit) {
  return {id,
          r[0],
          r[1],
          r[2],
          r[3],
          unit,
          r[5],
          r[6],
          r[7],
          r[8],
          std::int64_t{1},
          std::string("registered"),
          std::string("2026-01-01T00:00:00+08:00"),
          std::string("2026-01-01T00:00:00+08:00"),
          std::string("health;skills")};
}

const std::vector<std::string> kOrgColumns = {"id",           "name",
                                              "uscc",         "org_type",
                                              "region_code",  "registration_unit_id",
                                              "legal_rep",    "phone",
                                              "founded_on",   "business_scope",
                                              "labour_field", "status",
                                              "created_at",   "updated_at",
                                              "categories"};

// The floor: rows into tables through the bulk loader, in one transaction.
double Floor(Deployment& d, const Table& table, bool same_rows) {
  const auto t0 = std::chrono::steady_clock::now();
  auto session = d.db->Acquire();
  auto tx = session.Begin(store::TxMode::kWrite);
  const std::int64_t first_id = 1000;
  {
    auto orgs = session.Load("orgs", kOrgColumns);
    for (std::size_t i = 1; i < table.size(); ++i) {
      orgs->Add(OrgRow(table[i], first_id + static_cast<std::int64_t>(i), d.civil));
    }
    orgs->Finish();
  }
  if (same_rows) {
    {
      auto categories = session.Load("org_categories", {"org_id", "category"});
      for (std::size_t i = 1; i < table.size(); ++i) {
        const std::int64_t id = first_id + static_cast<std::int64_t>(i);
        categories->Add({id, std::string("health")});
        categories->Add({id, std::string("skills")});
      }
      categories->Finish();
    }
    if (session.dialect() == store::Dialect::kSqlite) {
      auto index = session.Load("org_name_fts", {"rowid", "name"});
      for (std::size_t i = 1; i < table.size(); ++i) {
        index->Add({first_id + static_cast<std::int64_t>(i), table[i][0]});
      }
      index->Finish();
    }
    {
      auto events = session.Load("org_events", {"org_id", "at", "actor_user_id", "actor_username",
                                                "action", "to_status", "reason", "details_json"});
      for (std::size_t i = 1; i < table.size(); ++i) {
        events->Add({first_id + static_cast<std::int64_t>(i),
                     std::string("2026-01-01T00:00:00+08:00"), std::int64_t{1},
                     std::string("admin"), std::string("create"), std::string("registered"),
                     "import row " + std::to_string(i + 1), std::string("{}")});
      }
      events->Finish();
    }
    {
      // An audit row of the size the import writes (its after document), hash text included.
      const std::string after(520, 'x');
      const std::string hash(64, 'a');
      auto audit =
          session.Load("audit_log", {"id", "at", "actor_user_id", "actor_username", "ip",
                                     "request_id", "action", "entity", "entity_id", "after_json",
                                     "outcome", "prev_hash", "hash", "owner_unit_id"});
      for (std::size_t i = 1; i < table.size(); ++i) {
        audit->Add({std::int64_t{100} + static_cast<std::int64_t>(i),
                    std::string("2026-01-01T00:00:00+08:00"), std::int64_t{1}, std::string("admin"),
                    std::string("127.0.0.1"), std::string("bench"), std::string("create"),
                    std::string("org"), std::to_string(i), after, std::string("success"), hash,
                    hash, d.civil});
      }
      audit->Finish();
    }
  }
  tx.Commit();
  return Seconds(t0);
}

}  // namespace

int main(int argc, char** argv) {
  const int rows = argc > 1 ? std::stoi(argv[1]) : 100'000;
  const std::string where = argc > 2 ? argv[2] : "/tmp";

  Deployment full = SetUp(where, "full");
  const Table table = MakeTable(rows, full.civil);
  domain::audit::AuditChangeSink audit;
  domain::common::DataVersionSink versions{"org", "unit", "region"};
  domain::common::Writer writer(*full.db, {&versions, &audit});
  domain::org::OrgService orgs(writer);
  auto t0 = std::chrono::steady_clock::now();
  auto result = orgs.Import(full.admin, table, false);
  const double import_s = Seconds(t0);
  if (!result) {
    std::printf("import failed: %s\n", result.error().message.c_str());
    return 1;
  }
  full.db.reset();

  Deployment only = SetUp(where, "orgs-only");
  const double orgs_only_s = Floor(only, table, false);
  only.db.reset();
  Deployment same = SetUp(where, "same-rows");
  const double same_rows_s = Floor(same, table, true);

  std::printf("%d rows on %s\n", rows,
              where.starts_with("postgresql://") ? "PostgreSQL" : "SQLite");
  std::printf("import               %6.2f s  %8.0f rows/s\n", import_s, rows / import_s);
  std::printf("floor: orgs only     %6.2f s  %8.0f rows/s  import / floor = %.1f\n", orgs_only_s,
              rows / orgs_only_s, import_s / orgs_only_s);
  std::printf("floor: same rows     %6.2f s  %8.0f rows/s  import / floor = %.1f\n", same_rows_s,
              rows / same_rows_s, import_s / same_rows_s);
  return 0;
}
