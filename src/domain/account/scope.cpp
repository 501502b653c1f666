#include "domain/account/scope.hpp"

namespace lianyin::domain::account {

Scope ScopeOf(const Actor& actor) {
  return Scope{actor.unit_id, actor.org_id, actor.worker_id, actor.platform_level};
}

}  // namespace lianyin::domain::account
