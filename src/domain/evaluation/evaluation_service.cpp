// EvaluationService: evaluations, the experts' scores and the finalisation (SPEC §5.3).

#include "domain/evaluation/evaluation_service.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "domain/account/scope.hpp"
#include "domain/evaluation/evaluation_gates.hpp"
#include "domain/evaluation/evaluation_repo.hpp"
#include "domain/evaluation/evaluation_rules.hpp"
#include "domain/org/org_repo.hpp"

namespace lianyin::domain::evaluation {
namespace {

namespace json = boost::json;
using account::Actor;
using Errors = std::vector<core::FieldError>;

Access AccessOf(const Actor& actor) {
  return {account::ScopeOf(actor), actor.Can("evaluation:evaluation:manage"), actor.user_id};
}

common::Scope PlatformScope() {
  common::Scope scope;
  scope.platform = true;
  return scope;
}

json::value AuditJson(const Evaluation& e, const std::vector<ExpertScore>& experts) {
  json::array ids;
  for (const ExpertScore& x : experts) ids.push_back(x.expert_user_id);
  return json::object{{"id", e.id},
                      {"org_id", e.org_id},
                      {"template_id", e.template_id},
                      {"status", StatusName(e.status)},
                      {"expert_ids", std::move(ids)},
                      {"score", e.score ? PointsJson(*e.score) : json::value(nullptr)},
                      {"grade", e.grade ? json::value(*e.grade) : json::value(nullptr)},
                      {"valid_until", e.valid_until ? json::value(*e.valid_until) : nullptr}};
}

common::Change EvaluationChange(std::string action, const Evaluation& e, json::value before,
                                json::value after) {
  return {std::move(action), "evaluation",     std::to_string(e.id),
          std::move(before), std::move(after), true,
          e.unit_id};
}

// The detail as `access` may read it: experts who are not managers see only their own scores.
EvaluationDetail DetailOf(EvaluationRepo& repo, const Access& access, Evaluation e) {
  EvaluationDetail d;
  d.tmpl = repo.FindTemplate(access.scope, e.template_id).value();
  d.experts = repo.Experts(e.id);
  if (!access.manager) {
    for (ExpertScore& x : d.experts) {
      if (x.expert_user_id == access.user_id) continue;
      x.scores.reset();
      x.total.reset();
    }
  }
  d.evaluation = std::move(e);
  return d;
}

Errors CheckExpertIds(const std::vector<std::int64_t>& ids) {
  Errors errors;
  if (ids.empty()) errors.push_back({"expert_ids", "must name at least one expert", {}});
  if (ids.size() > static_cast<std::size_t>(kMaxExperts)) {
    errors.push_back({"expert_ids", fmt::format("at most {} experts", kMaxExperts), {}});
  }
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!seen.insert(ids[i]).second) {
      errors.push_back({fmt::format("expert_ids[{}]", i), "is given twice", {}});
    }
  }
  return errors;
}

// Each named expert must be an expert the scope sees, without a conflict with `org`.
void CheckExperts(EvaluationRepo& repo, store::Session& session, const common::Scope& scope,
                  const OrgRef& org, const std::vector<std::int64_t>& ids, Errors& errors) {
  std::map<std::int64_t, ExpertRef> found;
  for (ExpertRef& e : repo.Experts(scope, ids)) found.emplace(e.user_id, std::move(e));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string field = fmt::format("expert_ids[{}]", i);
    const auto it = found.find(ids[i]);
    if (it == found.end() || !it->second.in_scope || !it->second.expert) {
      errors.push_back({field, "is not an expert in your scope", {}});
    } else if (auto conflict = ExpertConflict(session, it->second, org)) {
      errors.push_back({field, *conflict, {}});
    }
  }
}

}  // namespace

core::Result<EvaluationDetail> EvaluationService::Create(const Actor& actor,
                                                         const NewEvaluation& input) {
  Errors pure = CheckExpertIds(input.expert_ids);
  if (!pure.empty()) return core::Error::Invalid(std::move(pure));
  const std::string at = core::FormatDateTime(clock_());
  const Access access = AccessOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<EvaluationDetail> {
    EvaluationRepo repo(tx.session());
    const auto org = repo.FindOrg(access.scope, input.org_id);
    if (!org) return core::Error::Invalid("org_id", "no such organisation");
    if (!org->managed) return account::ForbiddenOutsideScope();
    Errors errors;
    if (!repo.FindTemplate(access.scope, input.template_id)) {
      errors.push_back({"template_id", "no such template", {}});
    }
    CheckExperts(repo, tx.session(), access.scope, *org, input.expert_ids, errors);
    if (!errors.empty()) return core::Error::Invalid(std::move(errors));
    if (auto refused = Ineligible(tx.session(), *org)) return std::move(*refused);
    const auto id = repo.InsertEvaluation(input, org->registration_unit_id, actor.user_id, at);
    if (!id) {
      return core::Error::Conflict(
          fmt::format("{} already has an evaluation being scored", org->name));
    }
    repo.UseTemplate(input.template_id);
    for (std::size_t i = 0; i < input.expert_ids.size(); ++i) {
      repo.InsertExpert(*id, input.expert_ids[i], static_cast<int>(i));
    }
    Evaluation created = repo.Find({PlatformScope(), true, 0}, *id).value();
    EvaluationDetail detail = DetailOf(repo, access, std::move(created));
    tx.Record(EvaluationChange("create", detail.evaluation, nullptr,
                               AuditJson(detail.evaluation, detail.experts)));
    return detail;
  });
}

core::Result<EvaluationDetail> EvaluationService::Get(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  EvaluationRepo repo(session);
  const Access access = AccessOf(actor);
  auto found = repo.Find(access, id);
  if (!found) return account::OutOfScope();
  return DetailOf(repo, access, std::move(*found));
}

account::Page<Evaluation> EvaluationService::List(const Actor& actor,
                                                  const EvaluationFilter& filter,
                                                  const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  EvaluationRepo repo(session);
  const Access access = AccessOf(actor);
  return {repo.List(access, filter, page.page_size, page.Offset()), repo.Count(access, filter)};
}

core::Result<EvaluationDetail> EvaluationService::Score(const Actor& actor, std::int64_t id,
                                                        std::int64_t expert_id,
                                                        const json::value* scores) {
  if (expert_id != actor.user_id) return account::OutOfScope();
  const Access mine{account::ScopeOf(actor), false, actor.user_id};
  // The template is fixed once an evaluation uses it: its leaves are read before the write.
  std::vector<Leaf> leaves;
  {
    store::Session session = writer_.db().Acquire();
    EvaluationRepo repo(session);
    auto found = repo.Find(mine, id);
    if (!found) return account::OutOfScope();
    leaves = Leaves(repo.FindTemplate(PlatformScope(), found->template_id).value().body.indicators);
  }
  auto checked = ReadScores(leaves, scores);
  if (!checked) return checked.error();
  json::object stored;
  for (const auto& [code, points] : *checked) stored[code] = points;
  const Tenths total = TotalOf(*checked);
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<EvaluationDetail> {
    EvaluationRepo repo(tx.session());
    if (!repo.LockScoring(id, at)) {
      return core::Error::Conflict("the evaluation has been finalised; scores cannot change");
    }
    if (!repo.SaveScores(id, actor.user_id, json::serialize(stored), total, at)) {
      return account::OutOfScope();
    }
    Evaluation e = repo.Find(mine, id).value();
    json::object after{{"expert_user_id", actor.user_id}, {"total", PointsJson(total)}};
    json::object points;
    for (const auto& [code, p] : *checked) points[code] = PointsJson(p);
    after["scores"] = std::move(points);
    tx.Record(EvaluationChange("score", e, nullptr, std::move(after)));
    return DetailOf(repo, mine, std::move(e));
  });
}

}  // namespace lianyin::domain::evaluation
