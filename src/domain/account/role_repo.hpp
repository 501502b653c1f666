#pragma once
// SQL of the role → permission map (table role_permissions).

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace lianyin::domain::account {

class RoleRepo {
 public:
  explicit RoleRepo(store::Session& session) : session_(session) {}

  // The permissions of one role, ordered.
  std::vector<std::string> Permissions(std::string_view role);
  // The union of the permissions of `roles` (what an Actor holds).
  std::set<std::string> PermissionsOf(const std::vector<std::string>& roles);
  // Replaces the role's permissions. Runs inside the caller's write transaction.
  void Replace(std::string_view role, const std::vector<std::string>& permissions);
  // Writes DefaultPermissions for every known role (platform set-up; the table is empty then).
  void SeedDefaults();

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::account
