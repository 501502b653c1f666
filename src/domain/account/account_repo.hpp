#pragma once
// The account area's only SQL: units (+ closure), users, roles, sessions.

#include <optional>
#include <string>
#include <string_view>

#include "domain/account/account.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

struct StoredSession {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string last_seen_at;
  std::string expires_at;
};

class AccountRepo {
 public:
  explicit AccountRepo(store::Session& session) : session_(session) {}

  // Inserts the unit and its closure rows (itself and every ancestor of its parent); returns id.
  std::int64_t InsertUnit(const Unit& unit, std::string_view now);
  std::optional<Unit> FindUnit(std::int64_t id);
  // The platform root: the unit without a parent.
  std::optional<Unit> FindRootUnit();

  std::int64_t InsertUser(const User& user, std::string_view password_hash, std::string_view now);
  std::optional<User> FindUser(std::int64_t id);
  // The user and its password hash, or nullopt.
  std::optional<std::pair<User, std::string>> FindCredentials(std::string_view username);

  std::int64_t InsertSession(std::string_view token_hash, std::string_view csrf_token,
                             std::int64_t user_id, std::string_view now,
                             std::string_view expires_at, std::string_view ip,
                             std::string_view user_agent);
  std::optional<StoredSession> FindSession(std::string_view token_hash);
  void TouchSession(std::int64_t id, std::string_view now);
  void DeleteSession(std::int64_t id);

 private:
  std::vector<std::string> Roles(std::int64_t user_id);
  store::Session& session_;
};

}  // namespace lianyin::domain::account
