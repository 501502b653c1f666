// The double-random draw (SPEC §5.2, domain/inspection/draw.hpp) at national scale against the
// usual way to sample in SQL, side by side in one run:
//
//   draw_bench [orgs=10000000] [k=1000] [db=/tmp/lianyin-draw-bench.db]
//
// Both draw k organisations from the same `orgs` USCCs. Ours: the plan's frozen pool in memory
// (as InspectionService holds it when drawing), the partial Fisher–Yates of draw.hpp with its
// HMAC-SHA256 stream, two inspectors per team from a pool of 50. SQLite: a table of the same
// USCCs and `SELECT uscc FROM orgs ORDER BY random() LIMIT k` (a full scan and a top-k sort,
// and not verifiable). Prints the median of 5 runs each and the ratio.

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "domain/inspection/draw.hpp"
#include "store/store.hpp"

namespace {

namespace insp = lianyin::domain::inspection;
using Clock = std::chrono::steady_clock;

// Eighteen characters in ascending order: the pool as a plan freezes it.
std::vector<std::string> Pool(std::int64_t n) {
  std::vector<std::string> pool;
  pool.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) pool.push_back(fmt::format("52110000MJ{:08d}", i));
  return pool;
}

void Load(lianyin::store::Database& db, const std::vector<std::string>& pool) {
  auto session = db.Acquire();
  session.ExecuteScript("DROP TABLE IF EXISTS orgs; CREATE TABLE orgs (uscc TEXT NOT NULL)");
  auto tx = session.Begin(lianyin::store::TxMode::kWrite);
  auto loader = session.Load("orgs", {"uscc"});
  for (const std::string& uscc : pool) loader->Add({uscc});
  loader->Finish();
  tx.Commit();
}

template <class F>
double MedianMs(F f) {
  std::vector<double> ms;
  for (int run = 0; run < 5; ++run) {
    const auto start = Clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::stoll(argv[1]) : 10'000'000;
  const std::int64_t k = argc > 2 ? std::stoll(argv[2]) : 1000;
  const std::string path = argc > 3 ? argv[3] : "/tmp/lianyin-draw-bench.db";
  std::filesystem::remove(path);
  const auto setup_start = Clock::now();
  const std::vector<std::string> pool = Pool(n);
  std::vector<std::int64_t> inspectors;
  for (std::int64_t i = 1; i <= 50; ++i) inspectors.push_back(i);
  auto db = lianyin::store::Database::Open(path);
  Load(*db, pool);
  std::fprintf(stderr, "setup %lld organisations in %.1f s\n", static_cast<long long>(n),
               std::chrono::duration<double>(Clock::now() - setup_start).count());

  std::size_t drawn = 0;
  const double ours = MedianMs([&] {
    const auto seed = lianyin::core::RandomBytes(32);
    drawn = insp::Draw(seed, pool, inspectors, {}, k, 2).value().size();
  });
  std::size_t sampled = 0;
  const double sqlite = MedianMs([&] {
    auto session = db->Acquire();
    auto stmt = session.Prepare("SELECT uscc FROM orgs ORDER BY random() LIMIT ?");
    stmt.BindAll({k});
    sampled = 0;
    while (stmt.Next()) ++sampled;
  });
  std::printf("draw of %lld from %lld organisations (median of 5)\n", static_cast<long long>(k),
              static_cast<long long>(n));
  std::printf("  SPEC §5.2 draw, pool in memory:        %10.3f ms  (%zu teams of 2)\n", ours,
              drawn);
  std::printf("  SQLite ORDER BY random() LIMIT %lld:  %10.3f ms  (%zu rows)\n",
              static_cast<long long>(k), sqlite, sampled);
  std::printf("  ratio: ours = 1/%.0f of SQLite's\n", sqlite / ours);
  db.reset();
  std::filesystem::remove(path);
  return 0;
}
