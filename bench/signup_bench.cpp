// Sign-ups and check-ins at one hot event through the API (issue #11 point 7), side by side with
// a bare conditional UPDATE loop on the same engine in the same run.
//
//   signup_bench DB [workers=1000] [clients=50]
//
// DB is a SQLite file (created; must not exist) or a postgresql:// URL of an empty database.
// Setup (not measured): the platform, 福州市总工会 and an organisation, `workers` roster workers
// each activated and logged in (through the services, at the cheap test password cost: the
// measured requests hash no password), and a published event starting in 20 minutes (so its
// sign-up and its check-in window are both open) with a capacity of 80 % of the workers.
// The real server runs in this process on 127.0.0.1 with `serve`'s default threads.
//
// Measured, each with `clients` closed-loop client threads, every worker once:
//   signup   POST /api/v1/events/{id}/signups {worker_id} as the worker itself (201 or 409 full)
//   checkin  POST /api/v1/events/{id}/checkins {code} by every worker who got a seat
//   bare UPDATE   the sign-up's seat taking alone: `UPDATE events SET seats_taken = seats_taken + 1
//                 WHERE id = ? AND seats_taken < capacity`, one write transaction each
//   bare INSERT   the check-in's row alone: INSERT … ON CONFLICT DO NOTHING under a unique key
// For the API phases the client threads' own CPU time is printed beside the wall time, so it
// shows the load generator is not what limits the rate.

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/services.hpp"
#include "core/crypto.hpp"
#include "core/resident_id.hpp"
#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "store/store.hpp"
#include "support/http_client.hpp"

namespace {

namespace account = lianyin::domain::account;
namespace core = lianyin::core;
namespace store = lianyin::store;
using lianyin::test::HttpResult;
using lianyin::test::Send;
using Clock = std::chrono::steady_clock;

constexpr const char* kPassword = "Bench-Passw0rd-2026";

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "signup_bench: %s\n", what.c_str());
  std::exit(1);
}

template <typename T>
T Ok(core::Result<T> r, const char* what) {
  if (!r) Die(fmt::format("{}: {}", what, r.error().message));
  return std::move(*r);
}

struct Session {
  std::string cookie;
  std::string csrf;
  std::int64_t worker_id = 0;
};

Session LogIn(lianyin::app::Services& services, const std::string& name, int n) {
  const account::ClientInfo client{
      fmt::format("10.{}.{}.{}", n / 65536 % 256, n / 256 % 256, n % 256), "signup_bench", ""};
  auto outcome = Ok(services.auth.Login(name, kPassword, client), "login");
  const auto& login = std::get<account::LoginResult>(outcome);
  return {"lianyin_session=" + login.token, login.actor.csrf_token,
          login.actor.worker_id.value_or(0)};
}

HttpResult Call(std::uint16_t port, const Session& s, const std::string& method,
                const std::string& target, const std::string& body = "") {
  std::vector<std::pair<std::string, std::string>> headers{{"Cookie", s.cookie}};
  if (method != "GET") {
    headers.emplace_back("X-CSRF-Token", s.csrf);
    headers.emplace_back("Content-Type", "application/json");
  }
  return Send(port, method, target, headers, body, true, 60);
}

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

struct PhaseResult {
  double wall_seconds = 0;
  double client_cpu_seconds = 0;
  std::vector<double> latencies_ms;
  std::map<int, int> statuses;  // for the bare loops: 1 = changed a row, 0 = did not
};

// Runs job(i) for i in [0, n) on `clients` threads, each taking the next i when it is done.
// job returns a status to count.
PhaseResult Run(int n, int clients, const std::function<int(int)>& job) {
  PhaseResult result;
  std::atomic<int> next{0};
  std::mutex mutex;
  std::vector<std::thread> threads;
  const auto started = Clock::now();
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      const double cpu_before = ThreadCpuSeconds();
      std::vector<double> mine;
      std::map<int, int> statuses;
      for (int i = next++; i < n; i = next++) {
        const auto t0 = Clock::now();
        ++statuses[job(i)];
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      }
      const double cpu = ThreadCpuSeconds() - cpu_before;
      const std::lock_guard lock(mutex);
      result.client_cpu_seconds += cpu;
      result.latencies_ms.insert(result.latencies_ms.end(), mine.begin(), mine.end());
      for (auto [status, count] : statuses) result.statuses[status] += count;
    });
  }
  for (std::thread& t : threads) t.join();
  result.wall_seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::sort(result.latencies_ms.begin(), result.latencies_ms.end());
  return result;
}

double Quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * sorted.size()))];
}

void Print(const std::string& engine, const std::string& phase, const PhaseResult& r,
           bool has_cpu) {
  std::string statuses;
  for (auto [status, count] : r.statuses) statuses += fmt::format(" {}×{}", status, count);
  const double n = static_cast<double>(r.latencies_ms.size());
  std::printf("%-8s %-12s %6.0f ops %8.2f s %9.0f /s  p50 %7.2f ms  p99 %7.2f ms  %s%s\n",
              engine.c_str(), phase.c_str(), n, r.wall_seconds, n / r.wall_seconds,
              Quantile(r.latencies_ms, 0.50), Quantile(r.latencies_ms, 0.99),
              has_cpu ? fmt::format("client CPU {:.2f} s ", r.client_cpu_seconds).c_str() : "",
              statuses.c_str());
}

// A valid resident ID number for worker n (born 1980-1999, Fuzhou's Gulou district code).
std::string IdNumber(int n) {
  const std::string first17 = fmt::format("350102{:04d}{:02d}{:02d}{:03d}", 1980 + n % 20,
                                          1 + n % 12, 1 + n % 28, n % 1000);
  return first17 + core::ResidentIdCheckCharacter(first17);
}

std::string Phone(int n) { return fmt::format("139{:08d}", 50'000'000 + n); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) Die("usage: signup_bench DB [workers=1000] [clients=50]");
  const std::string url = argv[1];
  const int workers = argc > 2 ? std::stoi(argv[2]) : 1000;
  const int clients = argc > 3 ? std::stoi(argv[3]) : 50;
  const bool pg = url.starts_with("postgres");
  const std::string engine = pg ? "postgres" : "sqlite";
  if (!pg && std::filesystem::exists(url)) Die(url + " exists");
  // Setup creates `workers` accounts; the measured requests hash no password.
  core::UsePasswordHashParamsForTests(core::kTestPasswordHashParams);

  auto db = store::Database::Open(url);
  store::Migrate(*db);
  lianyin::app::Services services(*db, core::RandomBytes(32));
  Ok(services.regions.Import({"bench",
                              "1",
                              {{"350000", "福建省", "100000"},
                               {"350100", "福州市", "350000"},
                               {"350102", "鼓楼区", "350100"}}}),
     "regions");
  Ok(account::PlatformService(services.writer).SetUpPlatform({"联引平台", "admin", kPassword}),
     "platform");
  const Session admin = LogIn(services, "admin", 0);
  auto admin_actor = Ok(services.auth.Authenticate(admin.cookie.substr(admin.cookie.find('=') + 1)),
                        "admin actor");
  const auto root = admin_actor.unit_id;
  const auto fuzhou =
      Ok(services.units.Create(admin_actor,
                               {"福州市总工会", account::UnitKind::kUnion, "350100", root, {}}),
         "union")
          .unit.id;
  const auto civil =
      Ok(services.units.Create(
             admin_actor, {"福州市民政局", account::UnitKind::kCivilAffairs, "350100", root, {}}),
         "civil affairs")
          .unit.id;
  lianyin::domain::org::NewOrg org;
  const std::string first17 = "52350100MJ0000001";
  org.name = "福州市职工服务中心";
  org.uscc = first17 + core::UsccCheckCharacter(first17).value();
  org.org_type = "social_service";
  org.region_code = "350100";
  org.registration_unit_id = civil;
  org.legal_rep = "林伟";
  org.phone = "13912345678";
  org.founded_on = "2015-06-01";
  org.business_scope = "职工服务";
  org.service_categories = {"health"};
  const auto org_id = Ok(services.orgs.Create(admin_actor, org), "org").org.id;

  const auto setup_started = Clock::now();
  std::vector<Session> sessions;
  for (int n = 0; n < workers; ++n) {
    const std::string name = fmt::format("职工{}", n);
    Ok(services.workers.Create(admin_actor,
                               {name, Phone(n), IdNumber(n), {}, "350102", {}, fuzhou}),
       "worker");
    Ok(services.workers.Activate({name, IdNumber(n), Phone(n), kPassword},
                                 {fmt::format("10.9.{}.{}", n / 256 % 256, n % 256), "bench", ""}),
       "activation");
    sessions.push_back(LogIn(services, Phone(n), n + 1));
  }
  std::fprintf(stderr, "setup: %d workers activated and logged in in %.1f s\n", workers,
               std::chrono::duration<double>(Clock::now() - setup_started).count());

  lianyin::http::Api api(services.Api(), lianyin::http::ApiOptions{{}, false, "bench", {}});
  lianyin::http::ServerOptions options;
  options.port = 0;
  options.metrics = api.metrics();
  lianyin::http::Server server(options,
                               [&api](lianyin::http::Request& r) { return api.Handle(r); });
  const std::uint16_t port = server.Start();

  const std::int64_t capacity = workers * 8 / 10;
  const auto start = core::DateTime{core::Now().unix_seconds + 20 * 60};
  const auto end = core::DateTime{start.unix_seconds + 2 * 3600};
  const auto make_event = [&](const std::string& title) {
    const HttpResult created =
        Call(port, admin, "POST", "/api/v1/events",
             boost::json::serialize(boost::json::object{{"org_id", org_id},
                                                        {"title", title},
                                                        {"category", "health"},
                                                        {"start", core::FormatDateTime(start)},
                                                        {"end", core::FormatDateTime(end)},
                                                        {"capacity", capacity},
                                                        {"region_code", "350102"},
                                                        {"address", "鼓楼区五一北路 1 号"}}));
    if (created.status != 201) Die("event: " + created.body);
    const auto id = boost::json::parse(created.body).at("id").as_int64();
    const HttpResult published =
        Call(port, admin, "POST", fmt::format("/api/v1/events/{}/transitions", id),
             R"({"to":"published"})");
    if (published.status != 200) Die("publish: " + published.body);
    return id;
  };
  const std::int64_t hot = make_event("职工健康讲座（热门）");
  const std::int64_t bare = make_event("职工健康讲座（对照）");

  std::printf("engine   phase        %d workers, capacity %lld, %d client threads\n", workers,
              static_cast<long long>(capacity), clients);
  const std::string signups = fmt::format("/api/v1/events/{}/signups", hot);
  const PhaseResult signup = Run(workers, clients, [&](int i) {
    return Call(port, sessions[static_cast<std::size_t>(i)], "POST", signups,
                fmt::format(R"({{"worker_id":{}}})",
                            sessions[static_cast<std::size_t>(i)].worker_id))
        .status;
  });
  Print(engine, "signup", signup, true);

  const PhaseResult bare_update = Run(workers, clients, [&](int) {
    store::Session s = db->Acquire();
    for (int attempt = 0;; ++attempt) {
      try {
        store::Transaction tx = s.Begin(store::TxMode::kWrite);
        const auto changed = s.Execute(
            "UPDATE events SET seats_taken = seats_taken + 1 WHERE id = ? AND seats_taken < "
            "capacity",
            {bare});
        tx.Commit();
        return changed > 0 ? 1 : 0;
      } catch (const store::DbError& e) {
        if (e.kind() != store::DbError::Kind::kBusy || attempt == 20) throw;
      }
    }
  });
  Print(engine, "bare UPDATE", bare_update, false);

  // Who got a seat, then every one of them checks in with the code on the screen (refreshed on
  // a 409/422 so a slot boundary crossed during the phase costs one retry, not a failure).
  std::vector<std::size_t> seated;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const HttpResult mine = Call(port, sessions[i], "GET", "/api/v1/me/events?page_size=5");
    if (mine.body.find("\"signup_status\":\"confirmed\"") != std::string::npos) seated.push_back(i);
  }
  std::mutex code_mutex;
  std::string code;
  const auto refresh_code = [&] {
    const HttpResult r =
        Call(port, admin, "GET", fmt::format("/api/v1/events/{}/checkin-code", hot));
    if (r.status != 200) Die("checkin-code: " + r.body);
    const std::lock_guard lock(code_mutex);
    code = std::string(boost::json::parse(r.body).at("code").as_string());
  };
  refresh_code();
  const std::string checkins = fmt::format("/api/v1/events/{}/checkins", hot);
  const PhaseResult checkin = Run(static_cast<int>(seated.size()), clients, [&](int i) {
    const Session& s = sessions[seated[static_cast<std::size_t>(i)]];
    std::string mine;
    {
      const std::lock_guard lock(code_mutex);
      mine = code;
    }
    return Call(port, s, "POST", checkins, fmt::format(R"({{"code":"{}"}})", mine)).status;
  });
  Print(engine, "checkin", checkin, true);

  db->Acquire().ExecuteScript(
      "CREATE TABLE bench_checkins (event_id BIGINT NOT NULL, worker_id BIGINT NOT NULL, "
      "at TEXT NOT NULL, PRIMARY KEY (event_id, worker_id))");
  const PhaseResult bare_insert = Run(static_cast<int>(seated.size()), clients, [&](int i) {
    store::Session s = db->Acquire();
    for (int attempt = 0;; ++attempt) {
      try {
        store::Transaction tx = s.Begin(store::TxMode::kWrite);
        const auto changed = s.Execute(
            "INSERT INTO bench_checkins (event_id, worker_id, at) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            {bare, sessions[seated[static_cast<std::size_t>(i)]].worker_id,
             core::FormatDateTime(core::Now())});
        tx.Commit();
        return changed > 0 ? 1 : 0;
      } catch (const store::DbError& e) {
        if (e.kind() != store::DbError::Kind::kBusy || attempt == 20) throw;
      }
    }
  });
  Print(engine, "bare INSERT", bare_insert, false);
  server.Stop();
  return 0;
}
