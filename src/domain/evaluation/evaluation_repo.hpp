#pragma once
// The evaluation area's only SQL: templates, evaluations, their experts' scores, and what it
// reads and writes of organisations and users (internal to the area).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/evaluation/evaluation.hpp"
#include "store/store.hpp"

namespace lianyin::domain::evaluation {

// Who reads evaluations: a manager (evaluation:evaluation:manage) the evaluations of
// organisations registered in its scope; anyone else (an expert) only those it is assigned to.
struct Access {
  common::Scope scope;
  bool manager = false;
  std::int64_t user_id = 0;
};

// An organisation as an evaluation needs it; `managed`: the scope manages it.
struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string uscc;  // what standing conflict declarations name
  std::int64_t registration_unit_id = 0;
  std::string status;
  bool managed = false;
};

// A user named as an expert: whether it holds the expert role (enabled), where it sits and
// whether the scope sees it.
struct ExpertRef {
  std::int64_t user_id = 0;
  std::string name;
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> org_id;
  bool expert = false;
  bool in_scope = false;
};

class EvaluationRepo {
 public:
  explicit EvaluationRepo(store::Session& session) : session_(session) {}

  std::int64_t InsertTemplate(const NewTemplate& t, std::int64_t unit_id, std::int64_t by_user,
                              std::string_view now);
  // Replaces the fields while no evaluation uses it; false otherwise.
  bool UpdateTemplate(std::int64_t id, const NewTemplate& t, std::string_view now);
  // Templates are read by every holder of the template permissions; `managed` when the scope
  // holds the creating unit (never for built-in ones).
  std::optional<Template> FindTemplate(const common::Scope& scope, std::int64_t id);
  std::vector<Template> ListTemplates(const common::Scope& scope, std::int64_t limit,
                                      std::int64_t offset);
  std::int64_t CountTemplates();
  // Counts one more evaluation of the template (its row lock orders this against a change).
  void UseTemplate(std::int64_t id);

  std::optional<OrgRef> FindOrg(const common::Scope& scope, std::int64_t org_id);
  std::vector<ExpertRef> Experts(const common::Scope& scope, const std::vector<std::int64_t>& ids);

  // A new evaluation being scored, or nullopt when the organisation has one (the unique index).
  std::optional<std::int64_t> InsertEvaluation(const NewEvaluation& e, std::int64_t unit_id,
                                               std::int64_t by_user, std::string_view now);
  void InsertExpert(std::int64_t evaluation_id, std::int64_t expert_user_id, int position);
  std::optional<Evaluation> Find(const Access& access, std::int64_t id);
  std::vector<Evaluation> List(const Access& access, const EvaluationFilter& filter,
                               std::int64_t limit, std::int64_t offset);
  std::int64_t Count(const Access& access, const EvaluationFilter& filter);
  // The experts of an evaluation in assignment order, with their scores.
  std::vector<ExpertScore> Experts(std::int64_t evaluation_id);

  // Locks the evaluation's row while it is being scored (scores and finalisation meet here);
  // false when it is finalised.
  bool LockScoring(std::int64_t id, std::string_view now);
  // False when the expert is not assigned to it.
  bool SaveScores(std::int64_t evaluation_id, std::int64_t expert_user_id,
                  const std::string& scores_json, Tenths total, std::string_view now);
  void MarkDropped(std::int64_t evaluation_id, std::int64_t expert_user_id);
  void Finalize(std::int64_t id, Tenths score, const std::optional<std::string>& grade,
                const std::string& on, const std::optional<std::string>& valid_until,
                std::string_view now);
  // The organisation's grade and its validity (NULL both: no grade).
  void SetOrgGrade(std::int64_t org_id, const std::optional<std::string>& grade,
                   const std::optional<std::string>& valid_until, std::string_view now);

 private:
  std::string Where(const Access& access, const EvaluationFilter& filter,
                    std::vector<store::Value>& params) const;
  store::Session& session_;
};

}  // namespace lianyin::domain::evaluation
