#include "domain/account/roles.hpp"

#include <algorithm>
#include <map>

namespace lianyin::domain::account {
namespace {

// Permissions of this release; each later area adds its own strings here and in the web routes.
const std::map<std::string, std::vector<std::string>, std::less<>>& Table() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> table = {
      {"admin", {"*"}},
      {"sys_admin", {"system:region:list", "system:unit:list", "system:user:list"}},
      {"security_admin", {"system:region:list", "system:role:list", "system:session:list"}},
      {"audit_admin", {"system:region:list", "system:audit:list"}},
      {"union_officer", {"system:region:list"}},
      {"civil_affairs_officer", {"system:region:list"}},
      {"inspector", {"system:region:list"}},
      {"expert", {"system:region:list"}},
      {"org_member", {"system:region:list"}},
      {"worker", {}},
  };
  return table;
}

}  // namespace

const std::vector<std::string>& KnownRoles() {
  static const std::vector<std::string> roles = [] {
    std::vector<std::string> out;
    for (const auto& entry : Table()) out.push_back(entry.first);
    return out;
  }();
  return roles;
}

bool IsKnownRole(std::string_view role) { return Table().contains(role); }

std::vector<std::string> DefaultPermissions(std::string_view role) {
  auto it = Table().find(role);
  return it == Table().end() ? std::vector<std::string>{} : it->second;
}

}  // namespace lianyin::domain::account
