#include "domain/selection/selection_repo.hpp"

#include <boost/json.hpp>
#include <map>

#include "domain/common/sql_text.hpp"
#include "domain/selection/selection_rules.hpp"

namespace lianyin::domain::selection {
namespace {

namespace json = boost::json;
using common::OptValue;
using common::Placeholders;
using common::SplitCodes;

std::string RubricJson(const std::vector<Criterion>& rubric) {
  json::array out;
  for (const Criterion& c : rubric) {
    out.push_back(json::object{{"code", c.code}, {"name", c.name}, {"max_score", c.max_score}});
  }
  return json::serialize(out);
}

std::vector<Criterion> ParseRubric(const std::string& text) {
  std::vector<Criterion> out;
  const json::value v = json::parse(text);
  for (const json::value& c : v.as_array()) {
    out.push_back({std::string(c.at("code").as_string()), std::string(c.at("name").as_string()),
                   static_cast<int>(c.at("max_score").as_int64())});
  }
  return out;
}

// "the scope manages the round r": its organiser in the scope's subtree.
common::ScopeFilter Manages(const common::Scope& scope) {
  if (scope.org_id || scope.worker_id) return {"1 = 0", {}};
  return common::Visible(scope, {"r.unit_id"});
}

constexpr const char* kRoundSelect =
    "SELECT r.id, r.title, r.year, r.batch, r.unit_id, u.name, r.status, r.experts_per_project, "
    "r.rubric, r.published_on, "
    "(SELECT COUNT(*) FROM selection_nominations n WHERE n.round_id = r.id), "
    "(SELECT COUNT(*) FROM selection_nominations n WHERE n.round_id = r.id AND n.excellent = 1), "
    "r.created_at, r.updated_at, ";
constexpr const char* kRoundFrom = " FROM selection_rounds r JOIN units u ON u.id = r.unit_id ";

Round ReadRound(const store::Row& row) {
  Round r;
  r.id = row.Int(0);
  r.title = row.Text(1);
  r.year = static_cast<int>(row.Int(2));
  r.batch = static_cast<int>(row.Int(3));
  r.unit_id = row.Int(4);
  r.unit_name = row.Text(5);
  r.status = ParseRoundStatus(row.Text(6)).value_or(RoundStatus::kDraft);
  r.experts_per_project = static_cast<int>(row.Int(7));
  r.rubric = ParseRubric(row.Text(8));
  r.published_on = row.OptText(9);
  r.nominations = row.Int(10);
  r.excellent = row.Int(11);
  r.created_at = row.Text(12);
  r.updated_at = row.Text(13);
  r.managed = row.Bool(14);
  return r;
}

constexpr const char* kNominationSelect =
    "SELECT n.id, n.round_id, n.project_id, p.title, n.category, n.unit_id, nu.name, "
    "p.funding_unit_id, fu.name, p.region_code, COALESCE(rg.name, ''), p.contracted_on, "
    "COALESCE(p.contract_fen, 0), p.person_times, p.target_groups, n.story, n.score_tenths, "
    "n.rank, n.excellent, "
    "(SELECT COUNT(*) FROM selection_assignments a WHERE a.nomination_id = n.id), "
    "(SELECT COUNT(*) FROM selection_assignments a WHERE a.nomination_id = n.id AND "
    "a.total IS NOT NULL), n.created_at "
    "FROM selection_nominations n JOIN selection_rounds r ON r.id = n.round_id "
    "JOIN projects p ON p.id = n.project_id JOIN units nu ON nu.id = n.unit_id "
    "JOIN units fu ON fu.id = p.funding_unit_id LEFT JOIN regions rg ON rg.code = p.region_code ";

Nomination ReadNomination(const store::Row& r) {
  Nomination n;
  n.id = r.Int(0);
  n.round_id = r.Int(1);
  n.project_id = r.Int(2);
  n.project_title = r.Text(3);
  n.category = r.Text(4);
  n.unit_id = r.Int(5);
  n.unit_name = r.Text(6);
  n.funding_unit_id = r.Int(7);
  n.funding_unit_name = r.Text(8);
  n.region_code = r.Text(9);
  n.region_name = r.Text(10);
  n.contracted_on = r.OptText(11);
  n.contract_fen = r.Int(12);
  n.person_times = r.Int(13);
  n.target_groups = SplitCodes(r.Text(14));
  n.story = r.Text(15);
  n.score_tenths = r.OptInt(16);
  const auto rank = r.OptInt(17);
  if (rank) n.rank = static_cast<int>(*rank);
  n.excellent = r.Bool(18);
  n.experts = static_cast<int>(r.Int(19));
  n.scored = static_cast<int>(r.Int(20));
  n.created_at = r.Text(21);
  return n;
}

// "the scope sees the nomination n of round r": the organiser's, the nominating unit's or the
// funding unit's subtree.
common::ScopeFilter SeesNomination(const common::Scope& scope) {
  if (scope.org_id || scope.worker_id) return {"1 = 0", {}};
  if (scope.platform) return {"1 = 1", {}};
  const std::string probe =
      "EXISTS (SELECT 1 FROM unit_closure WHERE ancestor = ? AND descendant = ";
  return {"(" + probe + "r.unit_id) OR " + probe + "n.unit_id) OR " + probe + "p.funding_unit_id))",
          {scope.unit_id, scope.unit_id, scope.unit_id}};
}

void AddFilter(std::string& where, std::vector<store::Value>& params, const NominationFilter& f) {
  if (f.category) {
    where += " AND n.category = ?";
    params.emplace_back(*f.category);
  }
  if (f.excellent) where += *f.excellent ? " AND n.excellent = 1" : " AND n.excellent = 0";
}

}  // namespace

std::optional<std::int64_t> SelectionRepo::InsertRound(const NewRound& r, std::int64_t unit_id,
                                                       std::string_view now) {
  auto id = store::InsertOrConflict(
      session_,
      "INSERT INTO selection_rounds (title, year, batch, unit_id, status, experts_per_project, "
      "rubric, created_at, updated_at) VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?)",
      {r.title, static_cast<std::int64_t>(r.year), static_cast<std::int64_t>(r.batch), unit_id,
       static_cast<std::int64_t>(r.experts_per_project), RubricJson(r.rubric), std::string(now),
       std::string(now)});
  if (!id) return std::nullopt;
  for (const Quota& q : r.quotas) {
    session_.Execute("INSERT INTO selection_quotas (round_id, category, quota) VALUES (?, ?, ?)",
                     {*id, q.category, static_cast<std::int64_t>(q.quota)});
  }
  return id;
}

bool SelectionRepo::UpdateRound(std::int64_t id, const NewRound& r, std::string_view now) {
  auto clash = session_.Prepare(
      "SELECT 1 FROM selection_rounds o JOIN selection_rounds r ON r.id = ? "
      "WHERE o.unit_id = r.unit_id AND o.year = ? AND o.batch = ? AND o.id <> r.id");
  clash.BindAll({id, static_cast<std::int64_t>(r.year), static_cast<std::int64_t>(r.batch)});
  if (clash.Next()) return false;
  session_.Execute(
      "UPDATE selection_rounds SET title = ?, year = ?, batch = ?, experts_per_project = ?, "
      "rubric = ?, updated_at = ? WHERE id = ?",
      {r.title, static_cast<std::int64_t>(r.year), static_cast<std::int64_t>(r.batch),
       static_cast<std::int64_t>(r.experts_per_project), RubricJson(r.rubric), std::string(now),
       id});
  session_.Execute("DELETE FROM selection_quotas WHERE round_id = ?", {id});
  for (const Quota& q : r.quotas) {
    session_.Execute("INSERT INTO selection_quotas (round_id, category, quota) VALUES (?, ?, ?)",
                     {id, q.category, static_cast<std::int64_t>(q.quota)});
  }
  return true;
}

void SelectionRepo::LoadQuotas(std::vector<Round>& rounds) {
  if (rounds.empty()) return;
  std::map<std::int64_t, Round*> by_id;
  for (Round& r : rounds) by_id[r.id] = &r;
  auto stmt = session_.Prepare(
      "SELECT q.round_id, q.category, q.quota, (SELECT COUNT(*) FROM selection_nominations n "
      "WHERE n.round_id = q.round_id AND n.category = q.category) FROM selection_quotas q "
      "WHERE q.round_id IN (" +
      Placeholders(rounds.size()) + ") ORDER BY q.round_id, q.category");
  for (std::size_t i = 0; i < rounds.size(); ++i) stmt.Bind(static_cast<int>(i), rounds[i].id);
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    by_id[r.Int(0)]->quotas.push_back(
        {r.Text(1), static_cast<int>(r.Int(2)), static_cast<int>(r.Int(3))});
  }
}

std::optional<Round> SelectionRepo::FindRound(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter manages = Manages(scope);
  auto stmt = session_.Prepare(std::string(kRoundSelect) + "CASE WHEN " + manages.sql +
                               " THEN 1 ELSE 0 END" + kRoundFrom + "WHERE r.id = ?");
  std::vector<store::Value> params = manages.params;  // the CASE comes before the WHERE
  params.emplace_back(id);
  stmt.BindAll(params);
  if (!stmt.Next()) return std::nullopt;
  std::vector<Round> one{ReadRound(stmt.row())};
  LoadQuotas(one);
  return std::move(one.front());
}

std::vector<Round> SelectionRepo::ListRounds(const common::Scope& scope,
                                             std::optional<RoundStatus> status, bool published_only,
                                             std::int64_t limit, std::int64_t offset) {
  const common::ScopeFilter manages = Manages(scope);
  std::string where = " WHERE 1 = 1";
  std::vector<store::Value> params = manages.params;
  if (status) {
    where += " AND r.status = ?";
    params.emplace_back(std::string(RoundStatusName(*status)));
  }
  if (published_only) where += " AND r.status = 'published'";
  params.emplace_back(limit);
  params.emplace_back(offset);
  auto stmt = session_.Prepare(std::string(kRoundSelect) + "CASE WHEN " + manages.sql +
                               " THEN 1 ELSE 0 END" + kRoundFrom + where +
                               " ORDER BY r.year DESC, r.batch DESC, r.id DESC LIMIT ? OFFSET ?");
  stmt.BindAll(params);
  std::vector<Round> out;
  while (stmt.Next()) out.push_back(ReadRound(stmt.row()));
  LoadQuotas(out);
  return out;
}

std::int64_t SelectionRepo::CountRounds(std::optional<RoundStatus> status, bool published_only) {
  std::string sql = "SELECT COUNT(*) FROM selection_rounds r WHERE 1 = 1";
  std::vector<store::Value> params;
  if (status) {
    sql += " AND r.status = ?";
    params.emplace_back(std::string(RoundStatusName(*status)));
  }
  if (published_only) sql += " AND r.status = 'published'";
  auto stmt = session_.Prepare(sql);
  stmt.BindAll(params);
  stmt.Next();
  return stmt.row().Int(0);
}

bool SelectionRepo::SetRoundStatus(std::int64_t id, RoundStatus from, RoundStatus to,
                                   const std::optional<std::string>& published_on,
                                   std::string_view now) {
  return session_.Execute(
             "UPDATE selection_rounds SET status = ?, published_on = COALESCE(?, published_on), "
             "updated_at = ? WHERE id = ? AND status = ?",
             {std::string(RoundStatusName(to)), OptValue(published_on), std::string(now), id,
              std::string(RoundStatusName(from))}) == 1;
}

std::optional<std::int64_t> SelectionRepo::InsertNomination(
    std::int64_t round_id, std::int64_t project_id, std::int64_t unit_id,
    const std::string& category, const std::string& story, std::optional<std::int64_t> by_user_id,
    std::string_view now) {
  return store::InsertOrConflict(
      session_,
      "INSERT INTO selection_nominations (round_id, project_id, unit_id, category, story, "
      "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {round_id, project_id, unit_id, category, story, OptValue(by_user_id), std::string(now),
       std::string(now)});
}

void SelectionRepo::LoadProviders(std::vector<Nomination>& nominations) {
  if (nominations.empty()) return;
  std::map<std::int64_t, std::vector<Nomination*>> by_project;
  for (Nomination& n : nominations) by_project[n.project_id].push_back(&n);
  std::vector<std::int64_t> ids;
  for (const auto& [id, list] : by_project) ids.push_back(id);
  for (std::size_t start = 0; start < ids.size(); start += 500) {
    const std::size_t count = std::min<std::size_t>(500, ids.size() - start);
    auto stmt = session_.Prepare(
        "SELECT pp.project_id, o.name FROM project_providers pp JOIN orgs o ON o.id = pp.org_id "
        "WHERE pp.project_id IN (" +
        Placeholders(count) + ") ORDER BY pp.project_id, pp.position");
    for (std::size_t i = 0; i < count; ++i) stmt.Bind(static_cast<int>(i), ids[start + i]);
    while (stmt.Next()) {
      const store::Row r = stmt.row();
      for (Nomination* n : by_project[r.Int(0)]) n->providers.push_back(r.Text(1));
    }
  }
}

std::vector<Nomination> SelectionRepo::ReadNominations(const std::string& where,
                                                       const std::vector<store::Value>& params) {
  auto stmt = session_.Prepare(std::string(kNominationSelect) + where);
  stmt.BindAll(params);
  std::vector<Nomination> out;
  while (stmt.Next()) out.push_back(ReadNomination(stmt.row()));
  LoadProviders(out);
  return out;
}

std::optional<Nomination> SelectionRepo::FindNomination(const common::Scope& scope,
                                                        std::int64_t round_id, std::int64_t id) {
  const common::ScopeFilter sees = SeesNomination(scope);
  auto found = ReadNominations("WHERE n.id = ? AND n.round_id = ? AND " + sees.sql,
                               sees.After({id, round_id}));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Nomination> SelectionRepo::ListNominations(const common::Scope& scope,
                                                       std::int64_t round_id,
                                                       const NominationFilter& filter,
                                                       std::int64_t limit, std::int64_t offset) {
  const common::ScopeFilter sees = SeesNomination(scope);
  std::string where = "WHERE n.round_id = ? AND " + sees.sql;
  std::vector<store::Value> params = sees.After({round_id});
  AddFilter(where, params, filter);
  params.emplace_back(limit);
  params.emplace_back(offset);
  return ReadNominations(
      where + " ORDER BY n.category, COALESCE(n.rank, 2147483647), n.id LIMIT ? OFFSET ?", params);
}

std::int64_t SelectionRepo::CountNominations(const common::Scope& scope, std::int64_t round_id,
                                             const NominationFilter& filter) {
  const common::ScopeFilter sees = SeesNomination(scope);
  std::string where = "WHERE n.round_id = ? AND " + sees.sql;
  std::vector<store::Value> params = sees.After({round_id});
  AddFilter(where, params, filter);
  auto stmt = session_.Prepare(
      "SELECT COUNT(*) FROM selection_nominations n JOIN selection_rounds r ON r.id = "
      "n.round_id JOIN projects p ON p.id = n.project_id " +
      where);
  stmt.BindAll(params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<Nomination> SelectionRepo::Excellent(std::optional<std::int64_t> round_id,
                                                 const NominationFilter& filter, std::int64_t limit,
                                                 std::int64_t offset) {
  std::string where = "WHERE r.status = 'published' AND n.excellent = 1";
  std::vector<store::Value> params;
  if (round_id) {
    where += " AND n.round_id = ?";
    params.emplace_back(*round_id);
  }
  AddFilter(where, params, filter);
  params.emplace_back(limit);
  params.emplace_back(offset);
  return ReadNominations(
      where + " ORDER BY r.year, r.batch, n.round_id, n.category, n.rank " + "LIMIT ? OFFSET ?",
      params);
}

std::int64_t SelectionRepo::CountExcellent(std::optional<std::int64_t> round_id,
                                           const NominationFilter& filter) {
  std::string where = "WHERE r.status = 'published' AND n.excellent = 1";
  std::vector<store::Value> params;
  if (round_id) {
    where += " AND n.round_id = ?";
    params.emplace_back(*round_id);
  }
  AddFilter(where, params, filter);
  auto stmt = session_.Prepare(
      "SELECT COUNT(*) FROM selection_nominations n JOIN selection_rounds r ON r.id = "
      "n.round_id " +
      where);
  stmt.BindAll(params);
  stmt.Next();
  return stmt.row().Int(0);
}

void SelectionRepo::DeleteNomination(std::int64_t id) {
  session_.Execute("DELETE FROM selection_assignments WHERE nomination_id = ?", {id});
  session_.Execute("DELETE FROM selection_nominations WHERE id = ?", {id});
}

}  // namespace lianyin::domain::selection
