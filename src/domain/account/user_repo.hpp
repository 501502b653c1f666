#pragma once
// SQL of users and their roles.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/account/account.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

class UserRepo {
 public:
  explicit UserRepo(store::Session& session) : session_(session) {}

  std::int64_t InsertUser(const User& user, std::string_view password_hash, std::string_view now);
  std::optional<User> FindUser(std::int64_t id);
  // The user and its password hash, or nullopt.
  std::optional<std::pair<User, std::string>> FindCredentials(std::string_view username);

 private:
  std::vector<std::string> Roles(std::int64_t user_id);
  store::Session& session_;
};

}  // namespace lianyin::domain::account
