#include "domain/common/scope.hpp"

namespace lianyin::domain::common {

namespace {

ScopeFilter UnitSubtree(const Scope& scope, std::string_view unit_column) {
  // One primary-key probe per row, rather than materialising the whole subtree for every
  // statement (a province holds thousands of units; a page has twenty rows).
  return ScopeFilter{"EXISTS (SELECT 1 FROM unit_closure WHERE ancestor = ? AND descendant = " +
                         std::string(unit_column) + ")",
                     {scope.unit_id}};
}

}  // namespace

ScopeFilter Visible(const Scope& scope, const Ownership& owned) {
  if (scope.worker_id) {
    if (owned.worker_column.empty()) return {"1 = 0", {}};
    return {std::string(owned.worker_column) + " = ?", {*scope.worker_id}};
  }
  if (scope.org_id) {
    if (!owned.org_condition.empty()) return {std::string(owned.org_condition), {*scope.org_id}};
    if (owned.org_column.empty()) return {"1 = 0", {}};
    return {std::string(owned.org_column) + " = ?", {*scope.org_id}};
  }
  // The root's subtree is every unit; and rows that may be unowned (or whose owner unit has
  // since been deleted, as audit entries outlive units) are all the platform's too.
  if (scope.platform) return {"1 = 1", {}};
  return UnitSubtree(scope, owned.unit_column);
}

bool UnitInScope(store::Session& session, const Scope& scope, std::int64_t unit_id) {
  auto stmt = session.Prepare("SELECT 1 FROM unit_closure WHERE ancestor = ? AND descendant = ?");
  stmt.BindAll({scope.unit_id, unit_id});
  return stmt.Next();
}

core::Error OutOfScope() { return core::Error::NotFound("not found"); }

core::Error ForbiddenOutsideScope() {
  return core::Error::Forbidden("this record belongs to a unit outside your data scope");
}

core::Error PlatformLevelOnly() {
  return core::Error::Forbidden(
      "this applies to the whole deployment: only platform-level administrators may change it");
}

}  // namespace lianyin::domain::common
