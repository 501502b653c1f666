#pragma once
// SQL of units and their closure table (ancestor, descendant, depth), which holds a row for
// every (ancestor, descendant) pair including (u, u, 0).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account/account.hpp"
#include "domain/account/scope.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

class UnitRepo {
 public:
  explicit UnitRepo(store::Session& session) : session_(session) {}

  // Serialises changes to the tree until the caller's write transaction ends, so two concurrent
  // moves cannot build a cycle and an insert never copies a path a move is rewriting. SQLite's
  // write transaction already excludes other writers; PostgreSQL takes an advisory lock.
  void LockTree();
  // Inserts the unit and its closure rows (itself and every ancestor of its parent); returns id.
  std::int64_t InsertUnit(const Unit& unit, std::string_view now);
  // The unit when it is visible in `scope` (kUnitRows); one query.
  std::optional<Unit> FindInScope(const Scope& scope, std::int64_t id);
  std::optional<UnitView> FindViewInScope(const Scope& scope, std::int64_t id);
  // Unscoped: the unit a user belongs to, when building the user's own session.
  std::optional<Unit> FindForAuthentication(std::int64_t id);
  // Unscoped: the unit that owns a record already found in scope (a parent above the caller's
  // subtree, an organisation's registration authority), for that record's rules. Never for a
  // unit named in a request: use FindInScope.
  std::optional<Unit> FindOwner(std::int64_t id);
  // The platform root: the unit without a parent.
  std::optional<Unit> FindRootUnit();
  // One page of units visible in `scope` matching `filter`, ordered by id; with `only` set,
  // that unit alone (still subject to the scope). Two queries (page, count).
  Page<UnitView> List(const Scope& scope, const UnitFilter& filter, const PageRequest& page,
                      std::optional<std::int64_t> only = std::nullopt);

  // Writes name, region_code, leading_group_established_on and updated_at.
  void UpdateUnit(const Unit& unit, std::string_view now);
  // Re-parents `id` and rewrites the closure rows of its whole subtree: the paths from its old
  // ancestors are deleted and the cross product (new parent's ancestors × subtree) inserted.
  // O(subtree × depth) rows. Precondition: `new_parent_id` is not inside the subtree.
  void MoveUnit(std::int64_t id, std::int64_t new_parent_id, std::string_view now);
  // Deletes a unit without children or users, with its closure rows.
  void DeleteUnit(std::int64_t id);

  std::int64_t CountChildren(std::int64_t id);
  std::int64_t CountUsers(std::int64_t id);
  std::vector<std::string> ChildRegionCodes(std::int64_t id);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::account
