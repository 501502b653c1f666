#pragma once
// SQL of users and their roles. Password hashes leave this class only through FindForLogin.

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

  // Inserts the user and its roles unless the username is taken in any letter case
  // (store::InsertOrConflict on users_username_lower): the id, or nullopt.
  std::optional<std::int64_t> InsertUser(const User& user, std::string_view password_hash,
                                         std::string_view now);
  // The user when visible in `scope` (kUserRows); one query, roles included.
  std::optional<User> FindInScope(const Scope& scope, std::int64_t id);
  std::optional<UserView> FindViewInScope(const Scope& scope, std::int64_t id);
  // Unscoped: the user of a session being authenticated.
  std::optional<User> FindForAuthentication(std::int64_t id);
  // Unscoped: the user logging in by `username` (any letter case) and its password hash.
  std::optional<std::pair<User, std::string>> FindForLogin(std::string_view username);
  // Unscoped: the account standing for worker `worker_id` (at most one: users_worker), for the
  // worker area's renames and PIPL deletion.
  std::optional<User> FindForWorker(std::int64_t worker_id);
  // Renames the user unless another user has `username` in any letter case (false).
  bool Rename(std::int64_t id, std::string_view username, std::string_view now);
  // One page of users visible in `scope` matching `filter`, ordered by id: one query for the
  // page (roles aggregated in it), one for the total.
  Page<UserView> List(const Scope& scope, const UserFilter& filter, const PageRequest& page);

  // Writes display_name, unit_id, must_change_password, disabled, roles and updated_at.
  void UpdateUser(const User& user, std::string_view now);
  // Ends every session of the user (disable, password reset).
  void DeleteSessions(std::int64_t user_id);

 private:
  std::optional<UserView> FindView(const std::string& where,
                                   const std::vector<store::Value>& params);
  void InsertRoles(std::int64_t user_id, const std::vector<std::string>& roles);
  store::Session& session_;
};

}  // namespace lianyin::domain::account
