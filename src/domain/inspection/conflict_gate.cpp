#include "domain/inspection/conflict_gate.hpp"

#include <string>

namespace lianyin::domain::inspection {

bool HasDeclaredConflict(store::Session& session, std::int64_t user_id, std::string_view uscc) {
  auto stmt = session.Prepare("SELECT 1 FROM user_conflicts WHERE user_id = ? AND uscc = ?");
  stmt.BindAll({user_id, std::string(uscc)});
  return stmt.Next();
}

}  // namespace lianyin::domain::inspection
