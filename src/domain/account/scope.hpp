#pragma once
// Data scope (SPEC §1, SECURITY.md "Authorisation"): the one mechanism every area uses to keep a
// user to the records of its own unit's subtree.
//
// How an area applies it:
//   - Lists: AND UnitSubtree(ScopeOf(actor), "t.owner_unit_id") into the WHERE clause and bind its
//     params; the filter is an indexed IN over unit_closure, so a list never sees rows outside
//     the subtree and its total counts only rows in scope.
//   - By id: load the row; if it is missing or UnitInScope(session, scope, row.owner_unit_id) is
//     false, return OutOfScope() — the same 404 for both, so ids cannot be probed.
//   - A body field naming another record (a parent unit, a user's unit): check it the same way
//     and report it as a 422 on that field ("no such unit"), never revealing whether it exists.
//   - Records SPEC §1 makes readable by every logged-in user (organisations' public fields,
//     resources, venues and events): reads skip the filter; a change outside scope answers
//     ForbiddenOutsideScope() (403).
//
// org_member and worker narrowing: Scope carries org_id and worker_id now, but the tables they
// narrow (organisations, workers) arrive with later areas, which AND `org_id = ?` /
// `worker_id = ?` into their own filters next to UnitSubtree. Nothing here applies them yet.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

struct Scope {
  std::int64_t unit_id = 0;               // the subtree rooted here
  std::optional<std::int64_t> org_id;     // an org_member: only this organisation's records
  std::optional<std::int64_t> worker_id;  // a worker: only its own rows
};

Scope ScopeOf(const Actor& actor);

// A condition to AND into a WHERE clause, with its '?' parameters in order.
struct ScopeFilter {
  std::string sql;
  std::vector<store::Value> params;
};

// "<owner_unit_column> IN (SELECT descendant FROM unit_closure WHERE ancestor = ?)".
// `owner_unit_column` is trusted SQL text (a column name written in code), never user input.
ScopeFilter UnitSubtree(const Scope& scope, std::string_view owner_unit_column);

// True when `unit_id` is the scope's unit or one of its descendants. One indexed lookup.
bool UnitInScope(store::Session& session, const Scope& scope, std::int64_t unit_id);

// 404 not_found, worded exactly like a missing id.
core::Error OutOfScope();
// 403 forbidden: changing a record readable by everyone but owned outside the caller's scope.
core::Error ForbiddenOutsideScope();

}  // namespace lianyin::domain::account
