#include "domain/account/role_service.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "domain/account/role_repo.hpp"
#include "domain/account/scope.hpp"

namespace lianyin::domain::account {
namespace {

boost::json::value PermissionsJson(const std::vector<std::string>& permissions) {
  return boost::json::object{
      {"permissions", boost::json::array(permissions.begin(), permissions.end())}};
}

core::Result<void> CheckPermissions(const Actor& actor, std::string_view role,
                                    const std::vector<std::string>& permissions) {
  std::string unknown;
  for (const std::string& p : permissions) {
    if (p != kAllPermissions && !IsKnownPermission(p)) unknown += (unknown.empty() ? "" : ", ") + p;
  }
  if (!unknown.empty())
    return core::Error::Invalid("permissions", "unknown permissions: " + unknown);
  if (actor.Can(kAllPermissions)) return {};
  if (role == "admin") return core::Error::Forbidden("only a full administrator may edit admin");
  for (const std::string& p : permissions) {
    if (!actor.Can(p)) return core::Error::Forbidden("you cannot grant " + p);
  }
  return {};
}

}  // namespace

std::vector<RoleView> RoleService::List() {
  store::Session session = writer_.db().Acquire();
  RoleRepo repo(session);
  std::vector<RoleView> out;
  for (const std::string& role : KnownRoles()) {
    out.push_back({role, RoleName(role), repo.Permissions(role)});
  }
  return out;
}

core::Result<RoleView> RoleService::SetPermissions(const Actor& actor, std::string_view role,
                                                   std::vector<std::string> permissions) {
  if (!actor.platform_level) return PlatformLevelOnly();
  if (!IsKnownRole(role)) return core::Error::NotFound("no such role");
  std::sort(permissions.begin(), permissions.end());
  permissions.erase(std::unique(permissions.begin(), permissions.end()), permissions.end());
  if (auto ok = CheckPermissions(actor, role, permissions); !ok) return ok.error();
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<RoleView> {
    RoleRepo repo(tx.session());
    const std::vector<std::string> before = repo.Permissions(role);
    repo.Replace(role, permissions);
    // Deployment-wide: no owner unit, so only the platform level reads the entry.
    tx.Record({"update", "role", std::string(role), PermissionsJson(before),
               PermissionsJson(permissions), true, std::nullopt});
    return RoleView{std::string(role), RoleName(role), permissions};
  });
}

}  // namespace lianyin::domain::account
