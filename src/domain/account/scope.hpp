#pragma once
// The data scope of an actor (common/scope.hpp is the mechanism) and how the account area's
// tables are owned.

#include "domain/account/account.hpp"
#include "domain/common/scope.hpp"

namespace lianyin::domain::account {

using common::ForbiddenOutsideScope;
using common::OutOfScope;
using common::Ownership;
using common::PlatformLevelOnly;
using common::Scope;
using common::ScopeFilter;
using common::UnitInScope;
using common::Visible;

// The actor's unit subtree, narrowed to its organisation (org_id) or its own rows (worker_id).
Scope ScopeOf(const Actor& actor);

// Ownership of the account area's rows, by the aliases its repositories use.
inline constexpr Ownership kUnitRows{"u.id"};                                  // units u
inline constexpr Ownership kUserRows{"u.unit_id", "u.org_id", "u.worker_id"};  // users u
inline constexpr Ownership kWorkerRows{"w.unit_id", {}, "w.id"};               // workers w
// login_log l LEFT JOIN users u: attempts for unknown usernames belong to the platform.
inline constexpr Ownership kLoginRows{"u.unit_id", "u.org_id", "u.worker_id", true};

}  // namespace lianyin::domain::account
