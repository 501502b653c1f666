#pragma once
// Grade evaluations (等级评估, SPEC §4 "Supervision", §5.3; issue #12 part 2): templates with an
// indicator tree and grade thresholds, evaluations of one organisation by assigned experts,
// their leaf scores and the grade. Plain types. Points are exact tenths (one decimal at most):
// 85.5 points is 855.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::evaluation {

using Tenths = std::int64_t;

// The grades from the highest down, as SPEC and the data dictionary ("grade") spell them.
inline constexpr std::array<std::string_view, 5> kGrades = {"5A", "4A", "3A", "2A", "1A"};

// One indicator of the tree (评估指标). An inner node's maximum is the sum of its children's.
struct Indicator {
  std::string code;
  std::string name;
  Tenths max = 0;
  std::vector<Indicator> children;
};

// POST /evaluation-templates (and PATCH: every member).
struct NewTemplate {
  std::string name;
  Tenths max = 0;
  std::array<Tenths, 5> thresholds{};  // in kGrades order
  std::vector<Indicator> indicators;
};

struct Template {
  std::int64_t id = 0;
  NewTemplate body;
  std::optional<std::int64_t> unit_id;  // the creating unit; nullopt: built in
  std::string unit_name;
  std::int64_t uses = 0;  // evaluations made with it
  bool managed = false;   // the reader's scope may change it (not built in, unit in scope)
  std::string created_at;
  std::string updated_at;

  bool builtin() const { return !unit_id; }
};

// A leaf of a template, with where it sits (the scoring page lists them in tree order).
struct Leaf {
  std::string code;
  std::string name;
  Tenths max = 0;
};

enum class Status { kScoring, kFinalized };
std::string_view StatusName(Status status);  // "scoring", "finalized"
std::optional<Status> ParseStatus(std::string_view name);
const std::vector<std::string>& StatusNames();

// One assigned expert of an evaluation, with its scores once it has scored.
struct ExpertScore {
  std::int64_t expert_user_id = 0;
  std::string expert_name;
  int position = 0;  // the order they were assigned in
  std::optional<std::vector<std::pair<std::string, Tenths>>> scores;  // leaf code → points
  std::optional<Tenths> total;
  bool dropped = false;  // left out at finalisation (the highest or the lowest total)
  std::optional<std::string> scored_at;
};

struct Evaluation {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string org_uscc;
  std::int64_t template_id = 0;
  std::string template_name;
  std::int64_t unit_id = 0;  // the organisation's registration unit (owner)
  std::string unit_name;
  Status status = Status::kScoring;
  std::optional<Tenths> score;
  std::optional<std::string> grade;  // nullopt below 1A
  std::optional<std::string> finalized_on;
  std::optional<std::string> valid_until;
  int experts = 0;  // assigned
  int scored = 0;   // of which scored
  std::string created_at;
  std::string updated_at;
};

// GET /evaluations/{id}: the evaluation, its template and its experts.
struct EvaluationDetail {
  Evaluation evaluation;
  Template tmpl;
  std::vector<ExpertScore> experts;
};

// POST /evaluations.
struct NewEvaluation {
  std::int64_t org_id = 0;
  std::int64_t template_id = 0;
  std::vector<std::int64_t> expert_ids;
};

struct EvaluationFilter {
  std::optional<Status> status;
  std::optional<std::int64_t> org_id;
  // Only those being scored that the reader is assigned to and has not scored (待评分).
  bool awaiting_me = false;
};

}  // namespace lianyin::domain::evaluation
