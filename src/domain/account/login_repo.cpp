#include "domain/account/login_repo.hpp"

#include "domain/common/sql_text.hpp"

namespace lianyin::domain::account {

using common::OptValue;

namespace {

constexpr const char* kFrom = " FROM login_log l LEFT JOIN users u ON u.id = l.user_id";

// The WHERE clause of a login-log query and its parameters, in order.
std::pair<std::string, std::vector<store::Value>> Where(const Scope& scope,
                                                        const LoginLogFilter& f) {
  const ScopeFilter visible = Visible(scope, kLoginRows);
  std::string sql = " WHERE " + visible.sql;
  std::vector<store::Value> params = visible.params;
  const auto add = [&](const char* clause, const std::optional<std::string>& value) {
    if (!value) return;
    sql += clause;
    params.emplace_back(*value);
  };
  add(" AND l.username = ?", f.username);
  add(" AND l.outcome = ?", f.outcome);
  add(" AND l.at >= ?", f.from);
  // A bare date as the upper bound includes that whole day.
  add(" AND l.at <= ?",
      f.to ? std::optional<std::string>(*f.to + (f.to->size() == 10 ? "T99" : "")) : std::nullopt);
  if (f.before_id) {
    sql += " AND l.id < ?";
    params.emplace_back(*f.before_id);
  }
  return {sql, params};
}

// The CASE arms shared by the three columns of RecordFailure's update: the username is still
// locked; or this failure starts a new count (an expired lock, or the window has passed).
constexpr const char* kStillLocked =
    "login_failures.locked_until IS NOT NULL AND ? < login_failures.locked_until";
constexpr const char* kStartsOver =
    "login_failures.locked_until IS NOT NULL OR ? - login_failures.first_failure_at >= ?";

}  // namespace

std::optional<FailureState> LoginRepo::Failures(std::string_view key) {
  auto stmt = session_.Prepare(
      "SELECT failures, first_failure_at, locked_until FROM login_failures WHERE username = ?");
  stmt.Bind(0, std::string(key));
  if (!stmt.Next()) return std::nullopt;
  return FailureState{static_cast<int>(stmt.row().Int(0)), stmt.row().Int(1), stmt.row().OptInt(2)};
}

FailureOutcome LoginRepo::RecordFailure(std::string_view key, std::int64_t now,
                                        const LockoutPolicy& policy) {
  const std::string still(kStillLocked);
  const std::string over(kStartsOver);
  const std::string sql =
      "INSERT INTO login_failures (username, failures, first_failure_at, locked_until) "
      "VALUES (?, 1, ?, CASE WHEN 1 >= ? THEN CAST(? AS BIGINT) ELSE NULL END) "
      "ON CONFLICT (username) DO UPDATE SET "
      "failures = CASE WHEN " +
      still + " THEN login_failures.failures + 1 WHEN " + over +
      " THEN 1 ELSE login_failures.failures + 1 END, "
      "first_failure_at = CASE WHEN " +
      still + " THEN login_failures.first_failure_at WHEN " + over +
      " THEN CAST(? AS BIGINT) ELSE login_failures.first_failure_at END, "
      "locked_until = CASE WHEN " +
      still + " THEN login_failures.locked_until WHEN " + over +
      " THEN (CASE WHEN 1 >= ? THEN CAST(? AS BIGINT) ELSE NULL END) "
      "WHEN login_failures.failures + 1 >= ? THEN CAST(? AS BIGINT) ELSE NULL END "
      "RETURNING failures, first_failure_at, locked_until";
  const std::int64_t threshold = policy.threshold;
  const std::int64_t lock_end = now + policy.lock_seconds;
  const std::int64_t window = policy.window_seconds;
  auto stmt = session_.Prepare(sql);
  stmt.BindAll({std::string(key), now, threshold, lock_end,                    // VALUES
                now, now, window,                                              // failures
                now, now, window, now,                                         // first_failure_at
                now, now, window, threshold, lock_end, threshold, lock_end});  // locked_until
  stmt.Next();
  FailureOutcome out;
  out.state = {static_cast<int>(stmt.row().Int(0)), stmt.row().Int(1), stmt.row().OptInt(2)};
  out.was_locked = out.state.locked_until && out.state.failures > policy.threshold;
  while (stmt.Next()) {
  }
  return out;
}

std::optional<std::int64_t> LoginRepo::ClearFailuresUnlessLocked(std::string_view key,
                                                                 std::int64_t now) {
  auto stmt =
      session_.Prepare("DELETE FROM login_failures WHERE username = ? RETURNING locked_until");
  stmt.Bind(0, std::string(key));
  std::optional<std::int64_t> locked_until;
  while (stmt.Next()) locked_until = stmt.row().OptInt(0);
  if (locked_until && now < *locked_until) return locked_until;
  return std::nullopt;
}

void LoginRepo::Log(const LoginLogEntry& e) {
  session_.Execute(
      "INSERT INTO login_log (at, username, user_id, ip, user_agent, outcome, reason) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {e.at, e.username, OptValue(e.user_id), e.ip, e.user_agent, e.outcome, e.reason});
}

std::vector<LoginLogEntry> LoginRepo::List(const Scope& scope, const LoginLogFilter& filter,
                                           std::int64_t limit, std::int64_t offset) {
  auto [where, params] = Where(scope, filter);
  auto stmt = session_.Prepare(
      std::string("SELECT l.id, l.at, l.username, l.user_id, l.ip, l.user_agent, l.outcome, "
                  "l.reason") +
      kFrom + where + " ORDER BY l.id DESC LIMIT ? OFFSET ?");
  params.emplace_back(limit);
  params.emplace_back(offset);
  stmt.BindAll(params);
  std::vector<LoginLogEntry> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back(
        {r.Int(0), r.Text(1), r.Text(2), r.OptInt(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7)});
  }
  return out;
}

std::int64_t LoginRepo::Count(const Scope& scope, const LoginLogFilter& filter) {
  auto [where, params] = Where(scope, filter);
  auto stmt = session_.Prepare(std::string("SELECT COUNT(*)") + kFrom + where);
  stmt.BindAll(params);
  stmt.Next();
  return stmt.row().Int(0);
}

void LoginRepo::InsertChallenge(std::string_view token_hash, std::int64_t user_id,
                                std::int64_t expires_at) {
  session_.Execute("INSERT INTO mfa_challenges (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                   {std::string(token_hash), user_id, expires_at});
}

std::optional<std::int64_t> LoginRepo::TakeChallenge(std::string_view token_hash,
                                                     std::int64_t now) {
  auto stmt = session_.Prepare(
      "DELETE FROM mfa_challenges WHERE token_hash = ? RETURNING user_id, expires_at");
  stmt.Bind(0, std::string(token_hash));
  if (!stmt.Next()) return std::nullopt;
  const std::int64_t user_id = stmt.row().Int(0);
  const std::int64_t expires_at = stmt.row().Int(1);
  while (stmt.Next()) {
  }
  return now < expires_at ? std::optional<std::int64_t>(user_id) : std::nullopt;
}

}  // namespace lianyin::domain::account
