#pragma once
// Pure rules of logging in: lockout after repeated failures, and the per-IP attempt rate.

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace lianyin::domain::account {

struct LockoutPolicy {
  int threshold = 5;                  // failures ...
  std::int64_t window_seconds = 900;  // ... within this window lock the username ...
  std::int64_t lock_seconds = 900;    // ... for this long (SPEC §3: 5 in 15 min → 15 min)
};

struct FailureState {
  int failures = 0;
  std::int64_t first_failure_at = 0;
  std::optional<std::int64_t> locked_until;
};

// True while `state` locks the username at `now`. (The counting itself is one atomic statement,
// LoginRepo::RecordFailure: a failure outside the window or after a lock expired starts a new
// count; reaching the threshold sets locked_until = now + lock_seconds.)
bool IsLocked(const std::optional<FailureState>& state, std::int64_t now);

// The key of a username's failure counter: ASCII letters lower-cased, as usernames are unique
// whatever their case, so "Admin" and "admin" share one lockout.
std::string LockoutKey(std::string_view username);

// Attempts per key (an IP address) in a sliding 60-second window, in memory: a limit per process
// is enough for one server; behind several, each enforces its own share. Thread-safe.
// Memory is O(keys seen in the last minute × limit).
class RateLimiter {
 public:
  // Counts an attempt by `key` at `now` and returns nullopt when it is within `limit_per_minute`,
  // else the seconds until the oldest counted attempt leaves the window (not counted).
  std::optional<std::int64_t> Admit(const std::string& key, std::int64_t now, int limit_per_minute);

 private:
  void Forget(std::int64_t now);
  std::mutex mutex_;
  std::map<std::string, std::deque<std::int64_t>> attempts_;
  std::int64_t last_sweep_ = 0;
};

}  // namespace lianyin::domain::account
