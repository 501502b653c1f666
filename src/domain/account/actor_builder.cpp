#include "domain/account/actor_builder.hpp"

#include <algorithm>

#include "domain/account/auth_internal.hpp"
#include "domain/account/credential_repo.hpp"
#include "domain/account/role_repo.hpp"
#include "domain/account/security_settings.hpp"

namespace lianyin::domain::account {

Actor BuildActor(store::Session& session, const User& user, const Unit& unit) {
  Actor actor;
  actor.user_id = user.id;
  actor.username = user.username;
  actor.display_name = user.display_name;
  actor.unit_id = unit.id;
  actor.unit_name = unit.name;
  actor.roles = user.roles;
  actor.permissions = RoleRepo(session).PermissionsOf(user.roles);
  actor.org_id = user.org_id;
  actor.worker_id = user.worker_id;
  actor.platform_level = !unit.parent_id.has_value();
  actor.must_change_password = user.must_change_password;
  auto credentials = CredentialRepo(session).Find(user.id);
  actor.mfa_enabled = credentials && credentials->totp_secret.has_value();
  actor.mfa_enrolment_required =
      !actor.mfa_enabled && LoadSecuritySettings(session).require_mfa_for_admins &&
      std::any_of(user.roles.begin(), user.roles.end(), internal::IsAdminRole);
  return actor;
}

}  // namespace lianyin::domain::account
