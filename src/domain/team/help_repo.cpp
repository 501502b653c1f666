#include "domain/team/help_repo.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "domain/common/sql_text.hpp"
#include "domain/team/team_repo.hpp"

namespace lianyin::domain::team {
namespace {

using common::kInBatch;
using common::Placeholders;

constexpr const char* kHelpSelect =
    "SELECT h.id, h.team_id, COALESCE(t.name, ''), h.title, h.county_code, COALESCE(g.name, ''), "
    "h.funds_fen, h.beneficiaries, h.started_on, h.created_at, h.updated_at FROM help_projects h "
    "JOIN teams t ON t.id = h.team_id LEFT JOIN regions g ON g.code = h.county_code ";

HelpProject ReadHelp(const store::Row& r) {
  HelpProject h;
  h.id = r.Int(0);
  h.team_id = r.Int(1);
  h.team_name = r.Text(2);
  h.title = r.Text(3);
  h.county_code = r.Text(4);
  h.county_name = r.Text(5);
  h.funds_fen = r.Int(6);
  h.beneficiaries = r.Int(7);
  h.started_on = r.Text(8);
  h.created_at = r.Text(9);
  h.updated_at = r.Text(10);
  return h;
}

constexpr const char* kConsumptionSelect =
    "SELECT c.id, c.team_id, c.on_date, c.kind, c.amount_fen, c.county_code, "
    "COALESCE(g.name, ''), c.created_at FROM team_consumption c "
    "LEFT JOIN regions g ON g.code = c.county_code ";

Consumption ReadConsumption(const store::Row& r) {
  return {r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5), r.Text(6), r.Text(7)};
}

// The WHERE of a team's parts over `alias`'s date column and county.
std::string PartWhere(std::string_view alias, std::string_view date_column, std::int64_t team_id,
                      const PartFilter& f, std::vector<store::Value>& params) {
  std::string sql = fmt::format("WHERE {}.team_id = ?", alias);
  params.emplace_back(team_id);
  sql += YearClause(fmt::format("{}.{}", alias, date_column), f.year, params);
  if (f.county_code) {
    sql += fmt::format(" AND {}.county_code = ?", alias);
    params.emplace_back(*f.county_code);
  }
  return sql;
}

// "EXISTS: org_id takes part" AND the team is visible, and its parameters.
std::string OrgWhere(const common::Scope& scope, std::int64_t org_id,
                     std::vector<store::Value>& params) {
  const common::ScopeFilter visible = common::Visible(scope, kTeamRows);
  params = visible.After({org_id});
  return "WHERE EXISTS (SELECT 1 FROM help_project_members x WHERE x.help_project_id = h.id AND "
         "x.org_id = ?) AND " +
         visible.sql;
}

}  // namespace

std::string YearClause(std::string_view column, std::optional<std::int64_t> year,
                       std::vector<store::Value>& params) {
  if (!year) return "";
  params.emplace_back(fmt::format("{:04d}-01-01", *year));
  params.emplace_back(fmt::format("{:04d}-12-31", *year));
  return fmt::format(" AND {} BETWEEN ? AND ?", column);
}

std::int64_t HelpRepo::Insert(std::int64_t team_id, const NewHelpProject& p, std::int64_t by_user,
                              std::string_view now) {
  return store::InsertOrConflict(
             session_,
             "INSERT INTO help_projects (team_id, title, county_code, funds_fen, beneficiaries, "
             "started_on, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {team_id, p.title, p.county_code, p.funds_fen, p.beneficiaries, p.started_on, by_user,
              std::string(now), std::string(now)})
      .value();  // no unique key but the id
}

void HelpRepo::Lock(std::int64_t id) {
  session_.Execute("UPDATE help_projects SET updated_at = updated_at WHERE id = ?", {id});
}

void HelpRepo::Update(const HelpProject& p, std::string_view now) {
  session_.Execute(
      "UPDATE help_projects SET title = ?, county_code = ?, funds_fen = ?, beneficiaries = ?, "
      "started_on = ?, updated_at = ? WHERE id = ?",
      {p.title, p.county_code, p.funds_fen, p.beneficiaries, p.started_on, std::string(now), p.id});
}

void HelpRepo::ReplaceMembers(std::int64_t project_id, const std::vector<std::int64_t>& org_ids) {
  session_.Execute("DELETE FROM help_project_members WHERE help_project_id = ?", {project_id});
  std::set<std::int64_t> seen;
  for (std::int64_t org : org_ids) {
    if (!seen.insert(org).second) continue;
    session_.Execute("INSERT INTO help_project_members (help_project_id, org_id) VALUES (?, ?)",
                     {project_id, org});
  }
}

void HelpRepo::Complete(std::vector<HelpProject>& projects) {
  std::map<std::int64_t, HelpProject*> by_id;
  std::vector<std::int64_t> ids;
  for (HelpProject& p : projects) {
    by_id[p.id] = &p;
    ids.push_back(p.id);
  }
  for (std::size_t start = 0; start < ids.size(); start += kInBatch) {
    const std::size_t n = std::min(kInBatch, ids.size() - start);
    auto stmt = session_.Prepare(
        "SELECT x.help_project_id, x.org_id, COALESCE(o.name, ''), "
        "CASE WHEN t.lead_org_id = x.org_id THEN 1 ELSE 0 END FROM help_project_members x "
        "JOIN help_projects h ON h.id = x.help_project_id JOIN teams t ON t.id = h.team_id "
        "LEFT JOIN orgs o ON o.id = x.org_id WHERE x.help_project_id IN (" +
        Placeholders(n) + ") ORDER BY x.help_project_id, 4 DESC, x.org_id");
    for (std::size_t i = 0; i < n; ++i) stmt.Bind(static_cast<int>(i), ids[start + i]);
    while (stmt.Next()) {
      const store::Row r = stmt.row();
      by_id[r.Int(0)]->members.push_back({r.Int(1), r.Text(2), r.Bool(3)});
    }
  }
}

std::optional<HelpProject> HelpRepo::Find(std::int64_t team_id, std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kHelpSelect) + "WHERE h.id = ? AND h.team_id = ?");
  stmt.BindAll({id, team_id});
  if (!stmt.Next()) return std::nullopt;
  std::vector<HelpProject> one{ReadHelp(stmt.row())};
  Complete(one);
  return std::move(one.front());
}

std::vector<HelpProject> HelpRepo::List(std::int64_t team_id, const PartFilter& filter,
                                        std::int64_t limit, std::int64_t offset) {
  std::vector<store::Value> params;
  const std::string where = PartWhere("h", "started_on", team_id, filter, params);
  params.emplace_back(limit);
  params.emplace_back(offset);
  auto stmt = session_.Prepare(std::string(kHelpSelect) + where +
                               " ORDER BY h.started_on, h.id LIMIT ? OFFSET ?");
  stmt.BindAll(params);
  std::vector<HelpProject> out = common::Collect<HelpProject>(stmt, ReadHelp);
  Complete(out);
  return out;
}

std::int64_t HelpRepo::Count(std::int64_t team_id, const PartFilter& filter) {
  std::vector<store::Value> params;
  const std::string where = PartWhere("h", "started_on", team_id, filter, params);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM help_projects h " + where);
  stmt.BindAll(params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<HelpProject> HelpRepo::OfOrg(const common::Scope& scope, std::int64_t org_id,
                                         std::int64_t limit, std::int64_t offset) {
  std::vector<store::Value> params;
  const std::string where = OrgWhere(scope, org_id, params);
  params.emplace_back(limit);
  params.emplace_back(offset);
  auto stmt = session_.Prepare(std::string(kHelpSelect) + where +
                               " ORDER BY h.started_on DESC, h.id DESC LIMIT ? OFFSET ?");
  stmt.BindAll(params);
  std::vector<HelpProject> out = common::Collect<HelpProject>(stmt, ReadHelp);
  Complete(out);
  return out;
}

std::int64_t HelpRepo::CountOfOrg(const common::Scope& scope, std::int64_t org_id) {
  std::vector<store::Value> params;
  const std::string where = OrgWhere(scope, org_id, params);
  auto stmt = session_.Prepare(
      "SELECT COUNT(*) FROM help_projects h JOIN teams t ON t.id = h.team_id " + where);
  stmt.BindAll(params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::int64_t HelpRepo::InsertConsumption(std::int64_t team_id, const NewConsumption& c,
                                         std::int64_t by_user, std::string_view now) {
  return store::InsertOrConflict(
             session_,
             "INSERT INTO team_consumption (team_id, on_date, kind, amount_fen, county_code, "
             "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
             {team_id, c.on, c.kind, c.amount_fen, c.county_code, by_user, std::string(now)})
      .value();
}

std::optional<Consumption> HelpRepo::FindConsumption(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kConsumptionSelect) + "WHERE c.id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  return ReadConsumption(stmt.row());
}

std::vector<Consumption> HelpRepo::Consumptions(std::int64_t team_id, const PartFilter& filter,
                                                std::int64_t limit, std::int64_t offset) {
  std::vector<store::Value> params;
  const std::string where = PartWhere("c", "on_date", team_id, filter, params);
  params.emplace_back(limit);
  params.emplace_back(offset);
  auto stmt = session_.Prepare(std::string(kConsumptionSelect) + where +
                               " ORDER BY c.on_date, c.id LIMIT ? OFFSET ?");
  stmt.BindAll(params);
  return common::Collect<Consumption>(stmt, ReadConsumption);
}

std::int64_t HelpRepo::CountConsumptions(std::int64_t team_id, const PartFilter& filter) {
  std::vector<store::Value> params;
  const std::string where = PartWhere("c", "on_date", team_id, filter, params);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM team_consumption c " + where);
  stmt.BindAll(params);
  stmt.Next();
  return stmt.row().Int(0);
}

}  // namespace lianyin::domain::team
