#include "http/handlers/matching_json.hpp"

#include "http/handlers/json_schema.hpp"

namespace lianyin::http::handlers {
namespace {

namespace json = boost::json;
namespace matching = domain::matching;
using schema::Array;
using schema::Enum;
using schema::Opt;
using schema::Prop;

json::array ReasonsJson(const std::vector<matching::Reason>& reasons, Lang lang) {
  json::array out;
  for (const matching::Reason& r : reasons) {
    out.push_back(json::object{{"text", domain::dictionary::Translate(r.text, lang)},
                               {"points", r.points ? json::value(*r.points) : nullptr}});
  }
  return out;
}

json::object ExcludedJson(const matching::Excluded& e, Lang lang) {
  return {{"resource_id", e.resource_id},
          {"org_id", e.org_id},
          {"org_name", e.org_name},
          {"reason", domain::dictionary::Translate(e.reason, lang)}};
}

json::array ExcludedArray(const std::vector<matching::Excluded>& excluded, Lang lang) {
  json::array out;
  for (const matching::Excluded& e : excluded) out.push_back(ExcludedJson(e, lang));
  return out;
}

json::object RequestJson(const matching::RunRequest& r) {
  return {{"region_code", Opt(r.region_code)},
          {"category", Opt(r.category)},
          {"demand_ids", json::array(r.demand_ids.begin(), r.demand_ids.end())},
          {"resource_ids", json::array(r.resource_ids.begin(), r.resource_ids.end())}};
}

// --- schemas ---

json::object ReasonSchema() {
  return schema::Closed({{"text", Prop("string", "the reason, in the reader's language")},
                         {"points", Prop("number", "the points it gave (null: none)", true)}});
}

json::object ExcludedSchema() {
  return schema::Closed(
      {{"resource_id", Prop("integer", "resource id")},
       {"org_id", Prop("integer", "its organisation")},
       {"org_name", Prop("string", "the organisation's name")},
       {"reason", Prop("string", "the active credit-list entry that excludes it")}});
}

json::object DemandProps() {
  return {{"id", Prop("integer", "demand id")},
          {"title", Prop("string", "title, 1-200 characters")},
          {"category", Prop("string", "dictionary service_category")},
          {"region_code", Prop("string", "GB/T 2260 code the unit's region covers")},
          {"region_name", Prop("string", "its name")},
          {"headcount", Prop("integer", "people to serve, 1-1000000")},
          {"matched", Prop("integer", "headcount of accepted (and later) matches")},
          {"remaining", Prop("integer", "headcount still to serve")},
          {"window_start", Prop("string", "first date, inclusive")},
          {"window_end", Prop("string", "last date, inclusive")},
          {"target_group", Prop("string", "dictionary target_group", true)},
          {"description", Prop("string", "description", true)},
          {"unit_id", Prop("integer", "the owner: a union unit (a worker's: its own, omitted)")},
          {"unit_name", Prop("string", "its name")},
          {"worker_id", Prop("integer", "the worker who posted it from the phone pages", true)},
          {"status", Enum(matching::ListingStatusNames(), "dictionary listing_status")},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

json::object ResourceProps() {
  return {{"id", Prop("integer", "resource id")},
          {"org_id", Prop("integer", "the offering organisation")},
          {"org_name", Prop("string", "its name")},
          {"org_grade", Prop("string", "its grade 5A..1A", true)},
          {"title", Prop("string", "title, 1-200 characters")},
          {"category", Prop("string", "dictionary service_category")},
          {"region_codes", Array(Prop("string", "GB/T 2260 code"), "regions covered, 1-50")},
          {"capacity", Prop("integer", "people it can serve, 1-1000000")},
          {"reserved", Prop("integer", "headcount of accepted (and later) matches")},
          {"remaining", Prop("integer", "capacity left")},
          {"window_start", Prop("string", "first date, inclusive")},
          {"window_end", Prop("string", "last date, inclusive")},
          {"cost_per_person_fen", Prop("integer", "cost per person in fen")},
          {"description", Prop("string", "description", true)},
          {"status", Enum(matching::ListingStatusNames(), "dictionary listing_status")},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

json::object Pick(const json::object& all, std::initializer_list<const char*> keys) {
  json::object out;
  for (const char* key : keys) out[key] = all.at(key);
  return out;
}

json::object MatchProps() {
  return {{"id", Prop("integer", "match id")},
          {"run_id", Prop("integer", "the run that proposed it")},
          {"demand_id", Prop("integer", "demand id")},
          {"demand_title", Prop("string", "its title")},
          {"resource_id", Prop("integer", "resource id")},
          {"resource_title", Prop("string", "its title")},
          {"unit_id", Prop("integer", "the demand's unit (the owner)")},
          {"unit_name", Prop("string", "its name")},
          {"org_id", Prop("integer", "the resource's organisation")},
          {"org_name", Prop("string", "its name")},
          {"headcount", Prop("integer", "people assigned")},
          {"cost_fen", Prop("integer", "headcount x cost per person")},
          {"reasons", Array(ReasonSchema(), "why this assignment")},
          {"status", Enum(matching::MatchStatusNames(), "dictionary match_status")},
          {"rating", Prop("integer", "1-5 once rated", true)},
          {"rating_comment", Prop("string", "the rating's comment", true)},
          {"project_id", Prop("integer", "the project made of it", true)},
          {"event_id", Prop("integer", "the event made of it", true)},
          {"decided_at", Prop("string", "date-time of the acceptance or rejection", true)},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

}  // namespace

json::object DemandJson(const matching::Demand& d) {
  return {{"id", d.id},
          {"title", d.title},
          {"category", d.category},
          {"region_code", d.region_code},
          {"region_name", d.region_name},
          {"headcount", d.headcount},
          {"matched", d.matched},
          {"remaining", d.Remaining()},
          {"window_start", d.window_start},
          {"window_end", d.window_end},
          {"target_group", Opt(d.target_group)},
          {"description", Opt(d.description)},
          {"unit_id", d.unit_id},
          {"unit_name", d.unit_name},
          {"worker_id", Opt(d.worker_id)},
          {"status", matching::StatusName(d.status)},
          {"created_at", d.created_at},
          {"updated_at", d.updated_at}};
}

json::object ResourceJson(const matching::Resource& r) {
  return {{"id", r.id},
          {"org_id", r.org_id},
          {"org_name", r.org_name},
          {"org_grade", Opt(r.org_grade)},
          {"title", r.title},
          {"category", r.category},
          {"region_codes", json::array(r.region_codes.begin(), r.region_codes.end())},
          {"capacity", r.capacity},
          {"reserved", r.reserved},
          {"remaining", r.Remaining()},
          {"window_start", r.window_start},
          {"window_end", r.window_end},
          {"cost_per_person_fen", r.cost_per_person_fen},
          {"description", Opt(r.description)},
          {"status", matching::StatusName(r.status)},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

json::object RecommendationsJson(const matching::Recommendations& found, Lang lang) {
  json::array items;
  for (const matching::Recommendation& r : found.items) {
    items.push_back(json::object{{"resource_id", r.resource.id},
                                 {"score", r.score},
                                 {"reasons", ReasonsJson(r.reasons, lang)},
                                 {"resource", ResourceJson(r.resource)}});
  }
  return {{"demand_id", found.demand_id},
          {"items", std::move(items)},
          {"candidates", found.candidates},
          {"excluded", ExcludedArray(found.excluded, lang)}};
}

json::object MatchJson(const matching::Match& m, Lang lang) {
  return {{"id", m.id},
          {"run_id", m.run_id},
          {"demand_id", m.demand_id},
          {"demand_title", m.demand_title},
          {"resource_id", m.resource_id},
          {"resource_title", m.resource_title},
          {"unit_id", m.unit_id},
          {"unit_name", m.unit_name},
          {"org_id", m.org_id},
          {"org_name", m.org_name},
          {"headcount", m.headcount},
          {"cost_fen", m.cost_fen},
          {"reasons", ReasonsJson(m.reasons, lang)},
          {"status", matching::StatusName(m.status)},
          {"rating", m.rating ? json::value(*m.rating) : nullptr},
          {"rating_comment", Opt(m.rating_comment)},
          {"project_id", Opt(m.project_id)},
          {"event_id", Opt(m.event_id)},
          {"decided_at", Opt(m.decided_at)},
          {"created_at", m.created_at},
          {"updated_at", m.updated_at}};
}

json::object RunJson(const matching::Run& run, Lang lang, bool parts) {
  json::object out{{"run_id", run.id},
                   {"id", run.id},
                   {"unit_id", run.unit_id},
                   {"unit_name", run.unit_name},
                   {"created_by", Opt(run.created_by)},
                   {"created_by_name", run.created_by ? json::value(run.created_by_name) : nullptr},
                   {"request", RequestJson(run.request)},
                   {"demands_considered", run.demands_considered},
                   {"resources_considered", run.resources_considered},
                   {"arcs", run.arcs},
                   {"matched_headcount", run.matched_headcount},
                   {"unmatched_headcount", run.unmatched_headcount},
                   {"total_cost_fen", run.total_cost_fen},
                   {"solve_ms", run.solve_ms},
                   {"proposed", run.proposed},
                   {"created_at", run.created_at}};
  if (!parts) return out;
  json::array assignments;
  for (const matching::Match& m : run.assignments) assignments.push_back(MatchJson(m, lang));
  json::array unmatched;
  for (const matching::Unmatched& u : run.unmatched) {
    unmatched.push_back(json::object{{"demand_id", u.demand_id},
                                     {"demand_title", u.demand_title},
                                     {"headcount", u.headcount},
                                     {"reason", u.reason}});
  }
  out["assignments"] = std::move(assignments);
  out["unmatched"] = std::move(unmatched);
  out["excluded"] = ExcludedArray(run.excluded, lang);
  return out;
}

json::object SummaryJson(const matching::Summary& s) {
  return {{"open_demands", s.open_demands},
          {"open_headcount", s.open_headcount},
          {"proposals_to_review", s.proposals_to_review},
          {"in_service", s.in_service},
          {"to_rate", s.to_rate},
          {"open_resources", s.open_resources}};
}

json::object DemandSchema() { return schema::Closed(DemandProps()); }

json::object NewDemandSchema() {
  return schema::Object(
      Pick(DemandProps(), {"title", "category", "region_code", "headcount", "window_start",
                           "window_end", "target_group", "description", "unit_id", "worker_id"}),
      {"title", "category", "region_code", "headcount", "window_start", "window_end"});
}

json::object ResourceSchema() { return schema::Closed(ResourceProps()); }

json::object NewResourceSchema() {
  return schema::Object(
      Pick(ResourceProps(), {"org_id", "title", "category", "region_codes", "capacity",
                             "window_start", "window_end", "cost_per_person_fen", "description"}),
      {"org_id", "title", "category", "region_codes", "capacity", "window_start", "window_end",
       "cost_per_person_fen"});
}

json::object RecommendationsSchema() {
  json::object item = schema::Closed({{"resource_id", Prop("integer", "resource id")},
                                      {"score", Prop("number", "0-100 (docs/api.md)")},
                                      {"reasons", Array(ReasonSchema(), "one per part")},
                                      {"resource", ResourceSchema()}});
  return schema::Closed({{"demand_id", Prop("integer", "demand id")},
                         {"items", Array(std::move(item), "best first, at most limit")},
                         {"candidates", Prop("integer", "compatible resources with room")},
                         {"excluded", Array(ExcludedSchema(), "left out: on a credit list")}});
}

json::object RunRequestSchema() {
  return schema::Object(
      {{"region_code", Prop("string", "only demands whose region this code covers")},
       {"category", Prop("string", "only this service_category")},
       {"demand_ids", Array(Prop("integer", "demand id"), "restrict the run to these demands")},
       {"resource_ids",
        Array(Prop("integer", "resource id"), "restrict the run to these resources")}},
      {});
}

json::object RunSchema() {
  json::object unmatched =
      schema::Closed({{"demand_id", Prop("integer", "demand id")},
                      {"demand_title", Prop("string", "its title")},
                      {"headcount", Prop("integer", "headcount left unmatched")},
                      {"reason", Enum(matching::UnmatchedReasonNames(),
                                      "dictionary unmatched_reason: the binding constraint")}});
  return schema::Object(
      {{"run_id", Prop("integer", "run id")},
       {"id", Prop("integer", "the same")},
       {"unit_id", Prop("integer", "the creator's unit (the owner)")},
       {"unit_name", Prop("string", "its name")},
       {"created_by", Prop("integer", "who ran it", true)},
       {"created_by_name", Prop("string", "their display name", true)},
       {"request", RunRequestSchema()},
       {"demands_considered", Prop("integer", "matchable demands in the run")},
       {"resources_considered", Prop("integer", "matchable resources in the run")},
       {"arcs", Prop("integer", "compatible pairs")},
       {"matched_headcount", Prop("integer", "objective 1: maximised")},
       {"unmatched_headcount", Prop("integer", "remaining headcount left unmatched")},
       {"total_cost_fen", Prop("integer", "objective 2: minimised")},
       {"solve_ms", Prop("integer", "time to solve")},
       {"proposed", Prop("integer", "assignments awaiting a decision")},
       {"created_at", Prop("string", "date-time")},
       {"assignments", Array(MatchSchema(), "the proposals, by id")},
       {"unmatched", Array(std::move(unmatched), "demands left short")},
       {"excluded", Array(ExcludedSchema(), "resources left out: on a credit list")}},
      {"run_id", "matched_headcount", "unmatched_headcount", "total_cost_fen"});
}

json::object MatchSchema() { return schema::Closed(MatchProps()); }

}  // namespace lianyin::http::handlers
