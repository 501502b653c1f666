#include "domain/inspection/inspection_repo.hpp"

#include <algorithm>
#include <map>

#include "domain/account/scope.hpp"
#include "domain/common/sql_text.hpp"
#include "domain/inspection/inspection_codec.hpp"

namespace lianyin::domain::inspection {
namespace {

using common::Collect;
using common::kInBatch;
using common::Placeholders;

// How the registry owns organisations (org::kOrgRows).
constexpr common::Ownership kOrgRows{"o.registration_unit_id", "o.id"};

// The columns of a plan; the pools only when `with_pools`.
std::string PlanSelect(bool with_pools) {
  return std::string(
             "SELECT p.id, p.name, p.unit_id, COALESCE(u.name, ''), COALESCE(u.region_code, ''), "
             "p.created_by_user_id, p.inspector_unit_id, COALESCE(iu.name, ''), p.sample_size, "
             "p.inspectors_per_team, p.org_filter, p.org_pool_size, p.inspector_pool_size, "
             "p.seed_commitment, p.seed, p.status, p.drawn_at, p.published_at, p.created_at, "
             "p.updated_at, ") +
         (with_pools ? "p.org_pool, p.inspector_pool, p.conflicts, p.selections "
                     : "'', '', '', NULL ") +
         "FROM inspection_plans p LEFT JOIN units u ON u.id = p.unit_id "
         "LEFT JOIN units iu ON iu.id = p.inspector_unit_id ";
}

Plan ReadPlan(const store::Row& r) {
  Plan p;
  p.id = r.Int(0);
  p.name = r.Text(1);
  p.unit_id = r.Int(2);
  p.unit_name = r.Text(3);
  p.unit_region_code = r.Text(4);
  p.created_by_user_id = r.Int(5);
  p.inspector_unit_id = r.Int(6);
  p.inspector_unit_name = r.Text(7);
  p.sample_size = r.Int(8);
  p.inspectors_per_team = r.Int(9);
  p.org_filter = ParseOrgFilter(r.Text(10));
  p.org_pool_size = r.Int(11);
  p.inspector_pool_size = r.Int(12);
  p.seed_commitment = r.Text(13);
  p.seed = r.OptText(14);
  p.status = r.Text(15);
  p.drawn_at = r.OptText(16);
  p.published_at = r.OptText(17);
  p.created_at = r.Text(18);
  p.updated_at = r.Text(19);
  p.org_pool = ParseOrgPool(r.Text(20));
  p.inspector_pool = ParseInspectorPool(r.Text(21));
  p.conflicts = ParseConflicts(r.Text(22));
  if (auto s = r.OptText(23)) p.selections = ParseSelections(*s);
  return p;
}

struct Where {
  std::string sql;
  std::vector<store::Value> params;
};

Where ListWhere(const PlanFilter& f, const common::Scope& scope) {
  common::ScopeFilter visible = common::Visible(scope, kPlanRows);
  if (f.status) visible.Add(" AND p.status = ?", *f.status);
  if (f.q) {
    visible.Add(" AND lower(p.name) LIKE ?" + std::string(common::kLikeEscape),
                common::ContainsPattern(*f.q));
  }
  return {" WHERE " + visible.sql, visible.params};
}

}  // namespace

std::vector<std::string> InspectionRepo::OrgPool(const common::Scope& scope, const OrgFilter& f) {
  common::ScopeFilter where = common::Visible(scope, kOrgRows);
  if (f.region_code) {
    where.Add(" AND o.region_code IN (SELECT descendant FROM region_closure WHERE ancestor = ?)",
              *f.region_code);
  }
  if (f.org_type) where.Add(" AND o.org_type = ?", *f.org_type);
  if (f.category) {
    where.Add(" AND o.id IN (SELECT org_id FROM org_categories WHERE category = ?)", *f.category);
  }
  auto stmt = session_.Prepare(
      "SELECT o.uscc FROM orgs o WHERE o.status = 'registered' AND o.import_id IS NULL AND " +
      where.sql);
  stmt.BindAll(where.params);
  auto out = Collect<std::string>(stmt, [](const store::Row& r) { return r.Text(0); });
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::int64_t> InspectionRepo::InspectorPool(std::int64_t unit_id) {
  auto stmt = session_.Prepare(
      "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'inspector' "
      "WHERE u.disabled = 0 AND EXISTS (SELECT 1 FROM unit_closure c WHERE c.ancestor = ? "
      "AND c.descendant = u.unit_id) ORDER BY u.id");
  stmt.BindAll({unit_id});
  return Collect<std::int64_t>(stmt, [](const store::Row& r) { return r.Int(0); });
}

std::vector<Conflict> InspectionRepo::StandingConflicts(const std::vector<std::int64_t>& ids) {
  std::vector<Conflict> out;
  for (std::size_t from = 0; from < ids.size(); from += kInBatch) {
    const std::size_t n = std::min(kInBatch, ids.size() - from);
    auto stmt = session_.Prepare("SELECT user_id, uscc FROM user_conflicts WHERE user_id IN (" +
                                 Placeholders(n) + ")");
    std::vector<store::Value> params(ids.begin() + from, ids.begin() + from + n);
    stmt.BindAll(params);
    while (stmt.Next()) out.push_back({stmt.row().Int(0), stmt.row().Text(1)});
  }
  return out;
}

int InspectionRepo::UnitRegionLevel(std::int64_t unit_id) {
  auto stmt = session_.Prepare(
      "SELECT r.level FROM units u JOIN regions r ON r.code = u.region_code WHERE u.id = ?");
  stmt.BindAll({unit_id});
  return stmt.Next() ? static_cast<int>(stmt.row().Int(0)) : 0;
}

std::int64_t InspectionRepo::InsertPlan(const PlanRow& row, std::string_view now) {
  const NewPlan& in = row.input;
  auto stmt = session_.Prepare(
      "INSERT INTO inspection_plans (name, unit_id, created_by_user_id, inspector_unit_id, "
      "sample_size, inspectors_per_team, org_filter, org_pool, inspector_pool, conflicts, "
      "org_pool_size, inspector_pool_size, seed_commitment, seed_sealed, status, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?) "
      "RETURNING id");
  stmt.BindAll({in.name, row.unit_id, row.created_by_user_id, in.inspector_unit_id, in.sample_size,
                in.inspectors_per_team, OrgFilterText(in.org_filter), OrgPoolText(row.org_pool),
                InspectorPoolText(row.inspector_pool), ConflictsText(row.conflicts),
                static_cast<std::int64_t>(row.org_pool.size()),
                static_cast<std::int64_t>(row.inspector_pool.size()), row.seed_commitment,
                row.seed_sealed, std::string(now), std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

std::optional<Plan> InspectionRepo::FindWhere(const std::string& where,
                                              const std::vector<store::Value>& params) {
  auto stmt = session_.Prepare(PlanSelect(true) + where);
  stmt.BindAll(params);
  if (!stmt.Next()) return std::nullopt;
  return ReadPlan(stmt.row());
}

std::optional<Plan> InspectionRepo::FindInScope(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kPlanRows);
  return FindWhere("WHERE p.id = ? AND " + visible.sql, visible.After({id}));
}

std::optional<Plan> InspectionRepo::FindPublic(std::int64_t id) {
  return FindWhere("WHERE p.id = ?", {id});
}

std::string InspectionRepo::SealedSeed(std::int64_t id) {
  auto stmt = session_.Prepare("SELECT seed_sealed FROM inspection_plans WHERE id = ?");
  stmt.BindAll({id});
  return stmt.Next() ? stmt.row().Text(0) : std::string();
}

std::vector<Plan> InspectionRepo::List(const PlanFilter& filter, const common::Scope& scope,
                                       std::int64_t limit, std::int64_t offset) {
  Where w = ListWhere(filter, scope);
  auto stmt = session_.Prepare(PlanSelect(false) + w.sql + " ORDER BY p.id DESC LIMIT ? OFFSET ?");
  w.params.emplace_back(limit);
  w.params.emplace_back(offset);
  stmt.BindAll(w.params);
  return Collect<Plan>(stmt, ReadPlan);
}

std::int64_t InspectionRepo::Count(const PlanFilter& filter, const common::Scope& scope) {
  const Where w = ListWhere(filter, scope);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM inspection_plans p" + w.sql);
  stmt.BindAll(w.params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<Plan> InspectionRepo::ListDrawn(std::int64_t limit, std::int64_t offset) {
  auto stmt = session_.Prepare(PlanSelect(false) +
                               "WHERE p.status <> 'planned' ORDER BY p.drawn_at DESC, p.id DESC "
                               "LIMIT ? OFFSET ?");
  stmt.BindAll({limit, offset});
  return Collect<Plan>(stmt, ReadPlan);
}

std::int64_t InspectionRepo::CountDrawn() {
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM inspection_plans WHERE status <> 'planned'");
  stmt.Next();
  return stmt.row().Int(0);
}

bool InspectionRepo::MarkDrawn(std::int64_t id, const std::string& seed_hex,
                               const std::vector<Selection>& selections, std::string_view now) {
  return session_.Execute(
             "UPDATE inspection_plans SET status = 'drawn', seed = ?, selections = ?, "
             "drawn_at = ?, updated_at = ? WHERE id = ? AND status = 'planned'",
             {seed_hex, SelectionsText(selections), std::string(now), std::string(now), id}) == 1;
}

void InspectionRepo::InsertOutcomes(std::int64_t plan_id, const std::vector<Selection>& sel) {
  auto result = session_.Prepare(
      "INSERT INTO inspection_results (plan_id, position, uscc, org_id) VALUES "
      "(?, ?, ?, (SELECT id FROM orgs WHERE uscc = ? AND import_id IS NULL))");
  auto member = session_.Prepare(
      "INSERT INTO inspection_assignments (plan_id, uscc, inspector_id, position) "
      "VALUES (?, ?, ?, ?)");
  for (std::size_t i = 0; i < sel.size(); ++i) {
    result.BindAll({plan_id, static_cast<std::int64_t>(i + 1), sel[i].uscc, sel[i].uscc});
    result.Execute();
    for (std::size_t j = 0; j < sel[i].inspector_ids.size(); ++j) {
      member.BindAll(
          {plan_id, sel[i].uscc, sel[i].inspector_ids[j], static_cast<std::int64_t>(j + 1)});
      member.Execute();
    }
  }
}

std::vector<Outcome> InspectionRepo::Outcomes(std::int64_t plan_id) {
  auto stmt = session_.Prepare(
      "SELECT r.position, r.uscc, r.org_id, COALESCE(o.name, ''), r.result, r.findings, "
      "r.recorded_by_user_id, r.recorded_at FROM inspection_results r "
      "LEFT JOIN orgs o ON o.id = r.org_id WHERE r.plan_id = ? ORDER BY r.position");
  stmt.BindAll({plan_id});
  std::vector<Outcome> out = Collect<Outcome>(stmt, [](const store::Row& r) {
    return Outcome{r.Int(0), r.Text(1),    r.OptInt(2), r.Text(3),   {},
                   {},       r.OptText(4), r.Text(5),   r.OptInt(6), r.OptText(7)};
  });
  std::map<std::string, Outcome*> by_uscc;
  for (Outcome& o : out) by_uscc[o.uscc] = &o;
  auto team = session_.Prepare(
      "SELECT a.uscc, a.inspector_id, COALESCE(u.display_name, '') FROM inspection_assignments a "
      "LEFT JOIN users u ON u.id = a.inspector_id WHERE a.plan_id = ? ORDER BY a.uscc, a.position");
  team.BindAll({plan_id});
  while (team.Next()) {
    const store::Row r = team.row();
    auto it = by_uscc.find(r.Text(0));
    if (it == by_uscc.end()) continue;
    it->second->inspector_ids.push_back(r.Int(1));
    it->second->inspector_names.push_back(r.Text(2));
  }
  return out;
}

bool InspectionRepo::IsAssigned(std::int64_t plan_id, const std::string& uscc,
                                std::int64_t user_id) {
  auto stmt = session_.Prepare(
      "SELECT 1 FROM inspection_assignments WHERE plan_id = ? AND uscc = ? AND inspector_id = ?");
  stmt.BindAll({plan_id, uscc, user_id});
  return stmt.Next();
}

bool InspectionRepo::RecordResult(std::int64_t plan_id, const std::string& uscc,
                                  const std::string& result, const std::string& findings,
                                  std::int64_t by_user_id, std::string_view now) {
  return session_.Execute(
             "UPDATE inspection_results SET result = ?, findings = ?, recorded_by_user_id = ?, "
             "recorded_at = ? WHERE plan_id = ? AND uscc = ? AND EXISTS (SELECT 1 FROM "
             "inspection_plans p WHERE p.id = ? AND p.status = 'drawn')",
             {result, findings, by_user_id, std::string(now), plan_id, uscc, plan_id}) == 1;
}

bool InspectionRepo::MarkPublished(std::int64_t id, std::string_view now) {
  return session_.Execute(
             "UPDATE inspection_plans SET status = 'published', published_at = ?, updated_at = ? "
             "WHERE id = ? AND status = 'drawn'",
             {std::string(now), std::string(now), id}) == 1;
}

namespace {

// The assignments of one inspector: its rows joined to their plans and results.
constexpr std::string_view kAssignmentsFrom =
    "FROM inspection_assignments a JOIN inspection_plans p ON p.id = a.plan_id "
    "JOIN inspection_results r ON r.plan_id = a.plan_id AND r.uscc = a.uscc ";

std::string AssignmentsWhere(bool pending_only) {
  return std::string("WHERE a.inspector_id = ?") +
         (pending_only ? " AND r.result IS NULL AND p.status = 'drawn'" : "");
}

}  // namespace

std::vector<Assignment> InspectionRepo::Assignments(std::int64_t user_id, bool pending_only,
                                                    std::int64_t limit, std::int64_t offset) {
  auto stmt = session_.Prepare(
      "SELECT p.id, p.name, p.status, r.position, r.uscc, r.org_id, COALESCE(o.name, ''), "
      "r.result, r.findings, r.recorded_by_user_id, r.recorded_at " +
      std::string(kAssignmentsFrom) + "LEFT JOIN orgs o ON o.id = r.org_id " +
      AssignmentsWhere(pending_only) + " ORDER BY p.id DESC, r.position LIMIT ? OFFSET ?");
  stmt.BindAll({user_id, limit, offset});
  return Collect<Assignment>(stmt, [](const store::Row& r) {
    return Assignment{r.Int(0), r.Text(1), r.Text(2),
                      Outcome{r.Int(3),
                              r.Text(4),
                              r.OptInt(5),
                              r.Text(6),
                              {},
                              {},
                              r.OptText(7),
                              r.Text(8),
                              r.OptInt(9),
                              r.OptText(10)}};
  });
}

std::int64_t InspectionRepo::CountAssignments(std::int64_t user_id, bool pending_only) {
  auto stmt = session_.Prepare("SELECT COUNT(*) " + std::string(kAssignmentsFrom) +
                               AssignmentsWhere(pending_only));
  stmt.BindAll({user_id});
  return stmt.Next() ? stmt.row().Int(0) : 0;
}

std::int64_t InspectionRepo::PendingCount(std::int64_t user_id) {
  auto stmt = session_.Prepare(
      "SELECT COUNT(*) FROM inspection_assignments a JOIN inspection_plans p ON p.id = a.plan_id "
      "JOIN inspection_results r ON r.plan_id = a.plan_id AND r.uscc = a.uscc "
      "WHERE a.inspector_id = ? AND r.result IS NULL AND p.status = 'drawn'");
  stmt.BindAll({user_id});
  stmt.Next();
  return stmt.row().Int(0);
}

std::optional<std::int64_t> InspectionRepo::UserUnitInScope(const common::Scope& scope,
                                                            std::int64_t user_id) {
  const common::ScopeFilter visible = common::Visible(scope, account::kUserRows);
  auto stmt = session_.Prepare("SELECT u.unit_id FROM users u WHERE u.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({user_id}));
  if (!stmt.Next()) return std::nullopt;
  return stmt.row().Int(0);
}

std::optional<std::int64_t> InspectionRepo::InsertUserConflict(std::int64_t user_id,
                                                               const std::string& uscc,
                                                               std::int64_t unit_id,
                                                               std::int64_t by_user_id,
                                                               std::string_view now) {
  return store::InsertOrConflict(
      session_,
      "INSERT INTO user_conflicts (user_id, uscc, unit_id, created_by_user_id, created_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {user_id, uscc, unit_id, by_user_id, std::string(now)});
}

std::vector<UserConflict> InspectionRepo::UserConflicts(std::int64_t user_id) {
  auto stmt = session_.Prepare(
      "SELECT c.id, c.user_id, c.uscc, COALESCE(o.name, ''), c.created_by_user_id, c.created_at "
      "FROM user_conflicts c LEFT JOIN orgs o ON o.uscc = c.uscc AND o.import_id IS NULL "
      "WHERE c.user_id = ? ORDER BY c.uscc");
  stmt.BindAll({user_id});
  return Collect<UserConflict>(stmt, [](const store::Row& r) {
    return UserConflict{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5)};
  });
}

}  // namespace lianyin::domain::inspection
