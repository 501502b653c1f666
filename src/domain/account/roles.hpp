#pragma once
// The roles of SPEC §1 and their default permissions ("area:resource:action").

#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::account {

// Every role code SPEC §1 names, including the optional 三权分立 split of admin.
const std::vector<std::string>& KnownRoles();
bool IsKnownRole(std::string_view role);

// Default permissions of a role; "*" for admin. Unknown roles have none.
std::vector<std::string> DefaultPermissions(std::string_view role);

}  // namespace lianyin::domain::account
