#include "domain/account/unit_repo.hpp"

#include "domain/account/repo_values.hpp"

namespace lianyin::domain::account {
namespace {

constexpr const char* kUnitColumns =
    "SELECT id, name, kind, region_code, parent_id, leading_group_established_on, created_at, "
    "updated_at FROM units ";

Unit ReadUnit(const store::Row& row) {
  return Unit{row.Int(0),  row.Text(1),   ParseUnitKind(row.Text(2)).value_or(UnitKind::kOther),
              row.Text(3), row.OptInt(4), row.OptText(5),
              row.Text(6), row.Text(7)};
}

}  // namespace

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

std::optional<Unit> UnitRepo::FindUnit(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kUnitColumns) + "WHERE id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  return ReadUnit(stmt.row());
}

std::optional<Unit> UnitRepo::FindRootUnit() {
  auto stmt = session_.Prepare(std::string(kUnitColumns) + "WHERE parent_id IS NULL ORDER BY id");
  if (!stmt.Next()) return std::nullopt;
  return ReadUnit(stmt.row());
}

}  // namespace lianyin::domain::account
