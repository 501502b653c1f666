#include "domain/account/login_repo.hpp"

#include "domain/account/repo_values.hpp"

namespace lianyin::domain::account {
namespace {

// The WHERE clause of a login-log query and its parameters, in order.
std::pair<std::string, std::vector<store::Value>> Where(const LoginLogFilter& f) {
  std::string sql =
      " WHERE (user_id IN (SELECT u.id FROM users u JOIN unit_closure c ON c.descendant = "
      "u.unit_id WHERE c.ancestor = ?)";
  std::vector<store::Value> params{f.scope_unit_id};
  sql += f.include_unknown_users ? " OR user_id IS NULL)" : ")";
  const auto add = [&](const char* clause, const std::optional<std::string>& value) {
    if (!value) return;
    sql += clause;
    params.emplace_back(*value);
  };
  add(" AND username = ?", f.username);
  add(" AND outcome = ?", f.outcome);
  add(" AND at >= ?", f.from);
  // A bare date as the upper bound includes that whole day.
  add(" AND at <= ?", f.to ? std::optional<std::string>(*f.to + (f.to->size() == 10 ? "T99" : ""))
                           : std::nullopt);
  return {sql, params};
}

}  // namespace

std::optional<FailureState> LoginRepo::Failures(std::string_view username) {
  auto stmt = session_.Prepare(
      "SELECT failures, first_failure_at, locked_until FROM login_failures WHERE username = ?");
  stmt.Bind(0, std::string(username));
  if (!stmt.Next()) return std::nullopt;
  return FailureState{static_cast<int>(stmt.row().Int(0)), stmt.row().Int(1),
                      stmt.row().OptInt(2)};
}

void LoginRepo::SaveFailures(std::string_view username, const FailureState& state) {
  session_.Execute(
      "INSERT INTO login_failures (username, failures, first_failure_at, locked_until) "
      "VALUES (?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, "
      "first_failure_at = excluded.first_failure_at, locked_until = excluded.locked_until",
      {std::string(username), std::int64_t{state.failures}, state.first_failure_at,
       OptValue(state.locked_until)});
}

void LoginRepo::ClearFailures(std::string_view username) {
  session_.Execute("DELETE FROM login_failures WHERE username = ?", {std::string(username)});
}

void LoginRepo::Log(const LoginLogEntry& e) {
  session_.Execute(
      "INSERT INTO login_log (at, username, user_id, ip, user_agent, outcome, reason) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {e.at, e.username, OptValue(e.user_id), e.ip, e.user_agent, e.outcome, e.reason});
}

std::vector<LoginLogEntry> LoginRepo::List(const LoginLogFilter& filter, std::int64_t limit,
                                           std::int64_t offset) {
  auto [where, params] = Where(filter);
  auto stmt = session_.Prepare(
      "SELECT id, at, username, user_id, ip, user_agent, outcome, reason FROM login_log" + where +
      " ORDER BY id DESC LIMIT ? OFFSET ?");
  params.emplace_back(limit);
  params.emplace_back(offset);
  stmt.BindAll(params);
  std::vector<LoginLogEntry> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.OptInt(3), r.Text(4), r.Text(5), r.Text(6),
                   r.Text(7)});
  }
  return out;
}

std::int64_t LoginRepo::Count(const LoginLogFilter& filter) {
  auto [where, params] = Where(filter);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM login_log" + where);
  stmt.BindAll(params);
  stmt.Next();
  return stmt.row().Int(0);
}

void LoginRepo::InsertChallenge(std::string_view token_hash, std::int64_t user_id,
                                std::int64_t expires_at) {
  session_.Execute(
      "INSERT INTO mfa_challenges (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
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
  return now < expires_at ? std::optional<std::int64_t>(user_id) : std::nullopt;
}

}  // namespace lianyin::domain::account
