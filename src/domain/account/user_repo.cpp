#include "domain/account/user_repo.hpp"

#include <algorithm>

#include "domain/common/sql_text.hpp"

namespace lianyin::domain::account {

using common::OptValue;

namespace {

// The user's roles, comma-separated in code order, as one column of the same query.
std::string RolesColumn(store::Dialect dialect) {
  return dialect == store::Dialect::kPostgres
             ? "(SELECT string_agg(role, ',' ORDER BY role) FROM user_roles r "
               "WHERE r.user_id = u.id)"
             : "(SELECT group_concat(role, ',') FROM (SELECT role FROM user_roles r "
               "WHERE r.user_id = u.id ORDER BY role))";
}

std::string Select(store::Dialect dialect) {
  return "SELECT u.id, u.username, u.display_name, u.unit_id, u.org_id, u.worker_id, "
         "u.must_change_password, u.disabled, u.created_at, u.updated_at, u.password_hash, "
         "COALESCE(n.name, ''), CASE WHEN u.totp_secret IS NULL THEN 0 ELSE 1 END, " +
         RolesColumn(dialect) + " FROM users u LEFT JOIN units n ON n.id = u.unit_id ";
}

std::vector<std::string> SplitRoles(const std::string& text) {
  std::vector<std::string> roles;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    roles.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::sort(roles.begin(), roles.end());  // SQLite 3.40's group_concat keeps no order
  return roles;
}

User ReadUser(const store::Row& row) {
  return User{row.Int(0),  row.Text(1),   row.Text(2),
              row.Int(3),  row.OptInt(4), row.OptInt(5),
              row.Bool(6), row.Bool(7),   SplitRoles(row.Text(13)),
              row.Text(8), row.Text(9)};
}

UserView ReadView(const store::Row& row) { return {ReadUser(row), row.Text(11), row.Bool(12)}; }

}  // namespace

std::optional<std::int64_t> UserRepo::InsertUser(const User& user, std::string_view password_hash,
                                                 std::string_view now) {
  auto id = store::InsertOrConflict(
      session_,
      "INSERT INTO users (username, display_name, password_hash, unit_id, org_id, worker_id, "
      "must_change_password, disabled, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {user.username, user.display_name, std::string(password_hash), user.unit_id,
       OptValue(user.org_id), OptValue(user.worker_id), std::int64_t{user.must_change_password},
       std::int64_t{user.disabled}, std::string(now), std::string(now)});
  if (id) InsertRoles(*id, user.roles);
  return id;
}

std::optional<UserView> UserRepo::FindView(const std::string& where,
                                           const std::vector<store::Value>& params) {
  auto stmt = session_.Prepare(Select(session_.dialect()) + where);
  stmt.BindAll(params);
  if (!stmt.Next()) return std::nullopt;
  return ReadView(stmt.row());
}

std::optional<UserView> UserRepo::FindViewInScope(const Scope& scope, std::int64_t id) {
  const ScopeFilter visible = Visible(scope, kUserRows);
  return FindView("WHERE u.id = ? AND " + visible.sql, visible.After({id}));
}

std::optional<User> UserRepo::FindInScope(const Scope& scope, std::int64_t id) {
  auto view = FindViewInScope(scope, id);
  if (!view) return std::nullopt;
  return std::move(view->user);
}

std::optional<User> UserRepo::FindForAuthentication(std::int64_t id) {
  auto view = FindView("WHERE u.id = ?", {id});
  if (!view) return std::nullopt;
  return std::move(view->user);
}

std::optional<User> UserRepo::FindForWorker(std::int64_t worker_id) {
  auto view = FindView("WHERE u.worker_id = ?", {worker_id});
  if (!view) return std::nullopt;
  return std::move(view->user);
}

bool UserRepo::Rename(std::int64_t id, std::string_view username, std::string_view now) {
  return session_.Execute(
             "UPDATE users SET username = ?, updated_at = ? WHERE id = ? AND NOT EXISTS "
             "(SELECT 1 FROM users x WHERE lower(x.username) = lower(?) AND x.id <> ?)",
             {std::string(username), std::string(now), id, std::string(username), id}) == 1;
}

std::optional<std::pair<User, std::string>> UserRepo::FindForLogin(std::string_view username) {
  auto stmt = session_.Prepare(Select(session_.dialect()) + "WHERE lower(u.username) = lower(?)");
  stmt.Bind(0, std::string(username));
  if (!stmt.Next()) return std::nullopt;
  return std::make_pair(ReadUser(stmt.row()), stmt.row().Text(10));
}

Page<UserView> UserRepo::List(const Scope& scope, const UserFilter& filter,
                              const PageRequest& page) {
  const ScopeFilter visible = Visible(scope, kUserRows);
  std::string where = "WHERE " + visible.sql;
  std::vector<store::Value> params = visible.params;
  const auto add = [&](std::string_view clause, store::Value value) {
    where += clause;
    params.push_back(std::move(value));
  };
  if (filter.unit_id) add(" AND u.unit_id = ?", *filter.unit_id);
  if (filter.q) {
    const std::string escape(common::kLikeEscape);
    where += " AND (lower(u.username) LIKE ?" + escape + " OR lower(u.display_name) LIKE ?" +
             escape + ")";
    params.emplace_back(common::ContainsPattern(*filter.q));
    params.emplace_back(common::ContainsPattern(*filter.q));
  }
  if (filter.role)
    add(" AND u.id IN (SELECT user_id FROM user_roles WHERE role = ?)", *filter.role);
  if (filter.disabled) add(" AND u.disabled = ?", std::int64_t{*filter.disabled});
  Page<UserView> out;
  auto count = session_.Prepare("SELECT count(*) FROM users u " + where);
  count.BindAll(params);
  if (count.Next()) out.total = count.row().Int(0);
  params.emplace_back(page.page_size);
  params.emplace_back(page.Offset());
  auto stmt =
      session_.Prepare(Select(session_.dialect()) + where + " ORDER BY u.id LIMIT ? OFFSET ?");
  stmt.BindAll(params);
  while (stmt.Next()) out.items.push_back(ReadView(stmt.row()));
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

void UserRepo::DeleteSessions(std::int64_t user_id) {
  session_.Execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

void UserRepo::InsertRoles(std::int64_t user_id, const std::vector<std::string>& roles) {
  auto insert = session_.Prepare("INSERT INTO user_roles (user_id, role) VALUES (?, ?)");
  for (const std::string& role : roles) insert.BindAll({user_id, role}).Execute();
}

}  // namespace lianyin::domain::account
