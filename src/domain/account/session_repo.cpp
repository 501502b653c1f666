#include "domain/account/session_repo.hpp"

namespace lianyin::domain::account {

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
  session_.Execute("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {std::string(now), id});
}

void SessionRepo::DeleteSession(std::int64_t id) {
  session_.Execute("DELETE FROM sessions WHERE id = ?", {id});
}

}  // namespace lianyin::domain::account
