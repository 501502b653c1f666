#pragma once
// Use cases of grade evaluations (等级评估, SPEC §4 "Supervision", §5.3). Every change runs in
// one short write transaction (common::Writer) with its Change: templates owned by the creating
// unit, evaluations by the organisation's registration unit.
//
// Scope: templates are reference data read by every holder of evaluation:template:list; changing
// one outside the creator's subtree → 403, a built-in one or one in use → 409. Evaluations are
// read by managers (evaluation:evaluation:manage) of the registration unit's subtree and by their
// assigned experts, who see only their own scores; anyone else → 404. Scores are entered by the
// assigned expert alone (anyone else → 404: the expert's assignment is its own row).
//
// Exactness under concurrency: an organisation has at most one evaluation being scored (a
// partial unique index); a template changes only while unused (its row: a conditional update
// against the evaluation's increment); scores and finalisation both take the evaluation's row
// first (a conditional update while scoring), so a second finalisation → 409 and no score lands
// after the grade was computed.

#include <boost/json/value.hpp>
#include <functional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/writer.hpp"
#include "domain/evaluation/evaluation.hpp"

namespace lianyin::domain::evaluation {

class EvaluationService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit EvaluationService(common::Writer& writer, Clock clock = core::Now)
      : writer_(writer), clock_(std::move(clock)) {}

  // A template of the actor's unit (the body checked by ReadTemplate before).
  core::Result<Template> CreateTemplate(const account::Actor& actor, const NewTemplate& body);
  // Replaces every field: 404 missing, 409 built in or used by an evaluation (exact under
  // concurrency), 403 outside the creator's subtree.
  core::Result<Template> UpdateTemplate(const account::Actor& actor, std::int64_t id,
                                        const NewTemplate& body);
  core::Result<Template> GetTemplate(const account::Actor& actor, std::int64_t id);
  // Built-in ones first (by id), one query and a count.
  account::Page<Template> ListTemplates(const account::Actor& actor,
                                        const account::PageRequest& page);

  // An evaluation being scored. 422 on expert_ids (empty, more than 15, repeated; each not an
  // expert the actor's scope sees, or with a conflict of interest: ExpertConflict, naming the
  // expert), template_id (none such) or org_id (none such; not eligible: Ineligible, naming the
  // credit-list entry); 403 when the actor's scope does not manage the organisation; 409 when
  // the organisation has an evaluation being scored (exact under concurrency).
  core::Result<EvaluationDetail> Create(const account::Actor& actor, const NewEvaluation& input);
  core::Result<EvaluationDetail> Get(const account::Actor& actor, std::int64_t id);
  // Newest first, one query and a count; managers their scope's, experts their assignments.
  account::Page<Evaluation> List(const account::Actor& actor, const EvaluationFilter& filter,
                                 const account::PageRequest& page);
  // The expert's scores {leaf_code: number} (ReadScores) replacing its earlier ones: 404 unless
  // the actor is `expert_id` and assigned; 422 on scores; 409 once finalised.
  core::Result<EvaluationDetail> Score(const account::Actor& actor, std::int64_t id,
                                       std::int64_t expert_id, const boost::json::value* scores);
  // SPEC §5.3 (Aggregate): 404 outside a manager's scope; 422 naming each expert yet to score;
  // 409 when finalised already (once, exact under concurrency). Sets the organisation's grade
  // and grade_valid_until (ValidUntil; both NULL below 1A).
  core::Result<EvaluationDetail> Finalize(const account::Actor& actor, std::int64_t id);

 private:
  common::Writer& writer_;
  Clock clock_;
};

}  // namespace lianyin::domain::evaluation
