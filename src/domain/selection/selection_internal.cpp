#include "domain/selection/selection_internal.hpp"

#include <boost/json.hpp>

namespace lianyin::domain::selection {
namespace {

namespace json = boost::json;

}  // namespace

core::Result<Round> LoadManagedRound(SelectionRepo& repo, const common::Scope& scope,
                                     std::int64_t id) {
  auto round = repo.FindRound(scope, id);
  if (!round) return core::Error::NotFound();
  if (!round->managed) return common::ForbiddenOutsideScope();
  return std::move(*round);
}

common::Scope PlatformScope() {
  common::Scope scope;
  scope.platform = true;
  return scope;
}

common::Scope PublicScope() {
  common::Scope scope;
  scope.worker_id = 0;  // narrowed to no worker's rows: nothing is managed
  return scope;
}

json::value AuditJson(const Round& r) {
  json::array rubric;
  for (const Criterion& c : r.rubric) {
    rubric.push_back(json::object{{"code", c.code}, {"name", c.name}, {"max_score", c.max_score}});
  }
  json::object quotas;
  for (const Quota& q : r.quotas) quotas[q.category] = q.quota;
  return json::object{{"id", r.id},
                      {"title", r.title},
                      {"year", r.year},
                      {"batch", r.batch},
                      {"status", RoundStatusName(r.status)},
                      {"experts_per_project", r.experts_per_project},
                      {"rubric", std::move(rubric)},
                      {"quotas", std::move(quotas)}};
}

json::value AuditJson(const Nomination& n) {
  return json::object{
      {"id", n.id},           {"round_id", n.round_id}, {"project_id", n.project_id},
      {"unit_id", n.unit_id}, {"category", n.category}, {"story", n.story}};
}

common::Change RoundChange(std::string action, const Round& round, json::value before,
                           json::value after) {
  return {std::move(action), "selection_round", std::to_string(round.id),
          std::move(before), std::move(after),  true,
          round.unit_id};
}

common::Change NominationChange(std::string action, const Round& round,
                                const Nomination& nomination, json::value before,
                                json::value after) {
  return {std::move(action), "selection_nomination", std::to_string(nomination.id),
          std::move(before), std::move(after),       true,
          round.unit_id};
}

}  // namespace lianyin::domain::selection
