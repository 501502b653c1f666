#pragma once
// SQL of users and their roles. Password hashes leave this class only through FindCredentials
// (for logging in).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/account/account.hpp"
#include "domain/account/scope.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

class UserRepo {
 public:
  explicit UserRepo(store::Session& session) : session_(session) {}

  std::int64_t InsertUser(const User& user, std::string_view password_hash, std::string_view now);
  std::optional<User> FindUser(std::int64_t id);
  std::optional<UserView> FindView(std::int64_t id);
  // The user and its password hash, or nullopt.
  std::optional<std::pair<User, std::string>> FindCredentials(std::string_view username);
  bool UsernameTaken(std::string_view username);
  // One page of users matching `filter` whose unit passes `scope`, ordered by id.
  Page<UserView> List(const ScopeFilter& scope, const UserFilter& filter, const PageRequest& page);

  // Writes display_name, unit_id, must_change_password, disabled, roles and updated_at.
  void UpdateUser(const User& user, std::string_view now);
  void SetPassword(std::int64_t id, std::string_view password_hash, bool must_change_password,
                   std::string_view now);
  // Ends every session of the user (disable, password reset).
  void DeleteSessions(std::int64_t user_id);

 private:
  std::vector<std::string> Roles(std::int64_t user_id);
  void InsertRoles(std::int64_t user_id, const std::vector<std::string>& roles);
  store::Session& session_;
};

}  // namespace lianyin::domain::account
