#pragma once
// Data scope (SPEC §1, SECURITY.md "Authorisation"): the one mechanism every area uses to keep a
// caller to its records. Repositories apply it; services never filter by hand.
//
// How an area applies it:
//   - Each table states once how its rows are owned (an Ownership: the owning unit's column, and
//     the organisation / worker columns where rows belong to one).
//   - Lists AND Visible(scope, ownership) into their WHERE clause: one indexed condition, so a
//     page and its total only ever see rows in scope, in one query, without per-row checks.
//   - Reads by id go through the repository's FindInScope(scope, id), which adds the same
//     condition; missing and out of scope look alike: OutOfScope() (404), so ids cannot be probed.
//   - A body field naming another record (a parent unit, a user's organisation) is looked up the
//     same way and, when not visible, reported as a 422 on that field ("no such unit").
//   - Records SPEC §1 makes readable by every logged-in user (organisations' public fields,
//     resources, venues and events) have a plainly named unscoped read (FindPublic...); changing
//     such a record outside scope answers ForbiddenOutsideScope() (403).
//   - An unscoped read exists only where a use case needs it, and its name says why
//     (FindForLogin, FindForAuthentication, ...).
//
// Narrowing: an org_member sees only rows of its own organisation, a worker only its own rows —
// on tables without such a column, nothing. Deployment-wide records (roles, settings, anonymous
// login attempts) have no owning unit and are visible at the platform level only.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/store.hpp"

namespace lianyin::domain::common {

struct Scope {
  std::int64_t unit_id = 0;               // the subtree rooted here
  std::optional<std::int64_t> org_id;     // an org_member: only this organisation's rows
  std::optional<std::int64_t> worker_id;  // a worker: only its own rows
  bool platform = false;                  // unit_id is the platform root
};

// How the rows of one table are owned. Columns are trusted SQL text written in code (a
// qualified column such as "o.registration_unit_id"), never user input.
struct Ownership {
  std::string_view unit_column;         // the owning unit
  std::string_view org_column = {};     // the organisation a row belongs to, if rows have one
  std::string_view worker_column = {};  // the worker a row belongs to, if rows have one
  // unit_column may be NULL (a deployment-wide row) or name a unit deleted since (rows that
  // outlive their unit, such as audit entries).
  bool platform_rows = false;
  // Rows belonging to several organisations (a project's providers): a condition with one '?'
  // for the org member's organisation, used instead of `org_column = ?` (e.g. an EXISTS probe
  // of a link table's primary key).
  std::string_view org_condition = {};
};

// A condition to AND into a WHERE clause, with its '?' parameters in order.
struct ScopeFilter {
  std::string sql;
  std::vector<store::Value> params;

  // `before` (the parameters of the SQL text that precedes the condition) followed by params.
  std::vector<store::Value> After(std::vector<store::Value> before) const {
    before.insert(before.end(), params.begin(), params.end());
    return before;
  }
  // Appends `clause` (" AND x = ?") with its one parameter, for list filters built on it.
  void Add(std::string_view clause, store::Value value) {
    sql += clause;
    params.push_back(std::move(value));
  }
};

// The rows of a table owned as `owned` that `scope` may see:
//   worker scope:     worker_column = worker_id        (no worker column: none)
//   org member scope: org_column = org_id, or org_condition (neither: none)
//   platform level:   every row (the root's subtree is every unit; with platform_rows, rows
//                     whose unit_column is NULL or names a unit deleted since are its too);
//   otherwise:        unit_column in the subtree of unit_id (an EXISTS probe of unit_closure's
//                     primary key per row).
ScopeFilter Visible(const Scope& scope, const Ownership& owned);

// True when `unit_id` is the scope's unit or one of its descendants (the subtree alone: no
// narrowing, no platform shortcut). One indexed lookup.
bool UnitInScope(store::Session& session, const Scope& scope, std::int64_t unit_id);

// 404 not_found, worded exactly like a missing id.
core::Error OutOfScope();
// 403 forbidden: changing a record readable by everyone but owned outside the caller's scope.
core::Error ForbiddenOutsideScope();
// 403 forbidden: a deployment-wide object (roles, settings) changed below the platform level.
core::Error PlatformLevelOnly();

}  // namespace lianyin::domain::common
