#include "http/handlers/project_json.hpp"

#include "domain/project/project_rules.hpp"
#include "http/handlers/json_schema.hpp"

namespace lianyin::http::handlers {
namespace {

namespace json = boost::json;
namespace project = domain::project;

using schema::Array;
using schema::Enum;
using schema::Keys;
using schema::Opt;
using schema::Prop;

json::object ProjectProps() {
  return {{"id", Prop("integer", "project id")},
          {"title", Prop("string", "title")},
          {"category", Prop("string", "dictionary service_category")},
          {"funding_unit_id", Prop("integer", "the owner: a union unit")},
          {"funding_unit_name", Prop("string", "its name")},
          {"mode", Enum(project::ModeNames(), "dictionary project_mode")},
          {"provider_org_ids", Array(Prop("integer", "organisation id"), "providers, in order")},
          {"providers", Array({{"type", "object"}}, "{id, name, uscc} of each provider")},
          {"budget_fen", Prop("integer", "budget in fen")},
          {"contract_fen", Prop("integer", "contract sum in fen (null before contracted)", true)},
          {"contracted_on", Prop("string", "contract date (null before contracted)", true)},
          {"region_code", Prop("string", "GB/T 2260 code")},
          {"region_name", Prop("string", "its name")},
          {"start_on", Prop("string", "date")},
          {"end_on", Prop("string", "date")},
          {"target_groups",
           Array(Enum(project::TargetGroupNames(), "code"), "dictionary target_group")},
          {"description", Prop("string", "description", true)},
          {"status", Enum(project::StatusNames(), "dictionary project_status")},
          {"person_times", Prop("integer", "outputs: person-times")},
          {"events_held", Prop("integer", "outputs: events held")},
          {"spent_fen", Prop("integer", "outputs: money spent")},
          {"scheduled_fen", Prop("integer", "sum of the payment schedule")},
          {"paid_fen", Prop("integer", "sum of its paid rows")},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

}  // namespace

json::object ProjectJson(const project::Project& p) {
  json::array ids;
  json::array providers;
  for (const project::Provider& o : p.providers) {
    ids.emplace_back(o.id);
    providers.push_back(json::object{{"id", o.id}, {"name", o.name}, {"uscc", o.uscc}});
  }
  return {{"id", p.id},
          {"title", p.title},
          {"category", p.category},
          {"funding_unit_id", p.funding_unit_id},
          {"funding_unit_name", p.funding_unit_name},
          {"mode", p.mode},
          {"provider_org_ids", std::move(ids)},
          {"providers", std::move(providers)},
          {"budget_fen", p.budget_fen},
          {"contract_fen", Opt(p.contract_fen)},
          {"contracted_on", Opt(p.contracted_on)},
          {"region_code", p.region_code},
          {"region_name", p.region_name},
          {"start_on", p.start_on},
          {"end_on", p.end_on},
          {"target_groups", json::array(p.target_groups.begin(), p.target_groups.end())},
          {"description", Opt(p.description)},
          {"status", project::StatusName(p.status)},
          {"person_times", p.person_times},
          {"events_held", p.events_held},
          {"spent_fen", p.spent_fen},
          {"scheduled_fen", p.scheduled_fen},
          {"paid_fen", p.paid_fen},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

json::object SummaryJson(const project::Summary& s) {
  json::object by_status;
  for (const auto& [status, n] : s.by_status) by_status[status] = n;
  return {{"by_status", std::move(by_status)},
          {"to_accept", s.to_accept},
          {"outputs_this_month", json::object{{"entries", s.month_entries},
                                              {"person_times", s.month_person_times},
                                              {"events", s.month_events},
                                              {"spent_fen", s.month_spent_fen}}}};
}

json::object HistoryEventJson(const project::HistoryEvent& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"action", e.action},
          {"from_status", Opt(e.from_status)},
          {"to_status", Opt(e.to_status)},
          {"reason", Opt(e.reason)},
          {"by_user_id", Opt(e.by_user_id)},
          {"by_name", e.by_user_id ? json::value(e.by_name) : nullptr},
          {"detail", e.detail}};
}

json::object OutputJson(const project::Output& o) {
  return {{"id", o.id},
          {"project_id", o.project_id},
          {"on", o.on},
          {"person_times", o.person_times},
          {"events", o.events},
          {"spent_fen", o.spent_fen},
          {"note", Opt(o.note)},
          {"reverses_id", Opt(o.reverses_id)},
          {"reversed_by_id", Opt(o.reversed_by_id)},
          {"reason", Opt(o.reason)},
          {"by_user_id", Opt(o.by_user_id)},
          {"by_name", o.by_user_id ? json::value(o.by_name) : nullptr},
          {"created_at", o.created_at}};
}

json::object MilestoneJson(const project::Milestone& m) {
  return {{"id", m.id},         {"project_id", m.project_id}, {"title", m.title},
          {"due_on", m.due_on}, {"done_on", Opt(m.done_on)},  {"note", Opt(m.note)}};
}

json::object PaymentJson(const project::Payment& p) {
  return {{"id", p.id},
          {"project_id", p.project_id},
          {"due_on", p.due_on},
          {"amount_fen", p.amount_fen},
          {"paid_on", Opt(p.paid_on)},
          {"note", Opt(p.note)}};
}

json::object DocumentJson(const project::Document& d) {
  return {{"id", d.id},
          {"project_id", d.project_id},
          {"kind", d.kind},
          {"file_name", d.file_name},
          {"media_type", d.media_type},
          {"size", d.size},
          {"sha256", d.sha256},
          {"by_user_id", Opt(d.by_user_id)},
          {"by_name", d.by_user_id ? json::value(d.by_name) : nullptr},
          {"created_at", d.created_at}};
}

std::string ProjectSchema() {
  json::object props = ProjectProps();
  json::array required = Keys(props);
  return json::serialize(
      json::object{{"type", "object"}, {"properties", std::move(props)}, {"required", required}});
}

std::string ProjectPageSchema() {
  return json::serialize(schema::Page(json::parse(ProjectSchema()), "matching projects in scope"));
}

std::string NewProjectSchema() {
  json::object all = ProjectProps();
  json::object props;
  for (const char* key :
       {"title", "category", "funding_unit_id", "mode", "provider_org_ids", "budget_fen",
        "region_code", "start_on", "end_on", "target_groups", "description"}) {
    props[key] = all[key];
  }
  return json::serialize(
      json::object{{"type", "object"},
                   {"properties", std::move(props)},
                   {"required", json::array{"title", "category", "funding_unit_id", "mode",
                                            "budget_fen", "region_code", "start_on", "end_on"}}});
}

}  // namespace lianyin::http::handlers
