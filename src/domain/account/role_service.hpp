#pragma once
// Use cases of roles and their permissions (SPEC §1: admins can change the role → permission map).

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/account/roles.hpp"
#include "domain/common/writer.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

struct RoleView {
  std::string code;
  std::string name;                      // Chinese
  std::vector<std::string> permissions;  // ordered
};

class RoleService {
 public:
  explicit RoleService(common::Writer& writer) : writer_(writer) {}

  // Every known role with its current permissions, ordered by code.
  std::vector<RoleView> List();
  // Replaces the permissions of `role` (duplicates dropped). The map is deployment-wide: an actor
  // below the platform level → 403. Unknown role → 404; codes outside PermissionCatalogue() →
  // 422 on "permissions" naming each. Only an actor holding "*" may edit the admin role, grant
  // "*", or grant a permission it does not hold itself (403).
  core::Result<RoleView> SetPermissions(const Actor& actor, std::string_view role,
                                        std::vector<std::string> permissions);
  const std::vector<Permission>& Catalogue() const { return PermissionCatalogue(); }

 private:
  common::Writer& writer_;
};

}  // namespace lianyin::domain::account
