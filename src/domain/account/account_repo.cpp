#include "domain/account/account_repo.hpp"

namespace lianyin::domain::account {
namespace {

constexpr const char* kUnitColumns =
    "SELECT id, name, kind, region_code, parent_id, leading_group_established_on, created_at, "
    "updated_at FROM units ";
constexpr const char* kUserColumns =
    "SELECT id, username, display_name, unit_id, org_id, worker_id, must_change_password, "
    "disabled, password_hash FROM users ";

Unit ReadUnit(const store::Row& row) {
  return Unit{row.Int(0),     row.Text(1),        ParseUnitKind(row.Text(2)).value_or(UnitKind::kOther),
              row.Text(3),    row.OptInt(4),      row.OptText(5),
              row.Text(6),    row.Text(7)};
}

User ReadUser(const store::Row& row) {
  return User{row.Int(0),    row.Text(1),  row.Text(2),  row.Int(3), row.OptInt(4),
              row.OptInt(5), row.Bool(6), row.Bool(7), {}};
}

store::Value OptValue(const std::optional<std::int64_t>& v) {
  return v ? store::Value(*v) : store::Value(store::Null{});
}
store::Value OptValue(const std::optional<std::string>& v) {
  return v ? store::Value(*v) : store::Value(store::Null{});
}

}  // namespace

std::int64_t AccountRepo::InsertUnit(const Unit& unit, std::string_view now) {
  auto insert = session_.Prepare(
      "INSERT INTO units (name, kind, region_code, parent_id, leading_group_established_on, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.BindAll({unit.name, std::string(UnitKindName(unit.kind)), unit.region_code,
                  OptValue(unit.parent_id), OptValue(unit.leading_group_established_on),
                  std::string(now), std::string(now)});
  insert.Next();
  const std::int64_t id = insert.row().Int(0);
  session_.Execute("INSERT INTO unit_closure (ancestor, descendant, depth) VALUES (?, ?, 0)",
                   {id, id});
  if (unit.parent_id) {
    session_.Execute(
        "INSERT INTO unit_closure (ancestor, descendant, depth) "
        "SELECT ancestor, ?, depth + 1 FROM unit_closure WHERE descendant = ?",
        {id, *unit.parent_id});
  }
  return id;
}

std::optional<Unit> AccountRepo::FindUnit(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kUnitColumns) + "WHERE id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  return ReadUnit(stmt.row());
}

std::optional<Unit> AccountRepo::FindRootUnit() {
  auto stmt = session_.Prepare(std::string(kUnitColumns) + "WHERE parent_id IS NULL ORDER BY id");
  if (!stmt.Next()) return std::nullopt;
  return ReadUnit(stmt.row());
}

std::int64_t AccountRepo::InsertUser(const User& user, std::string_view password_hash,
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

std::optional<User> AccountRepo::FindUser(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kUserColumns) + "WHERE id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  User user = ReadUser(stmt.row());
  user.roles = Roles(user.id);
  return user;
}

std::optional<std::pair<User, std::string>> AccountRepo::FindCredentials(
    std::string_view username) {
  auto stmt = session_.Prepare(std::string(kUserColumns) + "WHERE username = ?");
  stmt.Bind(0, std::string(username));
  if (!stmt.Next()) return std::nullopt;
  User user = ReadUser(stmt.row());
  std::string hash = stmt.row().Text(8);
  user.roles = Roles(user.id);
  return std::make_pair(std::move(user), std::move(hash));
}

std::vector<std::string> AccountRepo::Roles(std::int64_t user_id) {
  auto stmt = session_.Prepare("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role");
  stmt.Bind(0, user_id);
  std::vector<std::string> roles;
  while (stmt.Next()) roles.push_back(stmt.row().Text(0));
  return roles;
}

std::int64_t AccountRepo::InsertSession(std::string_view token_hash, std::string_view csrf_token,
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

std::optional<StoredSession> AccountRepo::FindSession(std::string_view token_hash) {
  auto stmt = session_.Prepare(
      "SELECT id, user_id, csrf_token, last_seen_at, expires_at FROM sessions "
      "WHERE token_hash = ?");
  stmt.Bind(0, std::string(token_hash));
  if (!stmt.Next()) return std::nullopt;
  const store::Row row = stmt.row();
  return StoredSession{row.Int(0), row.Int(1), row.Text(2), row.Text(3), row.Text(4)};
}

void AccountRepo::TouchSession(std::int64_t id, std::string_view now) {
  session_.Execute("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {std::string(now), id});
}

void AccountRepo::DeleteSession(std::int64_t id) {
  session_.Execute("DELETE FROM sessions WHERE id = ?", {id});
}

}  // namespace lianyin::domain::account
