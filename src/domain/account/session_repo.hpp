#pragma once
// SQL of login sessions. Tokens are stored as SHA-256 hex digests, never in clear.

#include <optional>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace lianyin::domain::account {

struct StoredSession {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string last_seen_at;
  std::string expires_at;
};

class SessionRepo {
 public:
  explicit SessionRepo(store::Session& session) : session_(session) {}

  std::int64_t InsertSession(std::string_view token_hash, std::string_view csrf_token,
                             std::int64_t user_id, std::string_view now,
                             std::string_view expires_at, std::string_view ip,
                             std::string_view user_agent);
  std::optional<StoredSession> FindSession(std::string_view token_hash);
  void TouchSession(std::int64_t id, std::string_view now);
  void DeleteSession(std::int64_t id);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::account
