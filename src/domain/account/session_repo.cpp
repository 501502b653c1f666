#include "domain/account/session_repo.hpp"

namespace lianyin::domain::account {
namespace {

constexpr const char* kInfoSelect =
    "SELECT s.id, s.user_id, u.username, u.display_name, u.unit_id, s.ip, s.user_agent, "
    "s.created_at, s.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id ";
// "WHERE <scope> AND (? = 0 OR s.user_id = ?) " and its parameters.
std::pair<std::string, std::vector<store::Value>> ScopeWhere(const Scope& scope,
                                                             std::optional<std::int64_t> user_id) {
  const ScopeFilter visible = Visible(scope, kUserRows);
  std::vector<store::Value> params = visible.params;
  const std::int64_t uid = user_id.value_or(0);
  params.emplace_back(uid);
  params.emplace_back(uid);
  return {"WHERE " + visible.sql + " AND (? = 0 OR s.user_id = ?) ", params};
}

SessionInfo ReadInfo(const store::Row& r) {
  return {r.Int(0),  r.Int(1),  r.Text(2), r.Text(3), r.Int(4),
          r.Text(5), r.Text(6), r.Text(7), r.Text(8)};
}

}  // namespace

std::int64_t SessionRepo::InsertSession(std::string_view token_hash, std::string_view csrf_token,
                                        std::int64_t user_id, std::string_view now,
                                        std::string_view expires_at, std::string_view ip,
                                        std::string_view user_agent) {
  auto insert = session_.Prepare(
      "INSERT INTO sessions (token_hash, csrf_token, user_id, created_at, last_seen_at, "
      "expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.BindAll({std::string(token_hash), std::string(csrf_token), user_id, std::string(now),
                  std::string(now), std::string(expires_at), std::string(ip),
                  std::string(user_agent)});
  insert.Next();
  return insert.row().Int(0);
}

std::optional<StoredSession> SessionRepo::FindSession(std::string_view token_hash) {
  auto stmt = session_.Prepare(
      "SELECT id, user_id, csrf_token, last_seen_at, expires_at FROM sessions "
      "WHERE token_hash = ?");
  stmt.Bind(0, std::string(token_hash));
  if (!stmt.Next()) return std::nullopt;
  const store::Row row = stmt.row();
  return StoredSession{row.Int(0), row.Int(1), row.Text(2), row.Text(3), row.Text(4)};
}

void SessionRepo::TouchSession(std::int64_t id, std::string_view now) {
  session_.Execute("UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?",
                   {std::string(now), id, std::string(now)});
}

void SessionRepo::DeleteSession(std::int64_t id) {
  session_.Execute("DELETE FROM sessions WHERE id = ?", {id});
}

std::int64_t SessionRepo::DeleteUserSessions(std::int64_t user_id, std::int64_t except_id) {
  return session_.Execute("DELETE FROM sessions WHERE user_id = ? AND id <> ?",
                          {user_id, except_id});
}

std::vector<SessionInfo> SessionRepo::List(const Scope& scope, std::optional<std::int64_t> user_id,
                                           std::int64_t limit, std::int64_t offset) {
  auto [where, params] = ScopeWhere(scope, user_id);
  auto stmt = session_.Prepare(std::string(kInfoSelect) + where +
                               "ORDER BY s.last_seen_at DESC, s.id DESC LIMIT ? OFFSET ?");
  params.emplace_back(limit);
  params.emplace_back(offset);
  stmt.BindAll(params);
  std::vector<SessionInfo> out;
  while (stmt.Next()) out.push_back(ReadInfo(stmt.row()));
  return out;
}

std::int64_t SessionRepo::Count(const Scope& scope, std::optional<std::int64_t> user_id) {
  auto [where, params] = ScopeWhere(scope, user_id);
  auto stmt =
      session_.Prepare("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id " + where);
  stmt.BindAll(params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::optional<SessionInfo> SessionRepo::FindInScope(const Scope& scope, std::int64_t id) {
  const ScopeFilter visible = Visible(scope, kUserRows);
  auto stmt = session_.Prepare(std::string(kInfoSelect) + "WHERE s.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return ReadInfo(stmt.row());
}

}  // namespace lianyin::domain::account
