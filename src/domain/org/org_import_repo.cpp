#include "domain/org/org_import_repo.hpp"

#include "domain/common/sql_text.hpp"

namespace lianyin::domain::org {
namespace {

constexpr const char* kStates[] = {"staging", "publishing", "done", "failed"};

std::string StateName(ImportState state) { return kStates[static_cast<int>(state)]; }

ImportState ParseState(const std::string& name) {
  for (int i = 0; i < 4; ++i) {
    if (name == kStates[i]) return static_cast<ImportState>(i);
  }
  return ImportState::kFailed;
}

constexpr const char* kSelect =
    "SELECT id, unit_id, user_id, username, state, created, updated FROM org_imports ";

ImportBatch ReadBatch(const store::Row& r) {
  ImportBatch batch;
  batch.id = r.Int(0);
  batch.unit_id = r.Int(1);
  batch.origin.user_id = r.OptInt(2);
  batch.origin.username = r.Text(3);
  batch.state = ParseState(r.Text(4));
  batch.created = r.Int(5);
  batch.updated = r.Int(6);
  return batch;
}

}  // namespace

std::int64_t OrgImportRepo::Begin(const ImportBatch& batch, std::string_view now) {
  auto insert = session_.Prepare(
      "INSERT INTO org_imports (unit_id, user_id, username, state, created, updated, started_at) "
      "VALUES (?, ?, ?, 'staging', ?, ?, ?) RETURNING id");
  insert.BindAll({batch.unit_id, common::OptValue(batch.origin.user_id), batch.origin.username,
                  batch.created, batch.updated, std::string(now)});
  insert.Next();
  const std::int64_t id = insert.row().Int(0);
  while (insert.Next()) {
  }
  return id;
}

void OrgImportRepo::SetState(std::int64_t id, ImportState state, std::string_view now) {
  const bool finished = state == ImportState::kDone || state == ImportState::kFailed;
  session_.Execute("UPDATE org_imports SET state = ?, finished_at = ? WHERE id = ?",
                   {StateName(state),
                    finished ? store::Value(std::string(now)) : store::Value(store::Null{}), id});
}

std::optional<ImportBatch> OrgImportRepo::Find(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kSelect) + "WHERE id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  return ReadBatch(stmt.row());
}

std::vector<ImportBatch> OrgImportRepo::InState(ImportState state) {
  auto stmt = session_.Prepare(std::string(kSelect) + "WHERE state = ? ORDER BY id");
  stmt.Bind(0, StateName(state));
  std::vector<ImportBatch> out;
  while (stmt.Next()) out.push_back(ReadBatch(stmt.row()));
  return out;
}

void OrgImportRepo::AddUpdates(std::int64_t import_id, const std::vector<StagedUpdate>& updates) {
  auto insert = session_.Prepare(
      "INSERT INTO org_import_updates (import_id, org_id, row_number, after_json) "
      "VALUES (?, ?, ?, ?)");
  for (const StagedUpdate& u : updates) {
    insert.BindAll({import_id, u.org_id, u.row, u.after_json}).Execute();
  }
}

std::vector<StagedUpdate> OrgImportRepo::Updates(std::int64_t import_id, std::int64_t limit) {
  auto stmt = session_.Prepare(
      "SELECT org_id, row_number, after_json FROM org_import_updates WHERE import_id = ? "
      "ORDER BY org_id LIMIT ?");
  stmt.BindAll({import_id, limit});
  std::vector<StagedUpdate> out;
  while (stmt.Next()) out.push_back({stmt.row().Int(0), stmt.row().Int(1), stmt.row().Text(2)});
  return out;
}

void OrgImportRepo::DropUpdates(std::int64_t import_id, const std::vector<std::int64_t>& org_ids) {
  auto drop = session_.Prepare("DELETE FROM org_import_updates WHERE import_id = ? AND org_id = ?");
  for (std::int64_t org_id : org_ids) drop.BindAll({import_id, org_id}).Execute();
}

void OrgImportRepo::DropAllUpdates(std::int64_t import_id) {
  session_.Execute("DELETE FROM org_import_updates WHERE import_id = ?", {import_id});
}

std::vector<PlaceUnit> OrgImportRepo::UnitsInScope(const account::Scope& scope) {
  const account::ScopeFilter visible = account::Visible(scope, account::kUnitRows);
  auto stmt = session_.Prepare(
      "SELECT u.id, u.name, u.kind, u.region_code, COALESCE(p.name, '') FROM units u "
      "LEFT JOIN units p ON p.id = u.parent_id WHERE " +
      visible.sql + " ORDER BY u.id");
  stmt.BindAll(visible.params);
  std::vector<PlaceUnit> out;
  while (stmt.Next()) {
    const store::Row& r = stmt.row();
    out.push_back({r.Int(0), r.Text(1),
                   account::ParseUnitKind(r.Text(2)).value_or(account::UnitKind::kOther), r.Text(3),
                   r.Text(4)});
  }
  return out;
}

std::vector<region::RegionRecord> OrgImportRepo::AllRegions() {
  auto stmt = session_.Prepare("SELECT code, name, COALESCE(parent_code, '') FROM regions");
  std::vector<region::RegionRecord> out;
  while (stmt.Next()) out.push_back({stmt.row().Text(0), stmt.row().Text(1), stmt.row().Text(2)});
  return out;
}

}  // namespace lianyin::domain::org
