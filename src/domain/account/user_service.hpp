#pragma once
// Use cases of user accounts (SPEC §4 "Units and users"). Users are in scope when their unit is in
// the actor's unit subtree (scope.hpp); one outside answers 404 like a missing one. Each mutation
// runs in one write transaction and reports its Change (never a password hash) to the AuditSink.
//
// Privilege rules: an actor without "*" may not grant the admin role or a role carrying a
// system: permission it does not hold itself (power over accounts, roles, sessions, settings or
// audit), nor change or reset the password of a user who holds such a role (403). Business
// permissions (org:...) do not escalate privilege. Nobody may disable themselves (403).

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/account/audit_sink.hpp"
#include "domain/account/password_rules.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

struct NewUser {
  std::string username;  // 3-64 of [A-Za-z0-9._-], unique (409)
  std::string password;  // CheckPasswordPolicy (422 on password)
  std::string display_name;
  std::int64_t unit_id = 0;               // in scope, else 422 "no such unit"
  std::vector<std::string> roles;         // non-empty, known (422 on roles)
  std::optional<std::int64_t> org_id;     // required with org_member
  std::optional<std::int64_t> worker_id;  // required with worker
  bool must_change_password = false;
};

// PATCH /users/{id}: absent members stay.
struct UserPatch {
  std::optional<std::string> display_name;
  std::optional<std::int64_t> unit_id;
  std::optional<std::vector<std::string>> roles;
  std::optional<bool> disabled;  // disabling ends the user's sessions
  std::optional<bool> must_change_password;
};

class UserService {
 public:
  using Clock = std::function<core::DateTime()>;
  // `audit` records every change; the composition root always passes one.
  UserService(store::Database& db, AuditSink audit, Clock clock = core::Now)
      : db_(db), audit_(std::move(audit)), clock_(std::move(clock)) {}

  Page<UserView> List(const Actor& actor, const UserFilter& filter, const PageRequest& page);
  core::Result<UserView> Get(const Actor& actor, std::int64_t id);
  // Every field rule at once in one 422; then scope (422 on unit_id), privilege (403), 409.
  core::Result<UserView> Create(const Actor& actor, const NewUser& user);
  core::Result<UserView> Update(const Actor& actor, std::int64_t id, const UserPatch& patch);
  // Sets a new password (policy → 422 on password), sets must_change_password and ends the
  // user's sessions.
  core::Result<UserView> ResetPassword(const Actor& actor, std::int64_t id,
                                       const std::string& password);

 private:
  PasswordPolicy CurrentPolicy();

  store::Database& db_;
  AuditSink audit_;
  Clock clock_;
};

}  // namespace lianyin::domain::account
