#include "domain/account/user_service.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "domain/account/password_rules.hpp"
#include "domain/account/role_repo.hpp"
#include "domain/account/roles.hpp"
#include "domain/account/scope.hpp"
#include "domain/account/security_settings.hpp"
#include "domain/account/user_repo.hpp"
#include "domain/account/user_rules.hpp"

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
  // Only power over the system (accounts, roles, sessions, settings, audit) escalates privilege;
  // business permissions (org:..., project:...) are what account administrators hand out.
  const auto escalates = [&](const std::string& p) {
    return p == kAllPermissions || (p.starts_with("system:") && !actor.Can(p));
  };
  for (const std::string& role : roles) {
    const std::vector<std::string> permissions = repo.Permissions(role);
    const bool all_held = std::none_of(permissions.begin(), permissions.end(), escalates);
    if (role == "admin" || !all_held) {
      return core::Error::Forbidden("you cannot grant or manage the role " + role);
    }
  }
  return {};
}

core::Error NoSuchUnit() { return core::Error::Invalid("unit_id", "no such unit"); }

core::Result<User> LoadManageable(store::Session& session, const Actor& actor, std::int64_t id) {
  auto user = UserRepo(session).FindUser(id);
  if (!user || !UnitInScope(session, ScopeOf(actor), user->unit_id)) return OutOfScope();
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
    if (!UnitInScope(session, ScopeOf(actor), *patch.unit_id)) return NoSuchUnit();
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

}  // namespace

Page<UserView> UserService::List(const Actor& actor, const UserFilter& filter,
                                 const PageRequest& page) {
  store::Session session = db_.Acquire();
  return UserRepo(session).List(UnitSubtree(ScopeOf(actor), "u.unit_id"), filter, page);
}

PasswordPolicy UserService::CurrentPolicy() {
  store::Session session = db_.Acquire();
  return PasswordPolicyOf(LoadSecuritySettings(session));
}

core::Result<UserView> UserService::Get(const Actor& actor, std::int64_t id) {
  store::Session session = db_.Acquire();
  auto view = UserRepo(session).FindView(id);
  if (!view || !UnitInScope(session, ScopeOf(actor), view->user.unit_id)) return OutOfScope();
  return *view;
}

core::Result<UserView> UserService::Create(const Actor& actor, const NewUser& input) {
  if (auto errors = CheckNewUser(input, CurrentPolicy()); !errors.empty()) {
    return core::Error::Invalid(std::move(errors));
  }
  const std::string hash = core::HashPassword(input.password);
  const std::string now = core::FormatDateTime(clock_());
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  if (!UnitInScope(session, ScopeOf(actor), input.unit_id)) return NoSuchUnit();
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
  const auto taken = [] { return core::Error::Conflict("the username is taken"); };
  if (repo.UsernameTaken(user.username)) return taken();
  try {
    user.id = repo.InsertUser(user, hash, now);
  } catch (const store::DbError& e) {
    if (e.kind() != store::DbError::Kind::kUniqueViolation) throw;
    return taken();  // a concurrent create won the race
  }
  audit_(session, actor,
         Change{"create", "user", std::to_string(user.id), nullptr, AuditJson(user)});
  auto view = repo.FindView(user.id);
  tx.Commit();
  return *view;
}

core::Result<UserView> UserService::Update(const Actor& actor, std::int64_t id,
                                           const UserPatch& patch) {
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  auto before = LoadManageable(session, actor, id);
  if (!before) return before.error();
  User user = *before;
  if (patch.display_name) {
    if (patch.display_name->empty()) return core::Error::Invalid("display_name", "is required");
    user.display_name = *patch.display_name;
  }
  if (auto ok = ApplyPlacement(session, actor, patch, user); !ok) return ok.error();
  if (patch.disabled) {
    if (*patch.disabled && id == actor.user_id) {
      return core::Error::Forbidden("you cannot disable yourself");
    }
    user.disabled = *patch.disabled;
  }
  if (patch.must_change_password) user.must_change_password = *patch.must_change_password;
  UserRepo repo(session);
  repo.UpdateUser(user, core::FormatDateTime(clock_()));
  if (user.disabled && !before->disabled) repo.DeleteSessions(id);
  audit_(session, actor,
         Change{"update", "user", std::to_string(id), AuditJson(*before), AuditJson(user)});
  auto view = repo.FindView(id);
  tx.Commit();
  return *view;
}

core::Result<UserView> UserService::ResetPassword(const Actor& actor, std::int64_t id,
                                                  const std::string& password) {
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  auto before = LoadManageable(session, actor, id);
  if (!before) return before.error();
  const PasswordPolicy policy = PasswordPolicyOf(LoadSecuritySettings(session));
  if (auto ok = CheckPasswordPolicy(password, before->username, "password", policy); !ok) {
    return ok.error();
  }
  UserRepo repo(session);
  repo.SetPassword(id, core::HashPassword(password), true, core::FormatDateTime(clock_()));
  repo.DeleteSessions(id);
  User after = *before;
  after.must_change_password = true;
  audit_(
      session, actor,
      Change{"reset_password", "user", std::to_string(id), AuditJson(*before), AuditJson(after)});
  auto view = repo.FindView(id);
  tx.Commit();
  return *view;
}

}  // namespace lianyin::domain::account
