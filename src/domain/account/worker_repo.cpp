#include "domain/account/worker_repo.hpp"

#include "domain/common/sql_text.hpp"

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
  auto stmt = session_.Prepare("SELECT 1 FROM workers w WHERE w.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  return stmt.Next();
}

Page<WorkerView> WorkerRepo::List(const Scope& scope, std::string_view q, const PageRequest& page) {
  const ScopeFilter visible = Visible(scope, kWorkerRows);
  std::string where = " WHERE " + visible.sql;
  std::vector<store::Value> params = visible.params;
  if (!q.empty()) {
    where += " AND lower(w.name) LIKE ?" + std::string(common::kLikeEscape);
    params.emplace_back(common::ContainsPattern(q));
  }
  Page<WorkerView> out;
  auto count = session_.Prepare("SELECT count(*) FROM workers w" + where);
  count.BindAll(params);
  if (count.Next()) out.total = count.row().Int(0);
  params.emplace_back(page.page_size);
  params.emplace_back(page.Offset());
  auto stmt = session_.Prepare(
      "SELECT w.id, w.name, w.unit_id, un.name FROM workers w JOIN units un ON un.id = w.unit_id" +
      where + " ORDER BY w.id LIMIT ? OFFSET ?");
  stmt.BindAll(params);
  while (stmt.Next()) {
    const store::Row& row = stmt.row();
    out.items.push_back({row.Int(0), row.Text(1), row.Int(2), row.Text(3)});
  }
  return out;
}

}  // namespace lianyin::domain::account
