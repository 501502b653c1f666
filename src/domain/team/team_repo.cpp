#include "domain/team/team_repo.hpp"

#include <algorithm>

#include "domain/common/sql_text.hpp"

namespace lianyin::domain::team {
namespace {

using common::kInBatch;
using common::Placeholders;

constexpr const char* kTeamSelect =
    "SELECT t.id, t.name, t.domain, t.lead_org_id, COALESCE(o.name, ''), "
    "COALESCE(o.region_code, ''), t.unit_id, COALESCE(u.name, ''), t.created_at, t.updated_at ";
constexpr const char* kTeamFrom =
    "FROM teams t LEFT JOIN orgs o ON o.id = t.lead_org_id LEFT JOIN units u ON u.id = t.unit_id ";

Team ReadTeam(const store::Row& r) {
  Team t;
  t.id = r.Int(0);
  t.name = r.Text(1);
  t.domain = r.Text(2);
  t.lead_org_id = r.Int(3);
  t.lead_org_name = r.Text(4);
  t.lead_region_code = r.Text(5);
  t.unit_id = r.Int(6);
  t.unit_name = r.Text(7);
  t.created_at = r.Text(8);
  t.updated_at = r.Text(9);
  return t;
}

constexpr const char* kPlanSelect =
    "SELECT id, team_id, year, projects_planned, funds_planned_fen, created_at, updated_at "
    "FROM team_plans ";

Plan ReadPlan(const store::Row& r) {
  return {r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Text(5), r.Text(6)};
}

// Runs `sql_head` + "(?, …)" + `sql_tail` over `ids` in batches, calling `read` per row.
template <class Id, class Read>
void InBatches(store::Session& session, const std::vector<Id>& ids, const std::string& sql_head,
               const std::string& sql_tail, Read read) {
  for (std::size_t start = 0; start < ids.size(); start += kInBatch) {
    const std::size_t n = std::min(kInBatch, ids.size() - start);
    auto stmt = session.Prepare(sql_head + "(" + Placeholders(n) + ")" + sql_tail);
    for (std::size_t i = 0; i < n; ++i) stmt.Bind(static_cast<int>(i), ids[start + i]);
    while (stmt.Next()) read(stmt.row());
  }
}

}  // namespace

std::map<std::int64_t, OrgRef> TeamRepo::FindPublicOrgs(const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, OrgRef> out;
  InBatches(session_, ids,
            "SELECT id, name, region_code FROM orgs WHERE import_id IS NULL AND id IN ", "",
            [&](const store::Row& r) {
              out[r.Int(0)] = {r.Int(0), r.Text(1), r.Text(2)};
            });
  return out;
}

std::set<std::string> TeamRepo::KnownCounties(const std::vector<std::string>& codes) {
  std::set<std::string> out;
  InBatches(session_, codes, "SELECT code FROM regions WHERE level = 3 AND code IN ", "",
            [&](const store::Row& r) { out.insert(r.Text(0)); });
  return out;
}

std::int64_t TeamRepo::Insert(const NewTeam& team, std::int64_t unit_id, std::int64_t by_user,
                              std::string_view now) {
  auto id = store::InsertOrConflict(
      session_,
      "INSERT INTO teams (name, domain, lead_org_id, unit_id, created_by, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {team.name, team.domain, team.lead_org_id, unit_id, by_user, std::string(now),
       std::string(now)});
  return id.value();  // teams have no unique key but the id
}

void TeamRepo::Lock(std::int64_t id) {
  session_.Execute("UPDATE teams SET updated_at = updated_at WHERE id = ?", {id});
}

void TeamRepo::Update(std::int64_t id, const std::string& name, const std::string& domain,
                      std::int64_t lead_org_id, std::string_view now) {
  session_.Execute(
      "UPDATE teams SET name = ?, domain = ?, lead_org_id = ?, updated_at = ? WHERE id = ?",
      {name, domain, lead_org_id, std::string(now), id});
}

void TeamRepo::ReplaceMembers(std::int64_t team_id, std::int64_t lead,
                              const std::vector<std::int64_t>& others) {
  session_.Execute("DELETE FROM team_members WHERE team_id = ?", {team_id});
  session_.Execute("INSERT INTO team_members (team_id, org_id, lead) VALUES (?, ?, 1)",
                   {team_id, lead});
  std::set<std::int64_t> seen{lead};
  for (std::int64_t org : others) {
    if (!seen.insert(org).second) continue;
    session_.Execute("INSERT INTO team_members (team_id, org_id, lead) VALUES (?, ?, 0)",
                     {team_id, org});
  }
}

void TeamRepo::ReplaceCounties(std::int64_t team_id, const std::vector<std::string>& codes) {
  session_.Execute("DELETE FROM team_counties WHERE team_id = ?", {team_id});
  std::set<std::string> seen;
  for (const std::string& code : codes) {
    if (!seen.insert(code).second) continue;
    session_.Execute("INSERT INTO team_counties (team_id, county_code) VALUES (?, ?)",
                     {team_id, code});
  }
}

void TeamRepo::Complete(std::vector<Team>& teams) {
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, Team*> by_id;
  for (Team& t : teams) {
    ids.push_back(t.id);
    by_id[t.id] = &t;
  }
  InBatches(session_, ids,
            "SELECT m.team_id, m.org_id, COALESCE(o.name, ''), m.lead FROM team_members m "
            "LEFT JOIN orgs o ON o.id = m.org_id WHERE m.team_id IN ",
            " ORDER BY m.team_id, m.lead DESC, m.org_id", [&](const store::Row& r) {
              by_id[r.Int(0)]->members.push_back({r.Int(1), r.Text(2), r.Bool(3)});
            });
  InBatches(session_, ids,
            "SELECT c.team_id, c.county_code, COALESCE(g.name, '') FROM team_counties c "
            "LEFT JOIN regions g ON g.code = c.county_code WHERE c.team_id IN ",
            " ORDER BY c.team_id, c.county_code", [&](const store::Row& r) {
              by_id[r.Int(0)]->counties.push_back({r.Text(1), r.Text(2)});
            });
}

std::optional<Team> TeamRepo::FindInScope(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kTeamRows);
  auto stmt =
      session_.Prepare(std::string(kTeamSelect) + kTeamFrom + "WHERE t.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  std::vector<Team> one{ReadTeam(stmt.row())};
  Complete(one);
  return std::move(one.front());
}

TeamRepo::Query TeamRepo::Where(const TeamFilter& f, const common::Scope& scope) const {
  const common::ScopeFilter visible = common::Visible(scope, kTeamRows);
  Query q{std::string(kTeamFrom) + "WHERE " + visible.sql, visible.params};
  if (f.domain) {
    q.from_where += " AND t.domain = ?";
    q.params.emplace_back(*f.domain);
  }
  if (f.org_id) {
    q.from_where +=
        " AND EXISTS (SELECT 1 FROM team_members fm WHERE fm.team_id = t.id AND fm.org_id = ?)";
    q.params.emplace_back(*f.org_id);
  }
  if (f.q && !f.q->empty()) {
    q.from_where += " AND lower(t.name) LIKE ?" + std::string(common::kLikeEscape);
    q.params.emplace_back(common::ContainsPattern(*f.q));
  }
  return q;
}

std::vector<Team> TeamRepo::List(const TeamFilter& filter, const common::Scope& scope,
                                 std::int64_t limit, std::int64_t offset) {
  Query q = Where(filter, scope);
  q.params.emplace_back(limit);
  q.params.emplace_back(offset);
  auto stmt =
      session_.Prepare(std::string(kTeamSelect) + q.from_where + " ORDER BY t.id LIMIT ? OFFSET ?");
  stmt.BindAll(q.params);
  std::vector<Team> out = common::Collect<Team>(stmt, ReadTeam);
  Complete(out);
  return out;
}

std::int64_t TeamRepo::Count(const TeamFilter& filter, const common::Scope& scope) {
  const Query q = Where(filter, scope);
  auto stmt = session_.Prepare("SELECT COUNT(*) " + q.from_where);
  stmt.BindAll(q.params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::optional<std::int64_t> TeamRepo::InsertPlan(std::int64_t team_id, const NewPlan& plan,
                                                 std::string_view now) {
  return store::InsertOrConflict(
      session_,
      "INSERT INTO team_plans (team_id, year, projects_planned, funds_planned_fen, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
      {team_id, plan.year, plan.projects_planned, plan.funds_planned_fen, std::string(now),
       std::string(now)});
}

std::optional<Plan> TeamRepo::FindPlan(std::int64_t team_id, std::int64_t year) {
  auto stmt = session_.Prepare(std::string(kPlanSelect) + "WHERE team_id = ? AND year = ?");
  stmt.BindAll({team_id, year});
  if (!stmt.Next()) return std::nullopt;
  return ReadPlan(stmt.row());
}

void TeamRepo::UpdatePlan(const Plan& plan, std::string_view now) {
  session_.Execute(
      "UPDATE team_plans SET projects_planned = ?, funds_planned_fen = ?, updated_at = ? "
      "WHERE id = ?",
      {plan.projects_planned, plan.funds_planned_fen, std::string(now), plan.id});
}

std::vector<Plan> TeamRepo::Plans(std::int64_t team_id) {
  auto stmt = session_.Prepare(std::string(kPlanSelect) + "WHERE team_id = ? ORDER BY year");
  stmt.Bind(0, team_id);
  return common::Collect<Plan>(stmt, ReadPlan);
}

}  // namespace lianyin::domain::team
