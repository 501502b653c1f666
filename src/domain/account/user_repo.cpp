#include "domain/account/user_repo.hpp"

#include "domain/account/repo_values.hpp"

namespace lianyin::domain::account {
namespace {

constexpr const char* kUserColumns =
    "SELECT id, username, display_name, unit_id, org_id, worker_id, must_change_password, "
    "disabled, password_hash FROM users ";

User ReadUser(const store::Row& row) {
  return User{row.Int(0),    row.Text(1), row.Text(2), row.Int(3), row.OptInt(4),
              row.OptInt(5), row.Bool(6), row.Bool(7), {}};
}

}  // namespace

std::int64_t UserRepo::InsertUser(const User& user, std::string_view password_hash,
                                     std::string_view now) {
  auto insert = session_.Prepare(
      "INSERT INTO users (username, display_name, password_hash, unit_id, org_id, worker_id, "
      "must_change_password, disabled, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.BindAll({user.username, user.display_name, std::string(password_hash), user.unit_id,
                  OptValue(user.org_id), OptValue(user.worker_id),
                  std::int64_t{user.must_change_password}, std::int64_t{user.disabled},
                  std::string(now), std::string(now)});
  insert.Next();
  const std::int64_t id = insert.row().Int(0);
  auto role = session_.Prepare("INSERT INTO user_roles (user_id, role) VALUES (?, ?)");
  for (const std::string& r : user.roles) role.BindAll({id, r}).Execute();
  return id;
}

std::optional<User> UserRepo::FindUser(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kUserColumns) + "WHERE id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  User user = ReadUser(stmt.row());
  user.roles = Roles(user.id);
  return user;
}

std::optional<std::pair<User, std::string>> UserRepo::FindCredentials(
    std::string_view username) {
  auto stmt = session_.Prepare(std::string(kUserColumns) + "WHERE username = ?");
  stmt.Bind(0, std::string(username));
  if (!stmt.Next()) return std::nullopt;
  User user = ReadUser(stmt.row());
  std::string hash = stmt.row().Text(8);
  user.roles = Roles(user.id);
  return std::make_pair(std::move(user), std::move(hash));
}

std::vector<std::string> UserRepo::Roles(std::int64_t user_id) {
  auto stmt = session_.Prepare("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role");
  stmt.Bind(0, user_id);
  std::vector<std::string> roles;
  while (stmt.Next()) roles.push_back(stmt.row().Text(0));
  return roles;
}

}  // namespace lianyin::domain::account
