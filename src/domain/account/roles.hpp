#pragma once
// The roles of SPEC §1, the permission catalogue ("area:resource:action") and each role's
// default permissions. The live role → permission map is the table role_permissions
// (role_repo.hpp), seeded from these defaults when the platform is set up.

#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::account {

// Grants every permission; only the admin role holds it by default.
inline constexpr std::string_view kAllPermissions = "*";

struct Permission {
  std::string code;  // "system:unit:list"
  std::string area;  // "system"
  std::string name;  // "查看单位"
};

// Every permission of this release, ordered by code. Each later area adds its own here.
const std::vector<Permission>& PermissionCatalogue();
bool IsKnownPermission(std::string_view code);

// Every role code SPEC §1 names, including the optional 三权分立 split of admin, ordered by code.
const std::vector<std::string>& KnownRoles();
bool IsKnownRole(std::string_view role);
// The Chinese name of a role ("系统管理员"), the data dictionary's label; "" for an unknown one.
std::string RoleName(std::string_view role);

// Default permissions of a role; {"*"} for admin. Unknown roles have none.
std::vector<std::string> DefaultPermissions(std::string_view role);

}  // namespace lianyin::domain::account
