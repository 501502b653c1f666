// MatchingRepo: matching runs, their matches and unmatched demands.

#include <boost/json.hpp>

#include "domain/common/sql_text.hpp"
#include "domain/matching/matching_repo.hpp"

namespace lianyin::domain::matching {
namespace {

namespace json = boost::json;
using common::Collect;
using common::JoinCodes;
using common::kInBatch;
using common::OptValue;
using common::Placeholders;

std::string JoinIds(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (std::int64_t id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<std::int64_t> SplitIds(const std::optional<std::string>& text) {
  std::vector<std::int64_t> ids;
  if (!text) return ids;
  for (const std::string& part : common::SplitCodes(*text)) ids.push_back(std::stoll(part));
  return ids;
}

std::string ReasonsText(const std::vector<Reason>& reasons) {
  json::array out;
  for (const Reason& r : reasons) {
    json::object o{{"text", r.text}};
    if (r.points) o["points"] = *r.points;
    out.push_back(std::move(o));
  }
  return json::serialize(out);
}

std::vector<Reason> ParseReasons(const std::string& text) {
  std::vector<Reason> out;
  std::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const json::value& item : v.as_array()) {
    if (!item.is_object()) continue;
    const json::object& o = item.as_object();
    Reason r;
    if (const auto* t = o.if_contains("text"); t && t->is_string()) r.text = t->as_string();
    if (const auto* p = o.if_contains("points"); p && p->is_number())
      r.points = p->to_number<double>();
    out.push_back(std::move(r));
  }
  return out;
}

constexpr const char* kRunSelect =
    "SELECT mr.id, mr.unit_id, u.name, mr.created_by, COALESCE(cu.display_name, ''), "
    "mr.region_code, mr.category, mr.demand_ids, mr.resource_ids, mr.demands_considered, "
    "mr.resources_considered, mr.arcs, mr.matched_headcount, mr.unmatched_headcount, "
    "mr.total_cost_fen, mr.solve_ms, mr.created_at, "
    "(SELECT COUNT(*) FROM matches pm WHERE pm.run_id = mr.id AND pm.status = 'proposed') "
    "FROM matching_runs mr JOIN units u ON u.id = mr.unit_id "
    "LEFT JOIN users cu ON cu.id = mr.created_by ";

Run ReadRun(const store::Row& r) {
  Run run;
  run.id = r.Int(0);
  run.unit_id = r.Int(1);
  run.unit_name = r.Text(2);
  run.created_by = r.OptInt(3);
  run.created_by_name = r.Text(4);
  run.request.region_code = r.OptText(5);
  run.request.category = r.OptText(6);
  run.request.demand_ids = SplitIds(r.OptText(7));
  run.request.resource_ids = SplitIds(r.OptText(8));
  run.demands_considered = r.Int(9);
  run.resources_considered = r.Int(10);
  run.arcs = r.Int(11);
  run.matched_headcount = r.Int(12);
  run.unmatched_headcount = r.Int(13);
  run.total_cost_fen = r.Int(14);
  run.solve_ms = r.Int(15);
  run.created_at = r.Text(16);
  run.proposed = r.Int(17);
  return run;
}

constexpr const char* kMatchSelect =
    "SELECT m.id, m.run_id, m.demand_id, d.title, m.resource_id, s.title, m.unit_id, u.name, "
    "m.org_id, o.name, m.headcount, m.cost_fen, m.reasons, m.status, m.rating, "
    "m.rating_comment, m.project_id, m.decided_at, m.created_at, m.updated_at, m.event_id "
    "FROM matches m JOIN demands d ON d.id = m.demand_id JOIN resources s ON s.id = "
    "m.resource_id JOIN units u ON u.id = m.unit_id JOIN orgs o ON o.id = m.org_id ";

Match ReadMatch(const store::Row& r) {
  Match m;
  m.id = r.Int(0);
  m.run_id = r.Int(1);
  m.demand_id = r.Int(2);
  m.demand_title = r.Text(3);
  m.resource_id = r.Int(4);
  m.resource_title = r.Text(5);
  m.unit_id = r.Int(6);
  m.unit_name = r.Text(7);
  m.org_id = r.Int(8);
  m.org_name = r.Text(9);
  m.headcount = r.Int(10);
  m.cost_fen = r.Int(11);
  m.reasons = ParseReasons(r.Text(12));
  m.status = ParseMatchStatus(r.Text(13)).value_or(MatchStatus::kProposed);
  if (auto rating = r.OptInt(14)) m.rating = static_cast<int>(*rating);
  m.rating_comment = r.OptText(15);
  m.project_id = r.OptInt(16);
  m.decided_at = r.OptText(17);
  m.created_at = r.Text(18);
  m.updated_at = r.Text(19);
  m.event_id = r.OptInt(20);
  return m;
}

common::ScopeFilter MatchWhere(const MatchFilter& f, const common::Scope& scope) {
  common::ScopeFilter w = common::Visible(scope, kMatchRows);
  if (f.run_id) w.Add(" AND m.run_id = ?", *f.run_id);
  if (f.demand_id) w.Add(" AND m.demand_id = ?", *f.demand_id);
  if (f.resource_id) w.Add(" AND m.resource_id = ?", *f.resource_id);
  if (f.status) w.Add(" AND m.status = ?", std::string(StatusName(*f.status)));
  return w;
}

}  // namespace

std::int64_t MatchingRepo::InsertRun(const Run& run, std::optional<std::int64_t> by_user_id,
                                     std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO matching_runs (unit_id, created_by, region_code, category, demand_ids, "
      "resource_ids, demands_considered, resources_considered, arcs, matched_headcount, "
      "unmatched_headcount, total_cost_fen, solve_ms, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  const auto ids = [](const std::vector<std::int64_t>& v) {
    return v.empty() ? store::Value(store::Null{}) : store::Value(JoinIds(v));
  };
  stmt.BindAll({run.unit_id, OptValue(by_user_id), OptValue(run.request.region_code),
                OptValue(run.request.category), ids(run.request.demand_ids),
                ids(run.request.resource_ids), run.demands_considered, run.resources_considered,
                run.arcs, run.matched_headcount, run.unmatched_headcount, run.total_cost_fen,
                run.solve_ms, std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

void MatchingRepo::InsertProposals(std::int64_t run_id, const std::vector<Match>& matches,
                                   const std::vector<Unmatched>& unmatched, std::string_view now) {
  const std::string at(now);
  if (!matches.empty()) {
    auto load = session_.Load(
        "matches", {"run_id", "demand_id", "resource_id", "unit_id", "org_id", "headcount",
                    "cost_fen", "reasons", "status", "created_at", "updated_at"});
    for (const Match& m : matches) {
      load->Add({run_id, m.demand_id, m.resource_id, m.unit_id, m.org_id, m.headcount, m.cost_fen,
                 ReasonsText(m.reasons), std::string("proposed"), at, at});
    }
    load->Finish();
  }
  if (!unmatched.empty()) {
    auto load = session_.Load("matching_unmatched", {"run_id", "demand_id", "headcount", "reason"});
    for (const Unmatched& u : unmatched) load->Add({run_id, u.demand_id, u.headcount, u.reason});
    load->Finish();
  }
}

std::optional<Run> MatchingRepo::FindRun(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kRunRows);
  auto stmt = session_.Prepare(std::string(kRunSelect) + "WHERE mr.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return ReadRun(stmt.row());
}

void MatchingRepo::LoadRunParts(Run& run, const common::Scope& scope) {
  const common::ScopeFilter own_matches = common::Visible(scope, kMatchRows);
  auto matches = session_.Prepare(std::string(kMatchSelect) + "WHERE m.run_id = ? AND " +
                                  own_matches.sql + " ORDER BY m.id");
  matches.BindAll(own_matches.After({run.id}));
  run.assignments = Collect<Match>(matches, ReadMatch);
  const common::ScopeFilter own_demands = common::Visible(scope, kDemandRows);
  auto unmatched = session_.Prepare(
      "SELECT x.demand_id, d.title, x.headcount, x.reason FROM matching_unmatched x "
      "JOIN demands d ON d.id = x.demand_id WHERE x.run_id = ? AND " +
      own_demands.sql + " ORDER BY x.demand_id");
  unmatched.BindAll(own_demands.After({run.id}));
  run.unmatched.clear();
  while (unmatched.Next()) {
    const store::Row r = unmatched.row();
    run.unmatched.push_back({r.Int(0), r.Text(1), r.Int(2), r.Text(3)});
  }
}

std::vector<Run> MatchingRepo::ListRuns(const common::Scope& scope, std::int64_t limit,
                                        std::int64_t offset) {
  const common::ScopeFilter visible = common::Visible(scope, kRunRows);
  auto stmt = session_.Prepare(std::string(kRunSelect) + "WHERE " + visible.sql +
                               " ORDER BY mr.id DESC LIMIT ? OFFSET ?");
  std::vector<store::Value> params = visible.params;
  params.push_back(limit);
  params.push_back(offset);
  stmt.BindAll(params);
  std::vector<Run> out;
  while (stmt.Next()) out.push_back(ReadRun(stmt.row()));
  return out;
}

std::int64_t MatchingRepo::CountRuns(const common::Scope& scope) {
  const common::ScopeFilter visible = common::Visible(scope, kRunRows);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM matching_runs mr WHERE " + visible.sql);
  stmt.BindAll(visible.params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::optional<Match> MatchingRepo::FindMatch(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kMatchRows);
  auto stmt = session_.Prepare(std::string(kMatchSelect) + "WHERE m.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return ReadMatch(stmt.row());
}

std::vector<Match> MatchingRepo::ListMatches(const MatchFilter& f, const common::Scope& scope,
                                             std::int64_t limit, std::int64_t offset) {
  common::ScopeFilter w = MatchWhere(f, scope);
  auto stmt = session_.Prepare(std::string(kMatchSelect) + "WHERE " + w.sql +
                               " ORDER BY m.id DESC LIMIT ? OFFSET ?");
  w.params.push_back(limit);
  w.params.push_back(offset);
  stmt.BindAll(w.params);
  return Collect<Match>(stmt, ReadMatch);
}

std::int64_t MatchingRepo::CountMatches(const MatchFilter& f, const common::Scope& scope) {
  const common::ScopeFilter w = MatchWhere(f, scope);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM matches m WHERE " + w.sql);
  stmt.BindAll(w.params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<Match> MatchingRepo::RunMatches(std::int64_t run_id, MatchStatus status,
                                            const std::vector<std::int64_t>& ids) {
  const std::string head = std::string(kMatchSelect) + "WHERE m.run_id = ? AND m.status = ?";
  const std::string status_name(StatusName(status));
  if (ids.empty()) {
    auto stmt = session_.Prepare(head + " ORDER BY m.id");
    stmt.BindAll({run_id, status_name});
    return Collect<Match>(stmt, ReadMatch);
  }
  std::vector<Match> out;
  for (std::size_t start = 0; start < ids.size(); start += kInBatch) {
    const std::size_t n = std::min(kInBatch, ids.size() - start);
    auto stmt = session_.Prepare(head + " AND m.id IN (" + Placeholders(n) + ") ORDER BY m.id");
    stmt.Bind(0, run_id);
    stmt.Bind(1, status_name);
    for (std::size_t i = 0; i < n; ++i) stmt.Bind(static_cast<int>(i + 2), ids[start + i]);
    for (Match& m : Collect<Match>(stmt, ReadMatch)) out.push_back(std::move(m));
  }
  return out;
}

std::vector<Match> MatchingRepo::MatchesOf(std::string_view column, std::int64_t id,
                                           MatchStatus status) {
  auto stmt = session_.Prepare(std::string(kMatchSelect) + "WHERE m." + std::string(column) +
                               " = ? AND m.status = ? ORDER BY m.id");
  stmt.BindAll({id, std::string(StatusName(status))});
  return Collect<Match>(stmt, ReadMatch);
}

bool MatchingRepo::MoveMatch(std::int64_t id, MatchStatus from, MatchStatus to,
                             std::optional<std::int64_t> by_user_id, std::string_view now) {
  const bool decision = from == MatchStatus::kProposed;
  return session_.Execute(
             decision ? "UPDATE matches SET status = ?, decided_by = ?, decided_at = ?, "
                        "updated_at = ? WHERE id = ? AND status = ?"
                      : "UPDATE matches SET status = ?, decided_by = COALESCE(decided_by, ?), "
                        "decided_at = COALESCE(decided_at, ?), updated_at = ? WHERE id = ? AND "
                        "status = ?",
             {std::string(StatusName(to)), OptValue(by_user_id), std::string(now), std::string(now),
              id, std::string(StatusName(from))}) == 1;
}

bool MatchingRepo::Rate(std::int64_t id, const Rating& rating, std::string_view now) {
  return session_.Execute(
             "UPDATE matches SET status = 'rated', rating = ?, rating_comment = ?, updated_at = ? "
             "WHERE id = ? AND status = 'done'",
             {static_cast<std::int64_t>(rating.rating), OptValue(rating.comment), std::string(now),
              id}) == 1;
}

bool MatchingRepo::LinkProject(std::int64_t id, std::int64_t project_id, std::string_view now) {
  return session_.Execute(
             "UPDATE matches SET project_id = ?, updated_at = ? WHERE id = ? AND project_id IS "
             "NULL",
             {project_id, std::string(now), id}) == 1;
}

bool MatchingRepo::LinkEvent(std::int64_t id, std::int64_t event_id, std::string_view now) {
  return session_.Execute(
             "UPDATE matches SET event_id = ?, updated_at = ? WHERE id = ? AND event_id IS NULL",
             {event_id, std::string(now), id}) == 1;
}

Summary MatchingRepo::Summarise(const common::Scope& scope) {
  Summary s;
  {
    const common::ScopeFilter visible = common::Visible(scope, kDemandRows);
    auto stmt = session_.Prepare(
        "SELECT COUNT(*), COALESCE(SUM(d.headcount - d.matched), 0) FROM demands d WHERE " +
        visible.sql + " AND d.status IN ('open', 'partly_matched')");
    stmt.BindAll(visible.params);
    stmt.Next();
    s.open_demands = stmt.row().Int(0);
    s.open_headcount = stmt.row().Int(1);
  }
  {
    const common::ScopeFilter visible = common::Visible(scope, kMatchRows);
    auto stmt = session_.Prepare(
        "SELECT COALESCE(SUM(CASE WHEN m.status = 'proposed' THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN m.status = 'in_service' THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN m.status = 'done' THEN 1 ELSE 0 END), 0) FROM matches m WHERE " +
        visible.sql + " AND m.status IN ('proposed', 'in_service', 'done')");
    stmt.BindAll(visible.params);
    stmt.Next();
    s.proposals_to_review = stmt.row().Int(0);
    s.in_service = stmt.row().Int(1);
    s.to_rate = stmt.row().Int(2);
  }
  {
    auto stmt = session_.Prepare(
        "SELECT COUNT(*) FROM resources s WHERE s.status IN ('open', 'partly_matched')" +
        std::string(scope.org_id ? " AND s.org_id = ?" : ""));
    if (scope.org_id) stmt.Bind(0, *scope.org_id);
    stmt.Next();
    s.open_resources = stmt.row().Int(0);
  }
  return s;
}

}  // namespace lianyin::domain::matching
