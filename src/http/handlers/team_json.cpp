#include "http/handlers/team_json.hpp"

#include "http/handlers/json_schema.hpp"

namespace lianyin::http::handlers {
namespace {

namespace team = domain::team;
namespace json = boost::json;
using schema::Array;
using schema::Closed;
using schema::Enum;
using schema::Object;
using schema::Prop;

json::array MembersJson(const std::vector<team::Member>& members, json::array& ids) {
  json::array out;
  for (const team::Member& m : members) {
    ids.emplace_back(m.org_id);
    out.push_back(json::object{{"org_id", m.org_id}, {"org_name", m.org_name}, {"lead", m.lead}});
  }
  return out;
}

json::object PlannedJson(const team::Planned& p) {
  return {{"projects", p.projects}, {"funds_fen", p.funds_fen}};
}

json::object ActualJson(const team::Actual& a) {
  return {{"projects", a.projects},
          {"funds_fen", a.funds_fen},
          {"beneficiaries", a.beneficiaries},
          {"direct_purchase_fen", a.direct_purchase_fen},
          {"sales_helped_fen", a.sales_helped_fen}};
}

// --- schemas ---

json::object MemberObject() {
  return Closed({{"org_id", Prop("integer", "organisation id")},
                 {"org_name", Prop("string", "its name")},
                 {"lead", Prop("boolean", "the lead organisation (团长单位)")}});
}

json::object PlannedObject() {
  return Closed({{"projects", Prop("integer", "help projects planned")},
                 {"funds_fen", Prop("integer", "funds planned, fen")}});
}

json::object ActualObject() {
  return Closed({{"projects", Prop("integer", "help projects started (a shared one counts once)")},
                 {"funds_fen", Prop("integer", "their funds, fen")},
                 {"beneficiaries", Prop("integer", "their beneficiaries")},
                 {"direct_purchase_fen", Prop("integer", "produce bought directly, fen")},
                 {"sales_helped_fen", Prop("integer", "sales helped, fen")}});
}

json::object ProgressObject() {
  return Closed({{"planned", PlannedObject()}, {"actual", ActualObject()}});
}

json::object TeamObject() {
  return Closed(
      {{"id", Prop("integer", "team id")},
       {"name", Prop("string", "name")},
       {"domain", Enum(team::DomainNames(), "dictionary team_domain")},
       {"lead_org_id", Prop("integer", "the lead organisation (团长单位), also a member")},
       {"lead_org_name", Prop("string", "its name")},
       {"member_org_ids", Array(Prop("integer", "organisation id"), "every member, lead first")},
       {"members", Array(MemberObject(), "every member, lead first")},
       {"county_codes", Array(Prop("string", "county code"), "paired counties (结对帮扶县)")},
       {"counties", Array(Closed({{"code", Prop("string", "county code")},
                                  {"name", Prop("string", "its name")}}),
                          "paired counties with names")},
       {"unit_id", Prop("integer", "the owner: the creator's unit")},
       {"unit_name", Prop("string", "its name")},
       {"created_at", Prop("string", "date-time")},
       {"updated_at", Prop("string", "date-time")}});
}

json::object PlanObject() {
  return Closed({{"id", Prop("integer", "plan id")},
                 {"team_id", Prop("integer", "the team")},
                 {"year", Prop("integer", "the year planned (one plan per year)")},
                 {"projects_planned", Prop("integer", "help projects planned")},
                 {"funds_planned_fen", Prop("integer", "funds planned, fen")},
                 {"created_at", Prop("string", "date-time")},
                 {"updated_at", Prop("string", "date-time")}});
}

json::object HelpProjectObject() {
  return Closed(
      {{"id", Prop("integer", "help project id")},
       {"team_id", Prop("integer", "the team")},
       {"team_name", Prop("string", "its name")},
       {"title", Prop("string", "title")},
       {"county_code", Prop("string", "the county helped")},
       {"county_name", Prop("string", "its name")},
       {"funds_fen", Prop("integer", "funds invested, fen")},
       {"beneficiaries", Prop("integer", "people reached")},
       {"started_on", Prop("string", "start date (YYYY-MM-DD): its year is the one it counts in")},
       {"member_org_ids", Array(Prop("integer", "organisation id"), "participants (参与单位)")},
       {"members", Array(MemberObject(), "participants with names")},
       {"created_at", Prop("string", "date-time")},
       {"updated_at", Prop("string", "date-time")}});
}

json::object ConsumptionObject() {
  return Closed({{"id", Prop("integer", "record id")},
                 {"team_id", Prop("integer", "the team")},
                 {"on", Prop("string", "date (YYYY-MM-DD)")},
                 {"kind", Enum(team::ConsumptionKinds(), "dictionary consumption_kind")},
                 {"amount_fen", Prop("integer", "amount, fen")},
                 {"county_code", Prop("string", "the county whose produce it was")},
                 {"county_name", Prop("string", "its name")},
                 {"created_at", Prop("string", "date-time")}});
}

std::string Text(const json::object& o) { return json::serialize(o); }

}  // namespace

json::object TeamJson(const team::Team& t) {
  json::array ids, codes, counties;
  json::array members = MembersJson(t.members, ids);
  for (const team::County& c : t.counties) {
    codes.emplace_back(c.code);
    counties.push_back(json::object{{"code", c.code}, {"name", c.name}});
  }
  return {{"id", t.id},
          {"name", t.name},
          {"domain", t.domain},
          {"lead_org_id", t.lead_org_id},
          {"lead_org_name", t.lead_org_name},
          {"member_org_ids", std::move(ids)},
          {"members", std::move(members)},
          {"county_codes", std::move(codes)},
          {"counties", std::move(counties)},
          {"unit_id", t.unit_id},
          {"unit_name", t.unit_name},
          {"created_at", t.created_at},
          {"updated_at", t.updated_at}};
}

json::object TeamPlanJson(const team::Plan& p) {
  return {{"id", p.id},
          {"team_id", p.team_id},
          {"year", p.year},
          {"projects_planned", p.projects_planned},
          {"funds_planned_fen", p.funds_planned_fen},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

json::object HelpProjectJson(const team::HelpProject& h) {
  json::array ids;
  json::array members = MembersJson(h.members, ids);
  return {{"id", h.id},
          {"team_id", h.team_id},
          {"team_name", h.team_name},
          {"title", h.title},
          {"county_code", h.county_code},
          {"county_name", h.county_name},
          {"funds_fen", h.funds_fen},
          {"beneficiaries", h.beneficiaries},
          {"started_on", h.started_on},
          {"member_org_ids", std::move(ids)},
          {"members", std::move(members)},
          {"created_at", h.created_at},
          {"updated_at", h.updated_at}};
}

json::object ConsumptionJson(const team::Consumption& c) {
  return {{"id", c.id},
          {"team_id", c.team_id},
          {"on", c.on},
          {"kind", c.kind},
          {"amount_fen", c.amount_fen},
          {"county_code", c.county_code},
          {"county_name", c.county_name},
          {"created_at", c.created_at}};
}

json::object TeamProgressJson(const team::Progress& p) {
  return {{"planned", PlannedJson(p.planned)}, {"actual", ActualJson(p.actual)}};
}

json::object YearRowsJson(const std::vector<team::YearRow>& rows) {
  json::array out;
  for (const team::YearRow& r : rows) {
    json::object row = TeamProgressJson(r.progress);
    row["year"] = r.year;
    out.push_back(std::move(row));
  }
  return {{"rows", std::move(out)}};
}

json::object CountyProgressJson(const team::CountyProgress& p) {
  json::array rows;
  for (const team::CountyRow& r : p.rows) {
    rows.push_back(json::object{{"county_code", r.county_code},
                                {"county_name", r.county_name},
                                {"paired", r.paired},
                                {"actual", ActualJson(r.actual)}});
  }
  return {{"planned", PlannedJson(p.planned)},
          {"rows", std::move(rows)},
          {"total", ActualJson(p.total)}};
}

json::object MemberProgressJson(const team::MemberProgress& p) {
  json::array rows;
  for (const team::MemberRow& r : p.rows) {
    rows.push_back(json::object{{"org_id", r.member.org_id},
                                {"org_name", r.member.org_name},
                                {"lead", r.member.lead},
                                {"projects", r.projects},
                                {"shared_projects", r.shared_projects},
                                {"funds_fen", r.funds_fen},
                                {"beneficiaries", r.beneficiaries}});
  }
  return {{"rows", std::move(rows)},
          {"team_total", TeamProgressJson(p.team_total)},
          {"rows_add_up", false},
          {"note",
           "each member's row counts every help project it takes part in, in full; a shared "
           "project appears in several rows and once in team_total"}};
}

json::object OverviewJson(const team::Overview& o) {
  json::array rows;
  for (const team::OverviewRow& r : o.rows) {
    json::object row = TeamProgressJson(r.progress);
    row["team_id"] = r.team_id;
    row["name"] = r.name;
    row["domain"] = r.domain;
    row["lead_org_id"] = r.lead_org_id;
    row["lead_org_name"] = r.lead_org_name;
    row["members"] = r.members;
    row["counties"] = r.counties;
    rows.push_back(std::move(row));
  }
  return {{"rows", std::move(rows)}, {"total", TeamProgressJson(o.total)}};
}

std::string TeamSchema() { return Text(TeamObject()); }
std::string TeamPageSchema() { return Text(schema::Page(TeamObject(), "teams in scope")); }
std::string NewTeamSchema() {
  return Text(
      Object({{"name", Prop("string", "name")},
              {"domain", Enum(team::DomainNames(), "dictionary team_domain")},
              {"lead_org_id", Prop("integer", "the lead organisation; a member either way")},
              {"member_org_ids", Array(Prop("integer", "organisation id"), "the other members")},
              {"county_codes", Array(Prop("string", "county code"), "paired counties (optional)")}},
             {"name", "domain", "lead_org_id", "member_org_ids"}));
}
std::string TeamPlanSchema() { return Text(PlanObject()); }
std::string TeamPlanListSchema() {
  return Text(Closed({{"items", Array(PlanObject(), "by year")}}));
}
std::string NewTeamPlanSchema() {
  return Text(Closed({{"year", Prop("integer", "2000–2100")},
                      {"projects_planned", Prop("integer", "help projects planned")},
                      {"funds_planned_fen", Prop("integer", "funds planned, fen")}}));
}
std::string HelpProjectSchema() { return Text(HelpProjectObject()); }
std::string HelpProjectPageSchema() {
  return Text(schema::Page(HelpProjectObject(), "matching help projects"));
}
std::string NewHelpProjectSchema() {
  return Text(
      Object({{"title", Prop("string", "title")},
              {"county_code", Prop("string", "a county-level region code")},
              {"funds_fen", Prop("integer", "funds invested, fen")},
              {"beneficiaries", Prop("integer", "people reached")},
              {"started_on", Prop("string", "start date (YYYY-MM-DD)")},
              {"member_org_ids", Array(Prop("integer", "organisation id"),
                                       "participants, team members only (default: the lead)")}},
             {"title", "county_code", "funds_fen", "beneficiaries", "started_on"}));
}
std::string ConsumptionSchema() { return Text(ConsumptionObject()); }
std::string ConsumptionPageSchema() {
  return Text(schema::Page(ConsumptionObject(), "matching consumption records"));
}
std::string NewConsumptionSchema() {
  return Text(Closed({{"on", Prop("string", "date (YYYY-MM-DD)")},
                      {"kind", Enum(team::ConsumptionKinds(), "dictionary consumption_kind")},
                      {"amount_fen", Prop("integer", "amount, fen (positive)")},
                      {"county_code", Prop("string", "a county-level region code")}}));
}
std::string TeamProgressSchema() { return Text(ProgressObject()); }
std::string TeamRowsSchema(const char* what) {
  return Text(Object({{"rows", Array(json::object{{"type", "object"}}, what)}}, {"rows"}));
}

}  // namespace lianyin::http::handlers
