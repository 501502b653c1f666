#pragma once
// SQL of login sessions. Tokens are stored as SHA-256 hex digests, never in clear.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account/scope.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

struct StoredSession {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string last_seen_at;
  std::string expires_at;
};

// A live session as administrators see it (no token, no CSRF token).
struct SessionInfo {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::int64_t unit_id = 0;
  std::string ip;
  std::string user_agent;
  std::string created_at;
  std::string last_seen_at;
};

class SessionRepo {
 public:
  explicit SessionRepo(store::Session& session) : session_(session) {}

  std::int64_t InsertSession(std::string_view token_hash, std::string_view csrf_token,
                             std::int64_t user_id, std::string_view now,
                             std::string_view expires_at, std::string_view ip,
                             std::string_view user_agent);
  std::optional<StoredSession> FindSession(std::string_view token_hash);
  // Moves last_seen_at forward to `now` (never back).
  void TouchSession(std::int64_t id, std::string_view now);
  void DeleteSession(std::int64_t id);
  // Ends every session of the user but `except_id` (0 = all); returns how many.
  std::int64_t DeleteUserSessions(std::int64_t user_id, std::int64_t except_id = 0);
  // Sessions of users visible in `scope` (kUserRows; optionally one user), most recently
  // active first.
  std::vector<SessionInfo> List(const Scope& scope, std::optional<std::int64_t> user_id,
                                std::int64_t limit, std::int64_t offset);
  std::int64_t Count(const Scope& scope, std::optional<std::int64_t> user_id);
  // The session when its user is visible in `scope`.
  std::optional<SessionInfo> FindInScope(const Scope& scope, std::int64_t id);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::account
