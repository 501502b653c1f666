// Organisation name search at national scale: the registry's search (domain/org, org_search.cpp:
// the FTS5 n-gram index on SQLite, a scan on PostgreSQL) against the plain substring scan
// (LIKE '%q%'), side by side.
//
//   org_search_bench [rows=1000000] [db=/tmp/lianyin-org-bench.db]
//
// Loads `rows` organisations with realistic Chinese names (region + theme + kind) through
// BulkLoader, then times, for one-, two- and four-character queries, the registry's list query
// (COUNT + first page of 20, newest first) both ways. Prints the median of 5 runs and the ratio.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/org/org_repo.hpp"
#include "store/store.hpp"

namespace {

using lianyin::store::Value;

const char* kRegions[] = {"北京市", "西安市", "福州市", "碑林区", "雁塔区", "鼓楼区", "台江区",
                          "海淀区", "朝阳区", "成都市", "武汉市", "长沙市", "宝鸡市", "延安市"};
const char* kThemes[] = {"职工",       "工会",     "青年",     "社区",     "志愿者",
                         "养老",       "助残",     "法律援助", "心理健康", "妇女儿童",
                         "新就业形态", "技能培训", "文体",     "公益"};
const char* kKinds[] = {"服务中心", "协会",   "促进会", "基金会", "社会工作服务站",
                        "发展中心", "联合会", "研究会", "服务社"};

std::string Name(std::mt19937_64& rng) {
  const auto pick = [&](const auto& list) {
    return std::string(list[rng() % (sizeof(list) / sizeof(list[0]))]);
  };
  return pick(kRegions) + pick(kThemes) + pick(kKinds) + std::to_string(rng() % 1000);
}

void Load(lianyin::store::Database& db, int rows) {
  auto session = db.Acquire();
  auto tx = session.Begin(lianyin::store::TxMode::kWrite);
  session.Execute("INSERT INTO regions (code, name, level) VALUES ('100000', '全国', 0)");
  session.Execute("INSERT INTO region_closure VALUES ('100000', '100000', 0)");
  session.Execute(
      "INSERT INTO units (name, kind, region_code, created_at, updated_at) "
      "VALUES ('民政部', 'civil_affairs', '100000', '', '')");
  session.Execute("INSERT INTO unit_closure VALUES (1, 1, 0)");
  // One COPY at a time: PostgreSQL cannot interleave two on one connection.
  std::mt19937_64 rng(42);
  std::vector<std::string> names;
  for (int i = 0; i < rows; ++i) names.push_back(Name(rng));
  auto orgs = session.Load(
      "orgs", {"id", "name", "uscc", "org_type", "region_code", "registration_unit_id", "legal_rep",
               "phone", "founded_on", "business_scope", "status", "created_at", "updated_at"});
  for (std::int64_t id = 1; id <= rows; ++id) {
    orgs->Add({id, names[id - 1], "B" + std::to_string(id), std::string("social_service"),
               std::string("100000"), std::int64_t{1}, std::string("王伟"),
               std::string("13912345678"), std::string("2015-06-01"), std::string("服务"),
               std::string("registered"), std::string(""), std::string("")});
  }
  orgs->Finish();
  if (session.dialect() == lianyin::store::Dialect::kSqlite) {
    auto index = session.Load("org_name_fts", {"rowid", "name"});
    for (std::int64_t id = 1; id <= rows; ++id) index->Add({id, names[id - 1]});
    index->Finish();
  }
  tx.Commit();
  // Fresh statistics, as autovacuum would gather them after a bulk load.
  if (session.dialect() == lianyin::store::Dialect::kPostgres) session.ExecuteScript("ANALYZE");
}

template <class F>
double MedianMs(F f) {
  std::vector<double> ms;
  for (int i = 0; i < 5; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[2];
}

// The plain query a registry without an index would run.
std::int64_t ScanList(lianyin::store::Session& s, const std::string& q) {
  auto count = s.Prepare("SELECT COUNT(*) FROM orgs WHERE name LIKE ?");
  count.Bind(0, "%" + q + "%");
  count.Next();
  const std::int64_t total = count.row().Int(0);
  auto page = s.Prepare("SELECT id FROM orgs WHERE name LIKE ? ORDER BY id DESC LIMIT 20");
  page.Bind(0, "%" + q + "%");
  while (page.Next()) {
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  const int rows = argc > 1 ? std::stoi(argv[1]) : 1'000'000;
  const std::string path = argc > 2 ? argv[2] : "/tmp/lianyin-org-bench.db";
  const bool pg = path.starts_with("postgresql://");
  if (!pg) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
  }
  auto db = lianyin::store::Database::Open(path);
  lianyin::store::Migrate(*db);
  const auto t0 = std::chrono::steady_clock::now();
  Load(*db, rows);
  std::printf("loaded %d organisations in %.1f s (%s)\n", rows,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
              path.c_str());
  auto session = db->Acquire();
  lianyin::domain::org::OrgRepo repo(session);
  const lianyin::domain::common::Scope scope{1, std::nullopt, std::nullopt, true};
  std::printf("%-14s %10s %12s %12s %8s\n", "q", "matches", "index ms", "scan ms", "ratio");
  for (const char* q : {"援", "助残", "法律援助", "碑林区志愿者", "新就业形态协会"}) {
    lianyin::domain::org::OrgFilter filter;
    filter.q = q;
    std::int64_t matches = 0;
    const double indexed = MedianMs([&] {
      matches = repo.Count(filter, scope);
      (void)repo.List(filter, scope, 20, 0);
    });
    std::int64_t scanned_matches = 0;
    const double scanned = MedianMs([&] { scanned_matches = ScanList(session, q); });
    if (scanned_matches != matches) {
      std::printf("MISMATCH for %s: index %lld, scan %lld\n", q, static_cast<long long>(matches),
                  static_cast<long long>(scanned_matches));
      return 1;
    }
    std::printf("%-14s %10lld %12.2f %12.2f %7.1fx\n", q, static_cast<long long>(matches), indexed,
                scanned, scanned / indexed);
  }
  return 0;
}
