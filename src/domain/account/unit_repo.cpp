#include "domain/account/unit_repo.hpp"

#include "domain/common/sql_text.hpp"

namespace lianyin::domain::account {

using common::OptValue;
namespace {

constexpr const char* kUnitColumns =
    "SELECT u.id, u.name, u.kind, u.region_code, u.parent_id, u.leading_group_established_on, "
    "u.created_at, u.updated_at FROM units ";

constexpr const char* kViewColumns =
    "SELECT u.id, u.name, u.kind, u.region_code, u.parent_id, u.leading_group_established_on, "
    "u.created_at, u.updated_at, COALESCE(r.name, ''), "
    "CASE WHEN EXISTS (SELECT 1 FROM units c WHERE c.parent_id = u.id) THEN 1 ELSE 0 END, "
    "p.name FROM units u LEFT JOIN regions r ON r.code = u.region_code "
    "LEFT JOIN units p ON p.id = u.parent_id ";

Unit ReadUnit(const store::Row& row) {
  return Unit{row.Int(0),  row.Text(1),   ParseUnitKind(row.Text(2)).value_or(UnitKind::kOther),
              row.Text(3), row.OptInt(4), row.OptText(5),
              row.Text(6), row.Text(7)};
}

UnitView ReadView(const store::Row& row) {
  return {ReadUnit(row), row.Text(8), row.Bool(9), row.OptText(10)};
}

// Any constant distinct from the migration lock's.
constexpr std::int64_t kUnitTreeLockKey = 0x756e69745f74726b;  // "unit_trk"

}  // namespace

void UnitRepo::LockTree() {
  if (session_.dialect() != store::Dialect::kPostgres) return;
  session_.Execute("SELECT pg_advisory_xact_lock(?)", {kUnitTreeLockKey});
}

std::int64_t UnitRepo::InsertUnit(const Unit& unit, std::string_view now) {
  auto insert = session_.Prepare(
      "INSERT INTO units (name, kind, region_code, parent_id, leading_group_established_on, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.BindAll({unit.name, std::string(UnitKindName(unit.kind)), unit.region_code,
                  OptValue(unit.parent_id), OptValue(unit.leading_group_established_on),
                  std::string(now), std::string(now)});
  insert.Next();
  const std::int64_t id = insert.row().Int(0);
  session_.Execute("INSERT INTO unit_closure (ancestor, descendant, depth) VALUES (?, ?, 0)",
                   {id, id});
  if (unit.parent_id) {
    session_.Execute(
        "INSERT INTO unit_closure (ancestor, descendant, depth) "
        "SELECT ancestor, ?, depth + 1 FROM unit_closure WHERE descendant = ?",
        {id, *unit.parent_id});
  }
  return id;
}

std::optional<Unit> UnitRepo::FindInScope(const Scope& scope, std::int64_t id) {
  const ScopeFilter visible = Visible(scope, kUnitRows);
  auto stmt = session_.Prepare(std::string(kUnitColumns) + "u WHERE u.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return ReadUnit(stmt.row());
}

std::optional<UnitView> UnitRepo::FindViewInScope(const Scope& scope, std::int64_t id) {
  const ScopeFilter visible = Visible(scope, kUnitRows);
  auto stmt = session_.Prepare(std::string(kViewColumns) + "WHERE u.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return ReadView(stmt.row());
}

std::optional<Unit> UnitRepo::FindForAuthentication(std::int64_t id) { return FindOwner(id); }

std::optional<Unit> UnitRepo::FindOwner(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kUnitColumns) + "u WHERE u.id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  return ReadUnit(stmt.row());
}

std::optional<Unit> UnitRepo::FindRootUnit() {
  auto stmt =
      session_.Prepare(std::string(kUnitColumns) + "u WHERE u.parent_id IS NULL ORDER BY u.id");
  if (!stmt.Next()) return std::nullopt;
  return ReadUnit(stmt.row());
}

Page<UnitView> UnitRepo::List(const Scope& scope, const UnitFilter& filter, const PageRequest& page,
                              std::optional<std::int64_t> only) {
  const ScopeFilter visible = Visible(scope, kUnitRows);
  std::string where = "WHERE " + visible.sql;
  std::vector<store::Value> params = visible.params;
  const auto add = [&](std::string_view clause, store::Value value) {
    where += clause;
    params.push_back(std::move(value));
  };
  if (only) add(" AND u.id = ?", *only);
  if (filter.parent_id) add(" AND u.parent_id = ?", *filter.parent_id);
  if (filter.q) {
    add(" AND lower(u.name) LIKE ?" + std::string(common::kLikeEscape),
        common::ContainsPattern(*filter.q));
  }
  if (filter.kind) add(" AND u.kind = ?", std::string(UnitKindName(*filter.kind)));
  if (!filter.ids.empty()) {
    where += " AND u.id IN (";
    for (std::size_t i = 0; i < filter.ids.size(); ++i) {
      where += i ? ", ?" : "?";
      params.emplace_back(filter.ids[i]);
    }
    where += ")";
  }
  Page<UnitView> out;
  auto count = session_.Prepare("SELECT count(*) FROM units u " + where);
  count.BindAll(params);
  if (count.Next()) out.total = count.row().Int(0);
  params.emplace_back(page.page_size);
  params.emplace_back(page.Offset());
  auto stmt = session_.Prepare(kViewColumns + where + " ORDER BY u.id LIMIT ? OFFSET ?");
  stmt.BindAll(params);
  while (stmt.Next()) out.items.push_back(ReadView(stmt.row()));
  return out;
}

void UnitRepo::UpdateUnit(const Unit& unit, std::string_view now) {
  session_.Execute(
      "UPDATE units SET name = ?, region_code = ?, leading_group_established_on = ?, "
      "updated_at = ? WHERE id = ?",
      {unit.name, unit.region_code, OptValue(unit.leading_group_established_on), std::string(now),
       unit.id});
}

void UnitRepo::MoveUnit(std::int64_t id, std::int64_t new_parent_id, std::string_view now) {
  session_.Execute(
      "DELETE FROM unit_closure "
      "WHERE descendant IN (SELECT descendant FROM unit_closure WHERE ancestor = ?) "
      "AND ancestor NOT IN (SELECT descendant FROM unit_closure WHERE ancestor = ?)",
      {id, id});
  session_.Execute(
      "INSERT INTO unit_closure (ancestor, descendant, depth) "
      "SELECT a.ancestor, d.descendant, a.depth + d.depth + 1 "
      "FROM unit_closure a CROSS JOIN unit_closure d "
      "WHERE a.descendant = ? AND d.ancestor = ?",
      {new_parent_id, id});
  session_.Execute("UPDATE units SET parent_id = ?, updated_at = ? WHERE id = ?",
                   {new_parent_id, std::string(now), id});
}

void UnitRepo::DeleteUnit(std::int64_t id) {
  session_.Execute("DELETE FROM unit_closure WHERE descendant = ?", {id});
  session_.Execute("DELETE FROM units WHERE id = ?", {id});
}

std::int64_t UnitRepo::CountChildren(std::int64_t id) {
  auto stmt = session_.Prepare("SELECT count(*) FROM units WHERE parent_id = ?");
  stmt.Bind(0, id);
  return stmt.Next() ? stmt.row().Int(0) : 0;
}

std::int64_t UnitRepo::CountUsers(std::int64_t id) {
  auto stmt = session_.Prepare("SELECT count(*) FROM users WHERE unit_id = ?");
  stmt.Bind(0, id);
  return stmt.Next() ? stmt.row().Int(0) : 0;
}

std::vector<std::string> UnitRepo::ChildRegionCodes(std::int64_t id) {
  auto stmt = session_.Prepare("SELECT DISTINCT region_code FROM units WHERE parent_id = ?");
  stmt.Bind(0, id);
  std::vector<std::string> out;
  while (stmt.Next()) out.push_back(stmt.row().Text(0));
  return out;
}

}  // namespace lianyin::domain::account
