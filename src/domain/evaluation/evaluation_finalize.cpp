// EvaluationService::Finalize: SPEC §5.3's grade from the experts' totals, once.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/evaluation/evaluation_repo.hpp"
#include "domain/evaluation/evaluation_rules.hpp"
#include "domain/evaluation/evaluation_service.hpp"
#include "domain/org/org_repo.hpp"

namespace lianyin::domain::evaluation {
namespace {

namespace json = boost::json;

json::value GradeJson(const std::optional<std::string>& grade,
                      const std::optional<std::string>& valid_until) {
  return json::object{{"grade", grade ? json::value(*grade) : json::value(nullptr)},
                      {"grade_valid_until", valid_until ? json::value(*valid_until) : nullptr}};
}

// 422 naming each assigned expert who has not scored.
std::optional<core::Error> Unscored(const std::vector<ExpertScore>& experts) {
  std::vector<core::FieldError> errors;
  for (std::size_t i = 0; i < experts.size(); ++i) {
    if (experts[i].total) continue;
    errors.push_back({fmt::format("experts[{}]", i),
                      fmt::format("{} has not scored yet", experts[i].expert_name), std::nullopt});
  }
  if (errors.empty()) return std::nullopt;
  return core::Error::Invalid(std::move(errors));
}

// The organisation's timeline entry (GET /orgs/{id}/history) of a finalisation: the grade, its
// score and validity, in the words people read there.
org::OrgEvent GradeEvent(const account::Actor& actor, const std::string& at, std::int64_t id,
                         const Outcome& outcome, const std::optional<std::string>& valid_until) {
  org::OrgEvent event;
  event.at = at;
  event.actor_user_id = actor.user_id;
  event.actor_username = actor.username;
  event.action = "grade";
  event.reason = outcome.grade
                     ? fmt::format("等级评估定为{}（{}分），有效期至{}", *outcome.grade,
                                   FormatPoints(outcome.score), *valid_until)
                     : fmt::format("等级评估得分{}分，未达到评估等级", FormatPoints(outcome.score));
  event.details_json =
      json::serialize(json::object{{"evaluation_id", id},
                                   {"grade", outcome.grade ? json::value(*outcome.grade) : nullptr},
                                   {"score", PointsJson(outcome.score)}});
  return event;
}

// The evaluation's change at finalisation: its score, grade, validity and dropped experts.
common::Change FinalizeChange(const EvaluationDetail& d, const Outcome& outcome,
                              const std::optional<std::string>& valid_until) {
  json::array dropped;
  for (const ExpertScore& x : d.experts) {
    if (x.dropped) dropped.push_back(x.expert_user_id);
  }
  json::object after{{"status", "finalized"},
                     {"score", PointsJson(outcome.score)},
                     {"grade", outcome.grade ? json::value(*outcome.grade) : nullptr},
                     {"valid_until", valid_until ? json::value(*valid_until) : nullptr},
                     {"dropped_expert_ids", std::move(dropped)}};
  return {"finalize",
          "evaluation",
          std::to_string(d.evaluation.id),
          json::object{{"status", "scoring"}},
          std::move(after),
          true,
          d.evaluation.unit_id};
}

}  // namespace

core::Result<EvaluationDetail> EvaluationService::Finalize(const account::Actor& actor,
                                                           std::int64_t id) {
  const core::DateTime now = clock_();
  const std::string at = core::FormatDateTime(now);
  const core::Date today = core::LocalDate(now);
  const Access access{account::ScopeOf(actor), true, actor.user_id};
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<EvaluationDetail> {
    EvaluationRepo repo(tx.session());
    auto before = repo.Find(access, id);
    if (!before) return account::OutOfScope();
    const core::Error finalized = core::Error::Conflict("the evaluation has been finalised");
    // Taking the row first: a concurrent finalisation waits here and then finds it finalised.
    if (!repo.LockScoring(id, at)) return finalized;
    std::vector<ExpertScore> experts = repo.Experts(id);
    if (auto unscored = Unscored(experts)) return std::move(*unscored);
    const Template tmpl = repo.FindTemplate(access.scope, before->template_id).value();
    std::vector<Tenths> totals;
    for (const ExpertScore& x : experts) totals.push_back(*x.total);
    const Outcome outcome = Aggregate(totals, tmpl.body.thresholds);
    for (std::size_t i = 0; i < experts.size(); ++i) {
      if (outcome.dropped[i]) repo.MarkDropped(id, experts[i].expert_user_id);
    }
    std::optional<std::string> valid_until;
    if (outcome.grade) valid_until = core::FormatDate(ValidUntil(today));
    repo.Finalize(id, outcome.score, outcome.grade, core::FormatDate(today), valid_until, at);
    common::Scope everything;
    everything.platform = true;
    const org::Org org = org::OrgRepo(tx.session()).FindManaged(everything, before->org_id).value();
    repo.SetOrgGrade(org.id, outcome.grade, valid_until, at);
    org::OrgRepo(tx.session()).AddEvent(GradeEvent(actor, at, id, outcome, valid_until), org.id);

    EvaluationDetail d{repo.Find(access, id).value(), tmpl, repo.Experts(id)};
    tx.Record(FinalizeChange(d, outcome, valid_until));
    tx.Record({"grade", "org", std::to_string(org.id), GradeJson(org.grade, org.grade_valid_until),
               GradeJson(outcome.grade, valid_until), true, org.registration_unit_id});
    return d;
  });
}

}  // namespace lianyin::domain::evaluation
