#include "domain/team/team_audit.hpp"

#include <boost/json.hpp>

namespace lianyin::domain::team {
namespace {

boost::json::array OrgIds(const std::vector<Member>& members) {
  boost::json::array out;
  for (const Member& m : members) out.emplace_back(m.org_id);
  return out;
}

}  // namespace

boost::json::object AuditJson(const Team& t) {
  boost::json::array counties;
  for (const County& c : t.counties) counties.emplace_back(c.code);
  return {{"id", t.id},
          {"name", t.name},
          {"domain", t.domain},
          {"lead_org_id", t.lead_org_id},
          {"member_org_ids", OrgIds(t.members)},
          {"county_codes", std::move(counties)},
          {"unit_id", t.unit_id}};
}

boost::json::object AuditJson(const Plan& p) {
  return {{"id", p.id},
          {"team_id", p.team_id},
          {"year", p.year},
          {"projects_planned", p.projects_planned},
          {"funds_planned_fen", p.funds_planned_fen}};
}

boost::json::object AuditJson(const HelpProject& h) {
  return {{"id", h.id},
          {"team_id", h.team_id},
          {"title", h.title},
          {"county_code", h.county_code},
          {"funds_fen", h.funds_fen},
          {"beneficiaries", h.beneficiaries},
          {"started_on", h.started_on},
          {"member_org_ids", OrgIds(h.members)}};
}

boost::json::object AuditJson(const Consumption& c) {
  return {{"id", c.id},     {"team_id", c.team_id},       {"on", c.on},
          {"kind", c.kind}, {"amount_fen", c.amount_fen}, {"county_code", c.county_code}};
}

common::Change TeamChange(std::string action, std::string entity, std::int64_t id, const Team& team,
                          boost::json::value before, boost::json::value after) {
  return {std::move(action), std::move(entity), std::to_string(id),
          std::move(before), std::move(after),  true,
          team.unit_id};
}

}  // namespace lianyin::domain::team
