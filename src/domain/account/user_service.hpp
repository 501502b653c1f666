#pragma once
// Use cases of user accounts (SPEC §4 "Units and users"). Users are in scope when their unit is in
// the actor's data scope (UserRepo::FindInScope); one outside answers 404 like a missing one.
// Each mutation runs in one short write transaction (common::Writer) and records its Change
// (never a password hash); passwords are hashed before the transaction begins.
//
// What an account may refer to is checked against the creator's scope: its unit_id (422
// "no such unit"), org_id (422 "no such organisation": the organisation must exist and be
// registered within the creator's scope) and worker_id (422 "no such worker").
//
// Privilege: an actor may grant, and manage a user holding, only roles whose every permission it
// holds itself ("*" holds all; only "*" grants the admin role) — otherwise 403. So nobody can
// raise an account above their own power and then act through it (resetting its password,
// say). Nobody may disable themselves (403).

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/account/password_rules.hpp"
#include "domain/account/scope.hpp"
#include "domain/account/worker_repo.hpp"
#include "domain/common/writer.hpp"
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

// True when organisation `org_id` exists and is visible in the scope; the organisation area
// provides it (org::OrgInScope), as the account area sits below it.
using OrgInScopeCheck = std::function<bool(store::Session&, const Scope&, std::int64_t org_id)>;

class UserService {
 public:
  using Clock = std::function<core::DateTime()>;
  // Without `org_in_scope` no account may name an organisation (422 on org_id).
  UserService(common::Writer& writer, OrgInScopeCheck org_in_scope = {}, Clock clock = core::Now)
      : writer_(writer), org_in_scope_(std::move(org_in_scope)), clock_(std::move(clock)) {}

  Page<UserView> List(const Actor& actor, const UserFilter& filter, const PageRequest& page);
  core::Result<UserView> Get(const Actor& actor, std::int64_t id);
  // Every field rule at once in one 422; then the references (422 on unit_id, org_id,
  // worker_id), privilege (403), a username taken in any letter case (409, exact under
  // concurrency: a unique index).
  core::Result<UserView> Create(const Actor& actor, const NewUser& user);
  core::Result<UserView> Update(const Actor& actor, std::int64_t id, const UserPatch& patch);
  // Sets a new password (policy → 422 on password), sets must_change_password and ends the
  // user's sessions.
  core::Result<UserView> ResetPassword(const Actor& actor, std::int64_t id,
                                       const std::string& password);

 private:
  PasswordPolicy CurrentPolicy();

  common::Writer& writer_;
  OrgInScopeCheck org_in_scope_;
  Clock clock_;
};

}  // namespace lianyin::domain::account
