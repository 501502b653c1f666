#include "domain/account/role_repo.hpp"

#include "domain/account/roles.hpp"

namespace lianyin::domain::account {

std::vector<std::string> RoleRepo::Permissions(std::string_view role) {
  auto stmt = session_.Prepare(
      "SELECT permission FROM role_permissions WHERE role = ? ORDER BY permission");
  stmt.Bind(0, std::string(role));
  std::vector<std::string> out;
  while (stmt.Next()) out.push_back(stmt.row().Text(0));
  return out;
}

std::set<std::string> RoleRepo::PermissionsOf(const std::vector<std::string>& roles) {
  std::set<std::string> out;
  for (const std::string& role : roles) {
    for (std::string& p : Permissions(role)) out.insert(std::move(p));
  }
  return out;
}

void RoleRepo::Replace(std::string_view role, const std::vector<std::string>& permissions) {
  session_.Execute("DELETE FROM role_permissions WHERE role = ?", {std::string(role)});
  auto insert = session_.Prepare("INSERT INTO role_permissions (role, permission) VALUES (?, ?)");
  for (const std::string& p : permissions) insert.BindAll({std::string(role), p}).Execute();
}

void RoleRepo::SeedDefaults() {
  for (const std::string& role : KnownRoles()) Replace(role, DefaultPermissions(role));
}

}  // namespace lianyin::domain::account
