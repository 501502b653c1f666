#include "domain/account/user_repo.hpp"

#include "domain/account/repo_values.hpp"

namespace lianyin::domain::account {
namespace {

constexpr const char* kUserColumns =
    "SELECT u.id, u.username, u.display_name, u.unit_id, u.org_id, u.worker_id, "
    "u.must_change_password, u.disabled, u.created_at, u.updated_at, u.password_hash, "
    "COALESCE(n.name, ''), CASE WHEN u.totp_secret IS NULL THEN 0 ELSE 1 END "
    "FROM users u LEFT JOIN units n ON n.id = u.unit_id ";

User ReadUser(const store::Row& row) {
  return User{row.Int(0),  row.Text(1), row.Text(2), row.Int(3),  row.OptInt(4), row.OptInt(5),
              row.Bool(6), row.Bool(7), {},          row.Text(8), row.Text(9)};
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
  InsertRoles(id, user.roles);
  return id;
}

std::optional<User> UserRepo::FindUser(std::int64_t id) {
  auto view = FindView(id);
  if (!view) return std::nullopt;
  return std::move(view->user);
}

std::optional<UserView> UserRepo::FindView(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kUserColumns) + "WHERE u.id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  UserView view{ReadUser(stmt.row()), stmt.row().Text(11), stmt.row().Bool(12)};
  view.user.roles = Roles(id);
  return view;
}

std::optional<std::pair<User, std::string>> UserRepo::FindCredentials(std::string_view username) {
  auto stmt = session_.Prepare(std::string(kUserColumns) + "WHERE u.username = ?");
  stmt.Bind(0, std::string(username));
  if (!stmt.Next()) return std::nullopt;
  User user = ReadUser(stmt.row());
  std::string hash = stmt.row().Text(10);
  user.roles = Roles(user.id);
  return std::make_pair(std::move(user), std::move(hash));
}

bool UserRepo::UsernameTaken(std::string_view username) {
  auto stmt = session_.Prepare("SELECT 1 FROM users WHERE username = ?");
  stmt.Bind(0, std::string(username));
  return stmt.Next();
}

Page<UserView> UserRepo::List(const ScopeFilter& scope, const UserFilter& filter,
                              const PageRequest& page) {
  std::string where = "WHERE " + scope.sql;
  std::vector<store::Value> params = scope.params;
  if (filter.unit_id) {
    where += " AND u.unit_id = ?";
    params.emplace_back(*filter.unit_id);
  }
  if (filter.q) {
    where +=
        " AND (lower(u.username) LIKE lower(?) ESCAPE '\\' OR "
        "lower(u.display_name) LIKE lower(?) ESCAPE '\\')";
    params.emplace_back(LikePattern(*filter.q));
    params.emplace_back(LikePattern(*filter.q));
  }
  if (filter.role) {
    where += " AND u.id IN (SELECT user_id FROM user_roles WHERE role = ?)";
    params.emplace_back(*filter.role);
  }
  if (filter.disabled) {
    where += " AND u.disabled = ?";
    params.emplace_back(std::int64_t{*filter.disabled});
  }
  Page<UserView> out;
  auto count = session_.Prepare("SELECT count(*) FROM users u " + where);
  count.BindAll(params);
  if (count.Next()) out.total = count.row().Int(0);
  params.emplace_back(page.page_size);
  params.emplace_back(page.Offset());
  auto stmt = session_.Prepare(kUserColumns + where + " ORDER BY u.id LIMIT ? OFFSET ?");
  stmt.BindAll(params);
  while (stmt.Next()) out.items.push_back({ReadUser(stmt.row()), stmt.row().Text(11), stmt.row().Bool(12)});
  for (UserView& view : out.items) view.user.roles = Roles(view.user.id);
  return out;
}

void UserRepo::UpdateUser(const User& user, std::string_view now) {
  session_.Execute(
      "UPDATE users SET display_name = ?, unit_id = ?, must_change_password = ?, disabled = ?, "
      "updated_at = ? WHERE id = ?",
      {user.display_name, user.unit_id, std::int64_t{user.must_change_password},
       std::int64_t{user.disabled}, std::string(now), user.id});
  session_.Execute("DELETE FROM user_roles WHERE user_id = ?", {user.id});
  InsertRoles(user.id, user.roles);
}

void UserRepo::SetPassword(std::int64_t id, std::string_view password_hash,
                           bool must_change_password, std::string_view now) {
  session_.Execute(
      "UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?",
      {std::string(password_hash), std::int64_t{must_change_password}, std::string(now), id});
}

void UserRepo::DeleteSessions(std::int64_t user_id) {
  session_.Execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

std::vector<std::string> UserRepo::Roles(std::int64_t user_id) {
  auto stmt = session_.Prepare("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role");
  stmt.Bind(0, user_id);
  std::vector<std::string> roles;
  while (stmt.Next()) roles.push_back(stmt.row().Text(0));
  return roles;
}

void UserRepo::InsertRoles(std::int64_t user_id, const std::vector<std::string>& roles) {
  auto insert = session_.Prepare("INSERT INTO user_roles (user_id, role) VALUES (?, ?)");
  for (const std::string& role : roles) insert.BindAll({user_id, role}).Execute();
}

}  // namespace lianyin::domain::account
