#pragma once
// SQL of login attempts: per-username failure counters, the login log and MFA challenges.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account/login_rules.hpp"
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
  std::int64_t scope_unit_id = 0;   // users of this subtree; unknown usernames only at the root
  bool include_unknown_users = false;
};

class LoginRepo {
 public:
  explicit LoginRepo(store::Session& session) : session_(session) {}

  std::optional<FailureState> Failures(std::string_view username);
  void SaveFailures(std::string_view username, const FailureState& state);
  void ClearFailures(std::string_view username);

  void Log(const LoginLogEntry& entry);
  std::vector<LoginLogEntry> List(const LoginLogFilter& filter, std::int64_t limit,
                                  std::int64_t offset);
  std::int64_t Count(const LoginLogFilter& filter);

  void InsertChallenge(std::string_view token_hash, std::int64_t user_id, std::int64_t expires_at);
  // Deletes the challenge (single use) and returns its user when it had not expired at `now`.
  std::optional<std::int64_t> TakeChallenge(std::string_view token_hash, std::int64_t now);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::account
