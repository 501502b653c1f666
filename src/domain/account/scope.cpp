#include "domain/account/scope.hpp"

namespace lianyin::domain::account {

Scope ScopeOf(const Actor& actor) { return Scope{actor.unit_id, actor.org_id, actor.worker_id}; }

ScopeFilter UnitSubtree(const Scope& scope, std::string_view owner_unit_column) {
  return ScopeFilter{std::string(owner_unit_column) +
                         " IN (SELECT descendant FROM unit_closure WHERE ancestor = ?)",
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

}  // namespace lianyin::domain::account
