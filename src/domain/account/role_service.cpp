#include "domain/account/role_service.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "domain/account/role_repo.hpp"

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
  store::Session session = db_.Acquire();
  RoleRepo repo(session);
  std::vector<RoleView> out;
  for (const std::string& role : KnownRoles()) {
    out.push_back({role, RoleName(role), repo.Permissions(role)});
  }
  return out;
}

core::Result<RoleView> RoleService::SetPermissions(const Actor& actor, std::string_view role,
                                                   std::vector<std::string> permissions) {
  if (!IsKnownRole(role)) return core::Error::NotFound("no such role");
  std::sort(permissions.begin(), permissions.end());
  permissions.erase(std::unique(permissions.begin(), permissions.end()), permissions.end());
  if (auto ok = CheckPermissions(actor, role, permissions); !ok) return ok.error();
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  RoleRepo repo(session);
  const std::vector<std::string> before = repo.Permissions(role);
  repo.Replace(role, permissions);
  audit_(session, actor,
         Change{"update", "role", std::string(role), PermissionsJson(before),
                PermissionsJson(permissions)});
  tx.Commit();
  return RoleView{std::string(role), RoleName(role), std::move(permissions)};
}

}  // namespace lianyin::domain::account
