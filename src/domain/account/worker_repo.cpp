#include "domain/account/worker_repo.hpp"

namespace lianyin::domain::account {

std::int64_t WorkerRepo::Insert(std::int64_t unit_id, std::string_view name, std::string_view now) {
  auto insert = session_.Prepare(
      "INSERT INTO workers (unit_id, name, created_at, updated_at) VALUES (?, ?, ?, ?) "
      "RETURNING id");
  insert.BindAll({unit_id, std::string(name), std::string(now), std::string(now)});
  insert.Next();
  const std::int64_t id = insert.row().Int(0);
  while (insert.Next()) {
  }
  return id;
}

bool WorkerRepo::InScope(const Scope& scope, std::int64_t id) {
  const ScopeFilter visible = Visible(scope, kWorkerRows);
  auto stmt = session_.Prepare(
      "SELECT 1 FROM workers w WHERE w.id = ? AND w.deleted_at IS NULL AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  return stmt.Next();
}

}  // namespace lianyin::domain::account
