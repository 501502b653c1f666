#pragma once
// SQL of login attempts: per-username failure counters, the login log and MFA challenges.
// Counters are keyed by LockoutKey(username), so letter-case variants share one lockout.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account/login_rules.hpp"
#include "domain/account/scope.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

struct LoginLogEntry {
  std::int64_t id = 0;
  std::string at;
  std::string username;
  std::optional<std::int64_t> user_id;
  std::string ip;
  std::string user_agent;
  std::string outcome;  // success | failure | locked | rate_limited
  std::string reason;
};

struct LoginLogFilter {
  std::optional<std::string> username;
  std::optional<std::string> outcome;
  std::optional<std::string> from;  // inclusive, compared as text: dates or date-times in +08:00
  std::optional<std::string> to;    // inclusive
  std::optional<std::int64_t> before_id;  // keyset paging: entries older than this id only
};

// The counter after one more failure (RecordFailure).
struct FailureOutcome {
  FailureState state;
  bool was_locked = false;  // the username was already locked when this failure was counted
};

class LoginRepo {
 public:
  explicit LoginRepo(store::Session& session) : session_(session) {}

  std::optional<FailureState> Failures(std::string_view key);
  // Counts one failure for `key` at `now` in one statement (an upsert), so parallel failures
  // count exactly: the `policy.threshold`-th within the window sets locked_until; failures
  // while locked keep the lock; a failure after the window or an expired lock starts over.
  FailureOutcome RecordFailure(std::string_view key, std::int64_t now, const LockoutPolicy& policy);
  // A successful login clears the counter unless the username is locked at `now`, in one
  // statement that takes the counter's row lock: returns the lock's end when it is locked (the
  // caller then refuses the login and rolls back), else nullopt.
  std::optional<std::int64_t> ClearFailuresUnlessLocked(std::string_view key, std::int64_t now);

  void Log(const LoginLogEntry& entry);
  // Entries of users visible in `scope` (kLoginRows: attempts for unknown usernames at the
  // platform level), newest first.
  std::vector<LoginLogEntry> List(const Scope& scope, const LoginLogFilter& filter,
                                  std::int64_t limit, std::int64_t offset);
  std::int64_t Count(const Scope& scope, const LoginLogFilter& filter);

  void InsertChallenge(std::string_view token_hash, std::int64_t user_id, std::int64_t expires_at);
  // Deletes the challenge (single use) and returns its user when it had not expired at `now`.
  std::optional<std::int64_t> TakeChallenge(std::string_view token_hash, std::int64_t now);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::account
