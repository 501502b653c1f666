#include "domain/team/progress_repo.hpp"

#include <fmt/format.h>

#include <map>

#include "domain/team/help_repo.hpp"
#include "domain/team/team_repo.hpp"

namespace lianyin::domain::team {
namespace {

// Sums as BIGINT on both engines (PostgreSQL's SUM(bigint) is numeric), zero over no rows.
std::string Sum(std::string_view expr) {
  return fmt::format("CAST(COALESCE(SUM({}), 0) AS BIGINT)", expr);
}

const std::string kDirect =
    Sum("CASE WHEN c.kind = 'direct_purchase' THEN c.amount_fen ELSE 0 END");
const std::string kSales = Sum("CASE WHEN c.kind = 'sales_helped' THEN c.amount_fen ELSE 0 END");

// " AND p.year = ?" with its parameter, or nothing.
std::string PlanYear(std::optional<std::int64_t> year, std::vector<store::Value>& params) {
  if (!year) return "";
  params.emplace_back(*year);
  return " AND p.year = ?";
}

}  // namespace

Progress ProgressRepo::Of(std::int64_t team_id, std::optional<std::int64_t> year) {
  Progress out;
  std::vector<store::Value> params{team_id};
  std::string sql = "SELECT " + Sum("p.projects_planned") + ", " + Sum("p.funds_planned_fen") +
                    " FROM team_plans p WHERE p.team_id = ?" + PlanYear(year, params);
  auto plans = session_.Prepare(sql);
  plans.BindAll(params);
  plans.Next();
  out.planned = {plans.row().Int(0), plans.row().Int(1)};

  params = {team_id};
  sql = "SELECT COUNT(*), " + Sum("h.funds_fen") + ", " + Sum("h.beneficiaries") +
        " FROM help_projects h WHERE h.team_id = ?" + YearClause("h.started_on", year, params);
  auto help = session_.Prepare(sql);
  help.BindAll(params);
  help.Next();
  out.actual.projects = help.row().Int(0);
  out.actual.funds_fen = help.row().Int(1);
  out.actual.beneficiaries = help.row().Int(2);

  params = {team_id};
  sql = "SELECT " + kDirect + ", " + kSales + " FROM team_consumption c WHERE c.team_id = ?" +
        YearClause("c.on_date", year, params);
  auto consumption = session_.Prepare(sql);
  consumption.BindAll(params);
  consumption.Next();
  out.actual.direct_purchase_fen = consumption.row().Int(0);
  out.actual.sales_helped_fen = consumption.row().Int(1);
  return out;
}

std::vector<YearRow> ProgressRepo::ByYear(std::int64_t team_id) {
  std::map<std::int64_t, Progress> years;
  auto plans = session_.Prepare(
      "SELECT year, projects_planned, funds_planned_fen FROM team_plans WHERE team_id = ?");
  plans.Bind(0, team_id);
  while (plans.Next()) years[plans.row().Int(0)].planned = {plans.row().Int(1), plans.row().Int(2)};
  auto help = session_.Prepare("SELECT CAST(substr(h.started_on, 1, 4) AS INTEGER), COUNT(*), " +
                               Sum("h.funds_fen") + ", " + Sum("h.beneficiaries") +
                               " FROM help_projects h WHERE h.team_id = ? GROUP BY 1");
  help.Bind(0, team_id);
  while (help.Next()) {
    Actual& a = years[help.row().Int(0)].actual;
    a.projects = help.row().Int(1);
    a.funds_fen = help.row().Int(2);
    a.beneficiaries = help.row().Int(3);
  }
  auto consumption =
      session_.Prepare("SELECT CAST(substr(c.on_date, 1, 4) AS INTEGER), " + kDirect + ", " +
                       kSales + " FROM team_consumption c WHERE c.team_id = ? GROUP BY 1");
  consumption.Bind(0, team_id);
  while (consumption.Next()) {
    Actual& a = years[consumption.row().Int(0)].actual;
    a.direct_purchase_fen = consumption.row().Int(1);
    a.sales_helped_fen = consumption.row().Int(2);
  }
  std::vector<YearRow> out;
  for (const auto& [year, progress] : years) out.push_back({year, progress});
  return out;
}

std::vector<CountyRow> ProgressRepo::ByCounty(std::int64_t team_id,
                                              std::optional<std::int64_t> year) {
  std::vector<CountyRow> out;
  std::map<std::string, std::size_t> at;
  const auto row = [&](const std::string& code, const std::string& name) -> CountyRow& {
    auto [it, added] = at.try_emplace(code, out.size());
    if (added) out.push_back({code, name, false, {}});
    return out[it->second];
  };
  auto paired = session_.Prepare(
      "SELECT c.county_code, COALESCE(g.name, '') FROM team_counties c LEFT JOIN regions g ON "
      "g.code = c.county_code WHERE c.team_id = ? ORDER BY c.county_code");
  paired.Bind(0, team_id);
  while (paired.Next()) row(paired.row().Text(0), paired.row().Text(1)).paired = true;
  std::vector<store::Value> params{team_id};
  auto help = session_.Prepare(
      "SELECT h.county_code, COALESCE(g.name, ''), COUNT(*), " + Sum("h.funds_fen") + ", " +
      Sum("h.beneficiaries") +
      " FROM help_projects h LEFT JOIN regions g ON g.code = h.county_code WHERE h.team_id = ?" +
      YearClause("h.started_on", year, params) + " GROUP BY h.county_code, g.name ORDER BY 1");
  help.BindAll(params);
  while (help.Next()) {
    const store::Row r = help.row();
    Actual& a = row(r.Text(0), r.Text(1)).actual;
    a.projects = r.Int(2);
    a.funds_fen = r.Int(3);
    a.beneficiaries = r.Int(4);
  }
  params = {team_id};
  auto consumption = session_.Prepare(
      "SELECT c.county_code, COALESCE(g.name, ''), " + kDirect + ", " + kSales +
      " FROM team_consumption c LEFT JOIN regions g ON g.code = c.county_code WHERE "
      "c.team_id = ?" +
      YearClause("c.on_date", year, params) + " GROUP BY c.county_code, g.name ORDER BY 1");
  consumption.BindAll(params);
  while (consumption.Next()) {
    const store::Row r = consumption.row();
    Actual& a = row(r.Text(0), r.Text(1)).actual;
    a.direct_purchase_fen = r.Int(2);
    a.sales_helped_fen = r.Int(3);
  }
  return out;
}

std::vector<MemberRow> ProgressRepo::ByMember(std::int64_t team_id,
                                              std::optional<std::int64_t> year) {
  std::vector<store::Value> params;
  const std::string in_year = YearClause("h.started_on", year, params);
  params.emplace_back(team_id);
  // A project counts for a member when the member takes part; "shared" when someone else does
  // too. The LEFT JOIN keeps members with no project in the year.
  auto stmt = session_.Prepare(
      "SELECT m.org_id, COALESCE(o.name, ''), m.lead, COUNT(h.id), "
      "CAST(COALESCE(SUM(CASE WHEN h.id IS NOT NULL AND EXISTS (SELECT 1 FROM "
      "help_project_members y WHERE y.help_project_id = h.id AND y.org_id <> m.org_id) THEN 1 "
      "ELSE 0 END), 0) AS BIGINT), " +
      Sum("h.funds_fen") + ", " + Sum("h.beneficiaries") +
      " FROM team_members m LEFT JOIN orgs o ON o.id = m.org_id "
      "LEFT JOIN help_project_members x ON x.org_id = m.org_id "
      "LEFT JOIN help_projects h ON h.id = x.help_project_id AND h.team_id = m.team_id" +
      in_year +
      " WHERE m.team_id = ? GROUP BY m.org_id, o.name, m.lead ORDER BY m.lead DESC, m.org_id");
  stmt.BindAll(params);
  std::vector<MemberRow> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back({{r.Int(0), r.Text(1), r.Bool(2)}, r.Int(3), r.Int(4), r.Int(5), r.Int(6)});
  }
  return out;
}

std::vector<OverviewRow> ProgressRepo::Overview(const common::Scope& scope,
                                                const std::optional<std::string>& region_code,
                                                std::optional<std::int64_t> year) {
  std::vector<store::Value> params;
  const std::string plan_year = PlanYear(year, params);
  const std::string help_year = YearClause("h.started_on", year, params);
  const std::string consumption_year = YearClause("c.on_date", year, params);
  const common::ScopeFilter visible = common::Visible(scope, kTeamRows);
  params = visible.After(std::move(params));
  std::string sql =
      "SELECT t.id, t.name, t.domain, t.lead_org_id, COALESCE(o.name, ''), "
      "(SELECT COUNT(*) FROM team_members m WHERE m.team_id = t.id), "
      "(SELECT COUNT(*) FROM team_counties k WHERE k.team_id = t.id), "
      "COALESCE(pl.projects, 0), COALESCE(pl.funds, 0), COALESCE(hp.projects, 0), "
      "COALESCE(hp.funds, 0), COALESCE(hp.beneficiaries, 0), COALESCE(cs.direct, 0), "
      "COALESCE(cs.sales, 0) FROM teams t JOIN orgs o ON o.id = t.lead_org_id "
      "LEFT JOIN (SELECT p.team_id, " +
      Sum("p.projects_planned") + " AS projects, " + Sum("p.funds_planned_fen") +
      " AS funds FROM team_plans p WHERE 1 = 1" + plan_year +
      " GROUP BY p.team_id) pl ON pl.team_id = t.id "
      "LEFT JOIN (SELECT h.team_id, COUNT(*) AS projects, " +
      Sum("h.funds_fen") + " AS funds, " + Sum("h.beneficiaries") +
      " AS beneficiaries FROM help_projects h WHERE 1 = 1" + help_year +
      " GROUP BY h.team_id) hp ON hp.team_id = t.id "
      "LEFT JOIN (SELECT c.team_id, " +
      kDirect + " AS direct, " + kSales + " AS sales FROM team_consumption c WHERE 1 = 1" +
      consumption_year + " GROUP BY c.team_id) cs ON cs.team_id = t.id WHERE " + visible.sql;
  if (region_code) {
    sql += " AND o.region_code IN (SELECT descendant FROM region_closure WHERE ancestor = ?)";
    params.emplace_back(*region_code);
  }
  auto stmt = session_.Prepare(sql + " ORDER BY t.id");
  stmt.BindAll(params);
  std::vector<OverviewRow> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back({r.Int(0),
                   r.Text(1),
                   r.Text(2),
                   r.Int(3),
                   r.Text(4),
                   r.Int(5),
                   r.Int(6),
                   {{r.Int(7), r.Int(8)}, {r.Int(9), r.Int(10), r.Int(11), r.Int(12), r.Int(13)}}});
  }
  return out;
}

}  // namespace lianyin::domain::team
