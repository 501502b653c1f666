#include "domain/evaluation/evaluation_repo.hpp"

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/common/sql_text.hpp"
#include "domain/evaluation/evaluation_rules.hpp"
#include "domain/org/org_repo.hpp"

namespace lianyin::domain::evaluation {
namespace {

namespace json = boost::json;

// Evaluations are owned by the organisation's registration unit (copied as e.unit_id).
constexpr common::Ownership kEvaluationRows{"e.unit_id", "e.org_id"};
// Templates by their creating unit; built-in ones (NULL) belong to no subtree.
constexpr common::Ownership kTemplateRows{"t.unit_id"};

constexpr const char* kTemplateSelect =
    "SELECT t.id, t.name, t.unit_id, COALESCE(u.name, ''), t.max_score_tenths, t.thresholds, "
    "t.indicators, t.uses, t.created_at, t.updated_at, CASE WHEN t.unit_id IS NOT NULL AND ";

Template ReadTemplateRow(const store::Row& r) {
  Template t;
  t.id = r.Int(0);
  t.unit_id = r.OptInt(2);
  t.unit_name = r.Text(3);
  // Stored rows were checked before they were written: they read back as they were.
  json::object body{{"name", r.Text(1)},
                    {"max_score", PointsJson(r.Int(4))},
                    {"thresholds", json::parse(r.Text(5))},
                    {"indicators", json::parse(r.Text(6))}};
  t.body = ReadTemplate(body).value();
  t.uses = r.Int(7);
  t.created_at = r.Text(8);
  t.updated_at = r.Text(9);
  t.managed = r.Bool(10);
  return t;
}

std::vector<store::Value> TemplateValues(const NewTemplate& t) {
  return {t.name, t.max, json::serialize(ThresholdsJson(t)),
          json::serialize(IndicatorsJson(t.indicators))};
}

constexpr const char* kEvaluationSelect =
    "SELECT e.id, e.org_id, o.name, o.uscc, e.template_id, t.name, e.unit_id, "
    "COALESCE(un.name, ''), e.status, e.score_tenths, e.grade, e.finalized_on, e.valid_until, "
    "(SELECT COUNT(*) FROM evaluation_experts x WHERE x.evaluation_id = e.id), "
    "(SELECT COUNT(*) FROM evaluation_experts x WHERE x.evaluation_id = e.id AND "
    "x.total_tenths IS NOT NULL), e.created_at, e.updated_at FROM evaluations e "
    "JOIN orgs o ON o.id = e.org_id JOIN evaluation_templates t ON t.id = e.template_id "
    "LEFT JOIN units un ON un.id = e.unit_id ";

Evaluation ReadEvaluation(const store::Row& r) {
  Evaluation e;
  e.id = r.Int(0);
  e.org_id = r.Int(1);
  e.org_name = r.Text(2);
  e.org_uscc = r.Text(3);
  e.template_id = r.Int(4);
  e.template_name = r.Text(5);
  e.unit_id = r.Int(6);
  e.unit_name = r.Text(7);
  e.status = ParseStatus(r.Text(8)).value_or(Status::kScoring);
  e.score = r.OptInt(9);
  e.grade = r.OptText(10);
  e.finalized_on = r.OptText(11);
  e.valid_until = r.OptText(12);
  e.experts = static_cast<int>(r.Int(13));
  e.scored = static_cast<int>(r.Int(14));
  e.created_at = r.Text(15);
  e.updated_at = r.Text(16);
  return e;
}

}  // namespace

std::int64_t EvaluationRepo::InsertTemplate(const NewTemplate& t, std::int64_t unit_id,
                                            std::int64_t by_user, std::string_view now) {
  std::vector<store::Value> values = TemplateValues(t);
  values.insert(values.end(), {unit_id, by_user, std::string(now), std::string(now)});
  // No unique key: the insert always yields an id.
  return store::InsertOrConflict(
             session_,
             "INSERT INTO evaluation_templates (name, max_score_tenths, thresholds, indicators, "
             "unit_id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             values)
      .value();
}

bool EvaluationRepo::UpdateTemplate(std::int64_t id, const NewTemplate& t, std::string_view now) {
  std::vector<store::Value> values = TemplateValues(t);
  values.insert(values.end(), {std::string(now), id});
  return session_.Execute(
             "UPDATE evaluation_templates SET name = ?, max_score_tenths = ?, thresholds = ?, "
             "indicators = ?, updated_at = ? WHERE id = ? AND uses = 0 AND unit_id IS NOT NULL",
             values) == 1;
}

std::optional<Template> EvaluationRepo::FindTemplate(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter manages = common::Visible(scope, kTemplateRows);
  auto stmt = session_.Prepare(std::string(kTemplateSelect) + manages.sql +
                               " THEN 1 ELSE 0 END FROM evaluation_templates t LEFT JOIN units u "
                               "ON u.id = t.unit_id WHERE t.id = ?");
  std::vector<store::Value> params = manages.params;  // the CASE comes first
  params.emplace_back(id);
  stmt.BindAll(params);
  if (!stmt.Next()) return std::nullopt;
  return ReadTemplateRow(stmt.row());
}

std::vector<Template> EvaluationRepo::ListTemplates(const common::Scope& scope, std::int64_t limit,
                                                    std::int64_t offset) {
  const common::ScopeFilter manages = common::Visible(scope, kTemplateRows);
  auto stmt = session_.Prepare(std::string(kTemplateSelect) + manages.sql +
                               " THEN 1 ELSE 0 END FROM evaluation_templates t LEFT JOIN units u "
                               "ON u.id = t.unit_id ORDER BY t.id LIMIT ? OFFSET ?");
  std::vector<store::Value> params = manages.params;  // the CASE comes first
  params.insert(params.end(), {limit, offset});
  stmt.BindAll(params);
  return common::Collect<Template>(stmt, ReadTemplateRow);
}

std::int64_t EvaluationRepo::CountTemplates() {
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM evaluation_templates");
  stmt.Next();
  return stmt.row().Int(0);
}

void EvaluationRepo::UseTemplate(std::int64_t id) {
  session_.Execute("UPDATE evaluation_templates SET uses = uses + 1 WHERE id = ?", {id});
}

std::optional<OrgRef> EvaluationRepo::FindOrg(const common::Scope& scope, std::int64_t org_id) {
  const common::ScopeFilter manages = common::Visible(scope, org::kOrgRows);
  auto stmt = session_.Prepare(
      "SELECT o.id, o.name, o.uscc, o.registration_unit_id, o.status, CASE WHEN " + manages.sql +
      " THEN 1 ELSE 0 END FROM orgs o WHERE o.id = ? AND o.import_id IS NULL");
  std::vector<store::Value> params = manages.params;  // the CASE comes first
  params.emplace_back(org_id);
  stmt.BindAll(params);
  if (!stmt.Next()) return std::nullopt;
  const store::Row r = stmt.row();
  return OrgRef{r.Int(0), r.Text(1), r.Text(2), r.Int(3), r.Text(4), r.Bool(5)};
}

std::vector<ExpertRef> EvaluationRepo::Experts(const common::Scope& scope,
                                               const std::vector<std::int64_t>& ids) {
  std::vector<ExpertRef> out;
  if (ids.empty()) return out;
  const common::ScopeFilter sees = common::Visible(scope, account::kUserRows);
  for (std::size_t at = 0; at < ids.size(); at += common::kInBatch) {
    const std::size_t n = std::min(common::kInBatch, ids.size() - at);
    std::vector<store::Value> params = sees.params;
    for (std::size_t i = 0; i < n; ++i) params.emplace_back(ids[at + i]);
    auto stmt = session_.Prepare(
        "SELECT u.id, u.display_name, u.unit_id, u.org_id, CASE WHEN u.disabled = 0 AND EXISTS "
        "(SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'expert') THEN 1 ELSE 0 "
        "END, CASE WHEN " +
        sees.sql + " THEN 1 ELSE 0 END FROM users u WHERE u.id IN (" + common::Placeholders(n) +
        ")");
    stmt.BindAll(params);
    while (stmt.Next()) {
      const store::Row r = stmt.row();
      out.push_back({r.Int(0), r.Text(1), r.Int(2), r.OptInt(3), r.Bool(4), r.Bool(5)});
    }
  }
  return out;
}

std::optional<std::int64_t> EvaluationRepo::InsertEvaluation(const NewEvaluation& e,
                                                             std::int64_t unit_id,
                                                             std::int64_t by_user,
                                                             std::string_view now) {
  return store::InsertOrConflict(
      session_,
      "INSERT INTO evaluations (org_id, template_id, unit_id, status, created_by, created_at, "
      "updated_at) VALUES (?, ?, ?, 'scoring', ?, ?, ?)",
      {e.org_id, e.template_id, unit_id, by_user, std::string(now), std::string(now)});
}

void EvaluationRepo::InsertExpert(std::int64_t evaluation_id, std::int64_t expert_user_id,
                                  int position) {
  session_.Execute(
      "INSERT INTO evaluation_experts (evaluation_id, expert_user_id, position) VALUES (?, ?, ?)",
      {evaluation_id, expert_user_id, static_cast<std::int64_t>(position)});
}

std::string EvaluationRepo::Where(const Access& access, const EvaluationFilter& filter,
                                  std::vector<store::Value>& params) const {
  std::string where;
  if (access.manager) {
    const common::ScopeFilter sees = common::Visible(access.scope, kEvaluationRows);
    where = "WHERE " + sees.sql;
    params = sees.After(std::move(params));
  } else {
    where =
        "WHERE EXISTS (SELECT 1 FROM evaluation_experts a WHERE a.evaluation_id = e.id AND "
        "a.expert_user_id = ?)";
    params.emplace_back(access.user_id);
  }
  if (filter.status) {
    where += " AND e.status = ?";
    params.emplace_back(std::string(StatusName(*filter.status)));
  }
  if (filter.org_id) {
    where += " AND e.org_id = ?";
    params.emplace_back(*filter.org_id);
  }
  if (filter.awaiting_me) {
    where +=
        " AND e.status = 'scoring' AND EXISTS (SELECT 1 FROM evaluation_experts w WHERE "
        "w.evaluation_id = e.id AND w.expert_user_id = ? AND w.total_tenths IS NULL)";
    params.emplace_back(access.user_id);
  }
  return where;
}

std::optional<Evaluation> EvaluationRepo::Find(const Access& access, std::int64_t id) {
  std::vector<store::Value> params;
  const std::string where = Where(access, {}, params);
  params.emplace_back(id);
  auto stmt = session_.Prepare(kEvaluationSelect + where + " AND e.id = ?");
  stmt.BindAll(params);
  if (!stmt.Next()) return std::nullopt;
  return ReadEvaluation(stmt.row());
}

std::vector<Evaluation> EvaluationRepo::List(const Access& access, const EvaluationFilter& filter,
                                             std::int64_t limit, std::int64_t offset) {
  std::vector<store::Value> params;
  const std::string where = Where(access, filter, params);
  params.insert(params.end(), {limit, offset});
  auto stmt = session_.Prepare(kEvaluationSelect + where + " ORDER BY e.id DESC LIMIT ? OFFSET ?");
  stmt.BindAll(params);
  return common::Collect<Evaluation>(stmt, ReadEvaluation);
}

std::int64_t EvaluationRepo::Count(const Access& access, const EvaluationFilter& filter) {
  std::vector<store::Value> params;
  const std::string where = Where(access, filter, params);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM evaluations e " + where);
  stmt.BindAll(params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<ExpertScore> EvaluationRepo::Experts(std::int64_t evaluation_id) {
  auto stmt = session_.Prepare(
      "SELECT a.expert_user_id, u.display_name, a.position, a.scores, a.total_tenths, a.dropped, "
      "a.scored_at FROM evaluation_experts a JOIN users u ON u.id = a.expert_user_id "
      "WHERE a.evaluation_id = ? ORDER BY a.position");
  stmt.BindAll({evaluation_id});
  return common::Collect<ExpertScore>(stmt, [](const store::Row& r) {
    ExpertScore s;
    s.expert_user_id = r.Int(0);
    s.expert_name = r.Text(1);
    s.position = static_cast<int>(r.Int(2));
    if (auto text = r.OptText(3)) {
      // Stored as {"code": tenths, …} in leaf order (objects keep their order).
      std::vector<std::pair<std::string, Tenths>> scores;
      const json::value parsed = json::parse(*text);
      for (const auto& [code, points] : parsed.as_object()) {
        scores.emplace_back(std::string(code), points.to_number<Tenths>());
      }
      s.scores = std::move(scores);
    }
    s.total = r.OptInt(4);
    s.dropped = r.Bool(5);
    s.scored_at = r.OptText(6);
    return s;
  });
}

bool EvaluationRepo::LockScoring(std::int64_t id, std::string_view now) {
  return session_.Execute(
             "UPDATE evaluations SET updated_at = ? WHERE id = ? AND status = 'scoring'",
             {std::string(now), id}) == 1;
}

bool EvaluationRepo::SaveScores(std::int64_t evaluation_id, std::int64_t expert_user_id,
                                const std::string& scores_json, Tenths total,
                                std::string_view now) {
  return session_.Execute(
             "UPDATE evaluation_experts SET scores = ?, total_tenths = ?, scored_at = ? "
             "WHERE evaluation_id = ? AND expert_user_id = ?",
             {scores_json, total, std::string(now), evaluation_id, expert_user_id}) == 1;
}

void EvaluationRepo::MarkDropped(std::int64_t evaluation_id, std::int64_t expert_user_id) {
  session_.Execute(
      "UPDATE evaluation_experts SET dropped = 1 WHERE evaluation_id = ? AND expert_user_id = ?",
      {evaluation_id, expert_user_id});
}

void EvaluationRepo::Finalize(std::int64_t id, Tenths score,
                              const std::optional<std::string>& grade, const std::string& on,
                              const std::optional<std::string>& valid_until, std::string_view now) {
  session_.Execute(
      "UPDATE evaluations SET status = 'finalized', score_tenths = ?, grade = ?, "
      "finalized_on = ?, valid_until = ?, updated_at = ? WHERE id = ?",
      {score, common::OptValue(grade), on, common::OptValue(valid_until), std::string(now), id});
}

void EvaluationRepo::SetOrgGrade(std::int64_t org_id, const std::optional<std::string>& grade,
                                 const std::optional<std::string>& valid_until,
                                 std::string_view now) {
  session_.Execute(
      "UPDATE orgs SET grade = ?, grade_valid_until = ?, updated_at = ? WHERE id = ?",
      {common::OptValue(grade), common::OptValue(valid_until), std::string(now), org_id});
}

}  // namespace lianyin::domain::evaluation
