// Other users' requests while a 100 k-row import runs (issue #7): p50 / p99 / max latency and
// status counts of a mix of reads and writes from several concurrent clients, first with no
// import, then while POST /api/v1/orgs/import of `rows` organisations runs, against a running
// `lianyin serve` of the demo deployment (bench/contention.sh starts one).
//
//   contention_bench PORT ADMIN_PASSWORD [rows=100000] [clients=8] [baseline_seconds=10]
//
// The mix, per request: 60 % GET /orgs?page_size=20 (a random page of the first five), 25 %
// GET /orgs/{id}, 15 % PATCH /orgs/{id} (an audited write). Each client is a closed loop (next
// request when the answer came). The generator's own CPU time is printed beside the wall time,
// to show it is not what limits the rate.

#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/uscc.hpp"
#include "support/http_client.hpp"

namespace {

using Reply = lianyin::test::HttpResult;
using lianyin::test::Send;
using Clock = std::chrono::steady_clock;
constexpr int kTimeout = 30;  // seconds a request may take before it counts as unanswered

struct Sample {
  double ms = 0;
  int status = 0;
  bool write = false;
};

struct Session {
  std::string cookie;
  std::string csrf;
};

Session LogIn(std::uint16_t port, const std::string& password) {
  const Reply r = Send(port, "POST", "/api/v1/auth/login", {{"Content-Type", "application/json"}},
                       R"({"username":"admin","password":")" + password + "\"}", true, 30);
  if (r.status != 200) {
    std::fprintf(stderr, "login failed: %d %s\n", r.status, r.body.c_str());
    std::exit(1);
  }
  const std::string cookie = r.Header("set-cookie");
  return {cookie.substr(0, cookie.find(';')),
          std::string(boost::json::parse(r.body).at("csrf_token").as_string())};
}

std::vector<std::pair<std::string, std::string>> Headers(const Session& s, bool write) {
  std::vector<std::pair<std::string, std::string>> h{{"Cookie", s.cookie}};
  if (write) {
    h.emplace_back("X-CSRF-Token", s.csrf);
    h.emplace_back("Content-Type", "application/json");
  }
  return h;
}

std::string Csv(int rows, std::int64_t unit) {
  std::string csv =
      "name,uscc,org_type,region_code,registration_unit_id,legal_rep,phone,founded_on,"
      "business_scope,service_categories,labour_field\n";
  for (int i = 1; i <= rows; ++i) {
    const std::string first17 = fmt::format("52350100MJ{:07d}", 2'000'000 + i);
    csv += fmt::format(
        "福州市第{}职工服务站,{}{},social_service,350100,{},王伟,13912345678,"
        "2015-06-01,职工技能培训,skills;health,是\n",
        i, first17, lianyin::core::UsccCheckCharacter(first17).value_or('0'), unit);
  }
  return csv;
}

// Runs the mix on `clients` threads until `stop` is set; returns every sample.
std::vector<Sample> RunMix(std::uint16_t port, const Session& s,
                           const std::vector<std::int64_t>& ids, int clients,
                           const std::atomic<bool>& stop) {
  std::mutex mutex;
  std::vector<Sample> all;
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      std::mt19937 rng(static_cast<unsigned>(c) * 7919u + 1);
      std::vector<Sample> mine;
      while (!stop) {
        const int pick = static_cast<int>(rng() % 100);
        const std::int64_t id = ids[rng() % ids.size()];
        const auto t0 = Clock::now();
        Reply r;
        if (pick < 60) {
          r = Send(port, "GET", fmt::format("/api/v1/orgs?page_size=20&page={}", rng() % 5 + 1),
                   Headers(s, false), "", true, kTimeout);
        } else if (pick < 85) {
          r = Send(port, "GET", fmt::format("/api/v1/orgs/{}", id), Headers(s, false), "", true,
                   kTimeout);
        } else {
          r = Send(port, "PATCH", fmt::format("/api/v1/orgs/{}", id), Headers(s, true),
                   fmt::format(R"({{"business_scope":"职工服务；第{}次修改"}})", rng() % 100000),
                   true, kTimeout);
        }
        mine.push_back({std::chrono::duration<double, std::milli>(Clock::now() - t0).count(),
                        r.status, pick >= 85});
      }
      std::lock_guard lock(mutex);
      all.insert(all.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();
  return all;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto at = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  return v[at];
}

void Report(const char* phase, const std::vector<Sample>& samples, double seconds) {
  std::map<int, int> statuses;
  std::vector<double> all, reads, writes;
  for (const Sample& s : samples) {
    ++statuses[s.status];
    all.push_back(s.ms);
    (s.write ? writes : reads).push_back(s.ms);
  }
  int server_errors = 0;
  for (const auto& [status, n] : statuses) {
    if (status >= 500 || status == 0) server_errors += n;
  }
  std::printf("%-10s %7zu requests in %5.1f s (%6.0f/s)  5xx or none: %d  statuses:", phase,
              samples.size(), seconds, static_cast<double>(samples.size()) / seconds,
              server_errors);
  for (const auto& [status, n] : statuses) std::printf(" %d×%d", status, n);
  std::printf("\n");
  const auto line = [](const char* what, const std::vector<double>& v) {
    std::printf("  %-7s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%zu)\n", what,
                Percentile(v, 0.5), Percentile(v, 0.99), Percentile(v, 1.0), v.size());
  };
  line("all", all);
  line("reads", reads);
  line("writes", writes);
}

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: contention_bench PORT ADMIN_PASSWORD [rows] [clients] [seconds]\n");
    return 2;
  }
  const auto port = static_cast<std::uint16_t>(std::stoi(argv[1]));
  const std::string password = argv[2];
  const int rows = argc > 3 ? std::stoi(argv[3]) : 100'000;
  const int clients = argc > 4 ? std::stoi(argv[4]) : 8;
  const int baseline_seconds = argc > 5 ? std::stoi(argv[5]) : 10;

  const Session admin = LogIn(port, password);
  const Reply units =
      Send(port, "GET", "/api/v1/units?q=%E7%A6%8F%E5%B7%9E%E5%B8%82%E6%B0%91%E6%94%BF%E5%B1%80",
           Headers(admin, false));  // 福州市民政局
  const std::int64_t civil =
      boost::json::parse(units.body).at("items").as_array().at(0).at("id").as_int64();
  const Reply listed = Send(port, "GET", "/api/v1/orgs?page_size=200", Headers(admin, false));
  std::vector<std::int64_t> ids;
  const boost::json::value page = boost::json::parse(listed.body);
  for (const auto& item : page.at("items").as_array()) {
    ids.push_back(item.at("id").as_int64());
  }
  const std::string csv = Csv(rows, civil);

  std::atomic<bool> stop{false};
  double cpu0 = CpuSeconds();
  auto t0 = Clock::now();
  std::thread timer([&] {
    std::this_thread::sleep_for(std::chrono::seconds(baseline_seconds));
    stop = true;
  });
  const std::vector<Sample> baseline = RunMix(port, admin, ids, clients, stop);
  timer.join();
  const double baseline_s = std::chrono::duration<double>(Clock::now() - t0).count();
  const double baseline_cpu = CpuSeconds() - cpu0;

  stop = false;
  Reply imported;
  double import_s = 0;
  cpu0 = CpuSeconds();
  t0 = Clock::now();
  std::thread import([&] {
    imported =
        Send(port, "POST", "/api/v1/orgs/import",
             {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}, {"Content-Type", "text/csv"}},
             csv, /*send_body=*/true, /*timeout_seconds=*/600);
    import_s = std::chrono::duration<double>(Clock::now() - t0).count();
    stop = true;
  });
  const std::vector<Sample> during = RunMix(port, admin, ids, clients, stop);
  import.join();
  const double during_cpu = CpuSeconds() - cpu0;

  std::printf("import of %d rows: %d %s in %.2f s\n", rows, imported.status,
              imported.body.substr(0, 80).c_str(), import_s);
  Report("no import", baseline, baseline_s);
  Report("import", during, import_s);
  std::printf("load generator CPU: %.1f s of %.1f s wall (no import), %.1f s of %.1f s (import)\n",
              baseline_cpu, baseline_s, during_cpu, import_s);
  return imported.status == 200 ? 0 : 1;
}
