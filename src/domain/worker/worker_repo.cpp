#include "domain/worker/worker_repo.hpp"

#include "domain/common/sql_text.hpp"

namespace lianyin::domain::worker {
namespace {

using common::Collect;
using common::OptValue;
using Where = common::ScopeFilter;

constexpr const char* kSelect =
    "SELECT w.id, w.unit_id, un.name, w.name, w.employer, w.region_code, COALESCE(r.name, ''), "
    "w.group_codes, w.created_at, w.updated_at, w.seal_id, w.phone_sealed, w.id_number_sealed, "
    "w.id_number_index, "
    "CASE WHEN EXISTS (SELECT 1 FROM users a WHERE a.worker_id = w.id) THEN 1 ELSE 0 END "
    "FROM workers w JOIN units un ON un.id = w.unit_id "
    "LEFT JOIN regions r ON r.code = w.region_code ";

WorkerRow Read(const store::Row& r) {
  WorkerRow row;
  Worker& w = row.worker;
  w.id = r.Int(0);
  w.unit_id = r.Int(1);
  w.unit_name = r.Text(2);
  w.name = r.Text(3);
  w.employer = r.OptText(4);
  w.region_code = r.OptText(5);
  w.region_name = r.Text(6);
  w.groups = common::SplitCodes(r.Text(7));
  w.created_at = r.Text(8);
  w.updated_at = r.Text(9);
  row.seal_id = r.OptText(10);
  row.phone_sealed = r.OptText(11);
  row.id_number_sealed = r.OptText(12);
  row.id_number_index = r.OptText(13);
  w.has_account = r.Int(14) != 0;
  return row;
}

Where Filtered(const common::Scope& scope, const IndexedFilter& f) {
  Where w = common::Visible(scope, kWorkerRows);
  w.sql += " AND w.deleted_at IS NULL";
  if (f.q && !f.q->empty()) {
    w.Add(" AND lower(w.name) LIKE ?" + std::string(common::kLikeEscape),
          common::ContainsPattern(*f.q));
  }
  if (f.region_code) {
    w.Add(" AND w.region_code IN (SELECT descendant FROM region_closure WHERE ancestor = ?)",
          *f.region_code);
  }
  if (f.group) {
    w.Add(" AND w.id IN (SELECT worker_id FROM worker_groups WHERE group_code = ?)", *f.group);
  }
  if (f.phone_index) w.Add(" AND w.phone_index = ?", *f.phone_index);
  if (f.id_number_index) w.Add(" AND w.id_number_index = ?", *f.id_number_index);
  if (f.after_id) w.Add(" AND w.id > ?", *f.after_id);
  return w;
}

}  // namespace

std::optional<std::int64_t> WorkerRepo::Insert(std::int64_t unit_id, const SealedWorker& w,
                                               std::optional<std::int64_t> by_user_id,
                                               std::string_view now) {
  auto id = store::InsertOrConflict(
      session_,
      "INSERT INTO workers (unit_id, name, seal_id, phone_sealed, phone_index, id_number_sealed, "
      "id_number_index, employer, region_code, group_codes, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {unit_id, w.name, OptValue(w.seal_id), OptValue(w.phone_sealed), OptValue(w.phone_index),
       OptValue(w.id_number_sealed), OptValue(w.id_number_index), OptValue(w.employer),
       OptValue(w.region_code), common::JoinCodes(w.groups), OptValue(by_user_id), std::string(now),
       std::string(now)});
  if (id) WriteGroups(*id, w.groups);
  return id;
}

void WorkerRepo::Update(std::int64_t id, const SealedWorker& w, std::string_view now) {
  session_.Execute(
      "UPDATE workers SET name = ?, seal_id = ?, phone_sealed = ?, phone_index = ?, "
      "id_number_sealed = ?, id_number_index = ?, employer = ?, region_code = ?, "
      "group_codes = ?, updated_at = ? WHERE id = ?",
      {w.name, OptValue(w.seal_id), OptValue(w.phone_sealed), OptValue(w.phone_index),
       OptValue(w.id_number_sealed), OptValue(w.id_number_index), OptValue(w.employer),
       OptValue(w.region_code), common::JoinCodes(w.groups), std::string(now), id});
  WriteGroups(id, w.groups);
}

bool WorkerRepo::Erase(std::int64_t id, std::string_view now) {
  const std::int64_t changed = session_.Execute(
      "UPDATE workers SET name = ?, seal_id = NULL, phone_sealed = NULL, phone_index = NULL, "
      "id_number_sealed = NULL, id_number_index = NULL, employer = NULL, group_codes = '', "
      "deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
      {std::string(kDeletedName), std::string(now), std::string(now), id});
  if (changed != 1) return false;
  session_.Execute("DELETE FROM worker_groups WHERE worker_id = ?", {id});
  return true;
}

void WorkerRepo::WriteGroups(std::int64_t id, const std::vector<std::string>& groups) {
  session_.Execute("DELETE FROM worker_groups WHERE worker_id = ?", {id});
  auto insert = session_.Prepare("INSERT INTO worker_groups (worker_id, group_code) VALUES (?, ?)");
  for (const std::string& g : groups) {
    insert.BindAll({id, g});
    while (insert.Next()) {
    }
  }
}

std::optional<WorkerRow> WorkerRepo::FindInScope(const common::Scope& scope, std::int64_t id) {
  const Where visible = common::Visible(scope, kWorkerRows);
  auto stmt = session_.Prepare(std::string(kSelect) + "WHERE w.id = ? AND w.deleted_at IS NULL " +
                               "AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return Read(stmt.row());
}

std::optional<WorkerRow> WorkerRepo::FindForActivation(std::string_view phone_index) {
  auto stmt =
      session_.Prepare(std::string(kSelect) + "WHERE w.phone_index = ? AND w.deleted_at IS NULL");
  stmt.Bind(0, std::string(phone_index));
  if (!stmt.Next()) return std::nullopt;
  return Read(stmt.row());
}

std::vector<std::string> WorkerRepo::TakenPhones(const std::vector<std::string>& phone_indexes) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < phone_indexes.size(); start += common::kInBatch) {
    const std::size_t n = std::min(common::kInBatch, phone_indexes.size() - start);
    auto stmt = session_.Prepare("SELECT phone_index FROM workers WHERE phone_index IN (" +
                                 common::Placeholders(n) + ")");
    std::vector<store::Value> params;
    for (std::size_t i = 0; i < n; ++i) params.emplace_back(phone_indexes[start + i]);
    stmt.BindAll(params);
    while (stmt.Next()) out.push_back(stmt.row().Text(0));
  }
  return out;
}

std::vector<WorkerRow> WorkerRepo::List(const common::Scope& scope, const IndexedFilter& f,
                                        std::int64_t limit, std::int64_t offset) {
  Where w = Filtered(scope, f);
  auto stmt =
      session_.Prepare(std::string(kSelect) + "WHERE " + w.sql + " ORDER BY w.id LIMIT ? OFFSET ?");
  w.params.push_back(limit);
  w.params.push_back(offset);
  stmt.BindAll(w.params);
  return Collect<WorkerRow>(stmt, Read);
}

std::int64_t WorkerRepo::Count(const common::Scope& scope, const IndexedFilter& f) {
  const Where w = Filtered(scope, f);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM workers w WHERE " + w.sql);
  stmt.BindAll(w.params);
  stmt.Next();
  return stmt.row().Int(0);
}

}  // namespace lianyin::domain::worker
