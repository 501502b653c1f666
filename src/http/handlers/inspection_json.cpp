#include "http/handlers/inspection_json.hpp"

#include "domain/inspection/inspection_codec.hpp"
#include "domain/inspection/inspection_rules.hpp"
#include "http/handlers/json_schema.hpp"

namespace lianyin::http::handlers {
namespace {

namespace json = boost::json;
namespace insp = domain::inspection;
using schema::Opt;

json::array Ids(const std::vector<std::int64_t>& ids) {
  return json::array(ids.begin(), ids.end());
}

json::object HintJson(const insp::SamplingHint& h) {
  return {{"level", h.level},
          {"percent", h.percent},
          {"suggested_sample_size", h.suggested_sample_size}};
}

}  // namespace

json::object PlanSummaryJson(const insp::Plan& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"status", p.status},
          {"unit_id", p.unit_id},
          {"unit_name", p.unit_name},
          {"inspector_unit_id", p.inspector_unit_id},
          {"inspector_unit_name", p.inspector_unit_name},
          {"sample_size", p.sample_size},
          {"inspectors_per_team", p.inspectors_per_team},
          {"org_filter", insp::OrgFilterJson(p.org_filter)},
          {"org_pool_size", p.org_pool_size},
          {"inspector_pool_size", p.inspector_pool_size},
          {"seed_commitment", p.seed_commitment},
          {"seed", Opt(p.seed)},
          {"drawn_at", Opt(p.drawn_at)},
          {"published_at", Opt(p.published_at)},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

json::object PlanDetailJson(const insp::PlanDetail& d) {
  json::object out = PlanSummaryJson(d.plan);
  const json::object answer = insp::PublicAnswer({d.plan, {}});
  for (const char* key : {"org_pool", "inspector_pool", "conflicts", "selections"}) {
    out[key] = answer.at(key);
  }
  out["sampling_hint"] = HintJson(d.hint);
  out["suggested_sample_size"] = d.hint.suggested_sample_size;
  json::array outcomes;
  for (const insp::Outcome& o : d.outcomes) outcomes.push_back(OutcomeJson(o));
  out["outcomes"] = std::move(outcomes);
  return out;
}

json::object OutcomeJson(const insp::Outcome& o) {
  return {{"position", o.position},
          {"uscc", o.uscc},
          {"org_id", Opt(o.org_id)},
          {"org_name", o.org_name},
          {"inspector_ids", Ids(o.inspector_ids)},
          {"inspector_names", json::array(o.inspector_names.begin(), o.inspector_names.end())},
          {"result", Opt(o.result)},
          {"findings", o.findings},
          {"recorded_by_user_id", Opt(o.recorded_by_user_id)},
          {"recorded_at", Opt(o.recorded_at)}};
}

json::object AssignmentJson(const insp::Assignment& a) {
  json::object out{
      {"plan_id", a.plan_id}, {"plan_name", a.plan_name}, {"plan_status", a.plan_status}};
  for (auto& field : OutcomeJson(a.outcome)) out[field.key()] = field.value();
  return out;
}

json::object UserConflictJson(const insp::UserConflict& c) {
  return {{"id", c.id},
          {"user_id", c.user_id},
          {"uscc", c.uscc},
          {"org_name", c.org_name},
          {"created_by_user_id", c.created_by_user_id},
          {"created_at", c.created_at}};
}

json::object PreviewJson(const insp::PoolPreview& p) {
  return {{"org_count", p.org_count},
          {"inspector_count", p.inspector_count},
          {"sampling_hint", HintJson(p.hint)}};
}

std::string NewPlanSchema() {
  using schema::Prop;
  json::object filter = schema::Object(
      {{"region_code", Prop("string", "GB/T 2260 code covering the organisations' region")},
       {"org_type", Prop("string", "social_group | social_service | foundation | other")},
       {"category", Prop("string", "a service category")}},
      {});
  json::object conflict = schema::Closed(
      {{"inspector_id", Prop("integer", "user id")}, {"uscc", Prop("string", "USCC")}});
  return json::serialize(schema::Object(
      {{"name", Prop("string", "plan name")},
       {"sample_size", Prop("integer", "organisations to draw")},
       {"inspectors_per_team", Prop("integer", "inspectors per organisation")},
       {"org_filter", filter},
       {"inspector_unit_id", Prop("integer", "unit whose subtree's inspectors form the pool")},
       {"conflicts", schema::Array(conflict, "conflicts of interest for this plan")}},
      {"name", "sample_size", "inspectors_per_team", "inspector_unit_id"}));
}

std::string PlanDetailSchema() {
  return json::serialize(json::object{{"type", "object"},
                                      {"description",
                                       "plan with frozen pools, conflicts, seed_commitment, seed "
                                       "(null before the draw), selections, sampling_hint, "
                                       "outcomes"}});
}

std::string ResultSchema() {
  using schema::Prop;
  return json::serialize(
      schema::Object({{"result", schema::Enum(insp::ResultNames(), "inspection result")},
                      {"findings", Prop("string", "what was found (required unless no_issue)")}},
                     {"result"}));
}

std::string ConflictSchema() {
  return json::serialize(schema::Closed({{"uscc", schema::Prop("string", "USCC")}}));
}

std::string PublicDrawSchema() {
  using schema::Prop;
  json::object selection = schema::Closed(
      {{"uscc", Prop("string", "USCC")},
       {"inspector_ids", schema::Array(Prop("integer", "user id"), "in the order drawn")}});
  json::object conflict = schema::Closed(
      {{"inspector_id", Prop("integer", "user id")}, {"uscc", Prop("string", "USCC")}});
  return json::serialize(schema::Object(
      {{"plan_id", Prop("integer", "plan id")},
       {"name", Prop("string", "plan name")},
       {"seed_commitment", Prop("string", "hex(SHA-256(seed))")},
       {"seed", Prop("string", "hex seed; null before the draw", true)},
       {"org_pool", schema::Array(Prop("string", "USCC"), "USCC ascending")},
       {"inspector_pool", schema::Array(Prop("integer", "user id"), "ascending")},
       {"conflicts", schema::Array(conflict, "by (inspector_id, uscc)")},
       {"sample_size", Prop("integer", "organisations drawn")},
       {"inspectors_per_team", Prop("integer", "inspectors per organisation")},
       {"selections", schema::Array(selection, "in draw order")},
       {"status", Prop("string", "planned | drawn | published")},
       {"results", Prop("array", "[{uscc, result, findings}] once published", true)}},
      {"plan_id", "name", "seed_commitment", "seed", "org_pool", "inspector_pool", "conflicts",
       "sample_size", "inspectors_per_team", "selections"}));
}

}  // namespace lianyin::http::handlers
