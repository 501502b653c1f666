#include "domain/common/scope.hpp"

namespace lianyin::domain::common {

ScopeFilter Visible(const Scope& scope, const Ownership& owned) {
  if (scope.worker_id) {
    if (owned.worker_column.empty()) return {"1 = 0", {}};
    return {std::string(owned.worker_column) + " = ?", {*scope.worker_id}};
  }
  if (scope.org_id) {
    if (owned.org_column.empty()) return {"1 = 0", {}};
    return {std::string(owned.org_column) + " = ?", {*scope.org_id}};
  }
  // The root's subtree is every unit; rows that may be unowned (or whose owner unit has since
  // been deleted, as audit entries outlive units) are all the platform's.
  if (owned.platform_rows && scope.platform) return {"1 = 1", {}};
  return UnitSubtree(scope, owned.unit_column);
}

ScopeFilter UnitSubtree(const Scope& scope, std::string_view unit_column) {
  return ScopeFilter{
      std::string(unit_column) + " IN (SELECT descendant FROM unit_closure WHERE ancestor = ?)",
      {scope.unit_id}};
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
