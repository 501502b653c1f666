#include "domain/account/user_service.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "domain/account/credential_repo.hpp"
#include "domain/account/password_rules.hpp"
#include "domain/account/role_repo.hpp"
#include "domain/account/roles.hpp"
#include "domain/account/security_settings.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/account/user_repo.hpp"
#include "domain/account/user_rules.hpp"
#include "domain/account/worker_repo.hpp"

namespace lianyin::domain::account {
namespace {

std::vector<std::string> Normalised(std::vector<std::string> roles) {
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  return roles;
}

// Granting (or managing a user who holds) `roles` needs every permission they carry.
core::Result<void> CheckCanGrant(store::Session& session, const Actor& actor,
                                 const std::vector<std::string>& roles) {
  if (actor.Can(kAllPermissions)) return {};
  RoleRepo repo(session);
  for (const std::string& role : roles) {
    const std::vector<std::string> permissions = repo.Permissions(role);
    const bool all_held = std::all_of(permissions.begin(), permissions.end(), [&](const auto& p) {
      return p != kAllPermissions && actor.Can(p);
    });
    if (!all_held) return core::Error::Forbidden("you cannot grant or manage the role " + role);
  }
  return {};
}

core::Error NoSuchUnit() { return core::Error::Invalid("unit_id", "no such unit"); }

core::Result<User> LoadManageable(store::Session& session, const Actor& actor, std::int64_t id) {
  auto user = UserRepo(session).FindInScope(ScopeOf(actor), id);
  if (!user) return OutOfScope();
  if (auto ok = CheckCanGrant(session, actor, user->roles); !ok) return ok.error();
  return *user;
}

std::vector<core::FieldError> CheckNewUser(const NewUser& input, const PasswordPolicy& policy) {
  std::vector<core::FieldError> errors;
  if (!IsValidUsername(input.username)) {
    errors.push_back({"username", "must be 3-64 characters of A-Z a-z 0-9 . _ -", {}});
  }
  if (auto ok = CheckPasswordPolicy(input.password, input.username, "password", policy); !ok) {
    const core::Error why = ok.error();  // error() returns a copy: keep it alive
    errors.insert(errors.end(), why.details.begin(), why.details.end());
  }
  if (input.display_name.empty()) errors.push_back({"display_name", "is required", {}});
  CheckRoles(input.roles, input.org_id, input.worker_id, errors);
  return errors;
}

// Applies the role and unit members of `patch` to `user`, checking scope and privilege.
core::Result<void> ApplyPlacement(store::Session& session, const Actor& actor,
                                  const UserPatch& patch, User& user) {
  if (patch.unit_id && *patch.unit_id != user.unit_id) {
    if (!UnitRepo(session).FindInScope(ScopeOf(actor), *patch.unit_id)) return NoSuchUnit();
    user.unit_id = *patch.unit_id;
  }
  if (patch.roles) {
    std::vector<core::FieldError> errors;
    CheckRoles(*patch.roles, user.org_id, user.worker_id, errors);
    if (!errors.empty()) return core::Error::Invalid(std::move(errors));
    user.roles = Normalised(*patch.roles);
    if (auto ok = CheckCanGrant(session, actor, user.roles); !ok) return ok.error();
  }
  return {};
}

common::Change UserChange(std::string action, const User& user, boost::json::value before,
                          boost::json::value after) {
  return {std::move(action), "user",           std::to_string(user.id),
          std::move(before), std::move(after), true,
          user.unit_id};
}

}  // namespace

Page<UserView> UserService::List(const Actor& actor, const UserFilter& filter,
                                 const PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  return UserRepo(session).List(ScopeOf(actor), filter, page);
}

PasswordPolicy UserService::CurrentPolicy() {
  store::Session session = writer_.db().Acquire();
  return PasswordPolicyOf(LoadSecuritySettings(session));
}

core::Result<UserView> UserService::Get(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto view = UserRepo(session).FindViewInScope(ScopeOf(actor), id);
  if (!view) return OutOfScope();
  return *view;
}

core::Result<UserView> UserService::Create(const Actor& actor, const NewUser& input) {
  if (auto errors = CheckNewUser(input, CurrentPolicy()); !errors.empty()) {
    return core::Error::Invalid(std::move(errors));
  }
  const std::string hash = core::HashPassword(input.password);
  const std::string now = core::FormatDateTime(clock_());
  const Scope scope = ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<UserView> {
    store::Session& session = tx.session();
    std::vector<core::FieldError> references;
    if (!UnitRepo(session).FindInScope(scope, input.unit_id)) {
      references.push_back({"unit_id", "no such unit", {}});
    }
    if (input.org_id && !(org_in_scope_ && org_in_scope_(session, scope, *input.org_id))) {
      references.push_back({"org_id", "no such organisation", {}});
    }
    if (input.worker_id && !WorkerRepo(session).InScope(scope, *input.worker_id)) {
      references.push_back({"worker_id", "no such worker", {}});
    }
    if (!references.empty()) return core::Error::Invalid(std::move(references));
    User user{0,
              input.username,
              input.display_name,
              input.unit_id,
              input.org_id,
              input.worker_id,
              input.must_change_password,
              false,
              Normalised(input.roles),
              now,
              now};
    if (auto ok = CheckCanGrant(session, actor, user.roles); !ok) return ok.error();
    UserRepo repo(session);
    auto id = repo.InsertUser(user, hash, now);
    if (!id) return core::Error::Conflict("the username is taken");
    user.id = *id;
    tx.Record(UserChange("create", user, nullptr, AuditJson(user)));
    return repo.FindViewInScope(scope, user.id).value();
  });
}

core::Result<UserView> UserService::Update(const Actor& actor, std::int64_t id,
                                           const UserPatch& patch) {
  if (patch.display_name && patch.display_name->empty()) {
    return core::Error::Invalid("display_name", "is required");
  }
  if (patch.disabled && *patch.disabled && id == actor.user_id) {
    return core::Error::Forbidden("you cannot disable yourself");
  }
  const std::string now = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<UserView> {
    store::Session& session = tx.session();
    auto before = LoadManageable(session, actor, id);
    if (!before) return before.error();
    User user = *before;
    if (patch.display_name) user.display_name = *patch.display_name;
    if (auto ok = ApplyPlacement(session, actor, patch, user); !ok) return ok.error();
    if (patch.disabled) user.disabled = *patch.disabled;
    if (patch.must_change_password) user.must_change_password = *patch.must_change_password;
    UserRepo repo(session);
    repo.UpdateUser(user, now);
    if (user.disabled && !before->disabled) repo.DeleteSessions(id);
    tx.Record(UserChange("update", user, AuditJson(*before), AuditJson(user)));
    return repo.FindViewInScope(ScopeOf(actor), id).value();
  });
}

core::Result<UserView> UserService::ResetPassword(const Actor& actor, std::int64_t id,
                                                  const std::string& password) {
  std::optional<User> target;
  {
    store::Session session = writer_.db().Acquire();
    auto found = LoadManageable(session, actor, id);
    if (!found) return found.error();
    target = *found;
  }
  if (auto ok = CheckPasswordPolicy(password, target->username, "password", CurrentPolicy()); !ok) {
    return ok.error();
  }
  const std::string hash = core::HashPassword(password);
  const std::string now = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<UserView> {
    store::Session& session = tx.session();
    // Checked again: the user may have moved or gained a role since it was read.
    auto before = LoadManageable(session, actor, id);
    if (!before) return before.error();
    CredentialRepo(session).SetPassword(id, hash, true, now);
    UserRepo repo(session);
    repo.DeleteSessions(id);
    User after = *before;
    after.must_change_password = true;
    tx.Record(UserChange("reset_password", after, AuditJson(*before), AuditJson(after)));
    return repo.FindViewInScope(ScopeOf(actor), id).value();
  });
}

}  // namespace lianyin::domain::account
