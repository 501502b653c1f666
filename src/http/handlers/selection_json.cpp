#include "http/handlers/selection_json.hpp"

#include "http/handlers/json_schema.hpp"

namespace lianyin::http::handlers {

namespace json = boost::json;
namespace selection = domain::selection;
using schema::Opt;

json::object RoundJson(const selection::Round& r) {
  json::array rubric;
  for (const selection::Criterion& c : r.rubric) {
    rubric.push_back(json::object{{"code", c.code}, {"name", c.name}, {"max_score", c.max_score}});
  }
  json::array quotas;
  for (const selection::Quota& q : r.quotas) {
    quotas.push_back(
        json::object{{"category", q.category}, {"quota", q.quota}, {"nominated", q.nominated}});
  }
  return {{"id", r.id},
          {"title", r.title},
          {"year", r.year},
          {"batch", r.batch},
          {"unit_id", r.unit_id},
          {"unit_name", r.unit_name},
          {"status", selection::RoundStatusName(r.status)},
          {"experts_per_project", r.experts_per_project},
          {"rubric", std::move(rubric)},
          {"max_total", r.MaxTotal()},
          {"quotas", std::move(quotas)},
          {"published_on", Opt(r.published_on)},
          {"nominations", r.nominations},
          {"excellent", r.excellent},
          {"managed", r.managed},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

json::object NominationJson(const selection::Nomination& n, bool public_view) {
  json::object out{
      {"id", n.id},
      {"round_id", n.round_id},
      {"project_id", n.project_id},
      {"title", n.project_title},
      {"category", n.category},
      {"funding_unit_name", n.funding_unit_name},
      {"providers", json::array(n.providers.begin(), n.providers.end())},
      {"region_code", n.region_code},
      {"region_name", n.region_name},
      {"year", n.contracted_on ? json::value(std::stoi(n.contracted_on->substr(0, 4))) : nullptr},
      {"contract_fen", n.contract_fen},
      {"person_times", n.person_times},
      {"target_groups", json::array(n.target_groups.begin(), n.target_groups.end())},
      {"story", n.story},
      {"score",
       n.score_tenths ? json::value(static_cast<double>(*n.score_tenths) / 10.0) : nullptr},
      {"rank", n.rank ? json::value(*n.rank) : nullptr},
      {"excellent", n.excellent}};
  if (!public_view) {
    out["unit_id"] = n.unit_id;
    out["unit_name"] = n.unit_name;
    out["funding_unit_id"] = n.funding_unit_id;
    out["experts"] = n.experts;
    out["scored"] = n.scored;
    out["created_at"] = n.created_at;
  }
  return out;
}

json::object AssignmentJson(const selection::Assignment& a) {
  json::value scores = nullptr;
  if (a.scores) scores = json::parse(*a.scores);
  return {{"nomination_id", a.nomination_id},
          {"round_id", a.round_id},
          {"expert_user_id", a.expert_user_id},
          {"expert_name", a.expert_name},
          {"scored", a.total.has_value()},
          {"scores", std::move(scores)},
          {"total", Opt(a.total)},
          {"scored_at", Opt(a.scored_at)}};
}

json::object ExpertJson(const selection::Expert& e) {
  return {
      {"user_id", e.user_id}, {"name", e.name}, {"unit_id", e.unit_id}, {"org_id", Opt(e.org_id)}};
}

json::object JobJson(const selection::BookletJob& j) {
  return {{"id", j.id},
          {"round_id", j.round_id},
          {"status", j.status},
          {"progress", j.progress},
          {"pages", j.pages ? json::value(*j.pages) : nullptr},
          {"projects", j.projects ? json::value(*j.projects) : nullptr},
          {"error", Opt(j.error)},
          {"created_at", j.created_at},
          {"updated_at", j.updated_at}};
}

}  // namespace lianyin::http::handlers
