#pragma once
// JSON of teams, plans, help projects, consumption and progress, and their JSON Schemas for
// the OpenAPI document (internal to the handlers).

#include <boost/json.hpp>
#include <string>

#include "domain/team/team.hpp"

namespace lianyin::http::handlers {

// {"id","name","domain","lead_org_id","lead_org_name","member_org_ids","members":[{"org_id",
//  "org_name","lead"}],"county_codes","counties":[{"code","name"}],"unit_id","unit_name",
//  "created_at","updated_at"}
boost::json::object TeamJson(const domain::team::Team& team);
// {"id","team_id","year","projects_planned","funds_planned_fen","created_at","updated_at"}
boost::json::object TeamPlanJson(const domain::team::Plan& plan);
// {"id","team_id","team_name","title","county_code","county_name","funds_fen","beneficiaries",
//  "started_on","member_org_ids","members","created_at","updated_at"}
boost::json::object HelpProjectJson(const domain::team::HelpProject& project);
// {"id","team_id","on","kind","amount_fen","county_code","county_name","created_at"}
boost::json::object ConsumptionJson(const domain::team::Consumption& record);
// SPEC §4: exactly {"planned":{"projects","funds_fen"},"actual":{"projects","funds_fen",
// "beneficiaries","direct_purchase_fen","sales_helped_fen"}}.
boost::json::object TeamProgressJson(const domain::team::Progress& progress);
boost::json::object YearRowsJson(const std::vector<domain::team::YearRow>& rows);
boost::json::object CountyProgressJson(const domain::team::CountyProgress& progress);
boost::json::object MemberProgressJson(const domain::team::MemberProgress& progress);
boost::json::object OverviewJson(const domain::team::Overview& overview);

std::string TeamSchema();
std::string TeamPageSchema();
std::string NewTeamSchema();
std::string TeamPlanSchema();
std::string TeamPlanListSchema();
std::string NewTeamPlanSchema();
std::string HelpProjectSchema();
std::string HelpProjectPageSchema();
std::string NewHelpProjectSchema();
std::string ConsumptionSchema();
std::string ConsumptionPageSchema();
std::string NewConsumptionSchema();
std::string TeamProgressSchema();
std::string TeamRowsSchema(const char* what);

}  // namespace lianyin::http::handlers
