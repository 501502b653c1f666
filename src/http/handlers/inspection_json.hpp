#pragma once
// JSON of inspection plans, outcomes, assignments and declarations, and their JSON Schemas for
// the OpenAPI document (internal to the handlers). The public answer is the domain's
// (inspection_codec.hpp: SPEC §5.2 fixes it).

#include <boost/json.hpp>
#include <string>

#include "domain/inspection/inspection.hpp"
#include "domain/inspection/inspection_service.hpp"

namespace lianyin::http::handlers {

// {"id","name","status","unit_id","unit_name","inspector_unit_id","inspector_unit_name",
//  "sample_size","inspectors_per_team","org_filter","org_pool_size","inspector_pool_size",
//  "seed_commitment","seed","drawn_at","published_at","created_at","updated_at"}
boost::json::object PlanSummaryJson(const domain::inspection::Plan& plan);
// PlanSummaryJson + "org_pool","inspector_pool","conflicts","selections","sampling_hint"
// {level, percent, suggested_sample_size}, "suggested_sample_size" and "outcomes" (draw order).
boost::json::object PlanDetailJson(const domain::inspection::PlanDetail& detail);
// {"position","uscc","org_id","org_name","inspector_ids","inspector_names","result","findings",
//  "recorded_by_user_id","recorded_at"}
boost::json::object OutcomeJson(const domain::inspection::Outcome& outcome);
// {"plan_id","plan_name","plan_status"} + OutcomeJson.
boost::json::object AssignmentJson(const domain::inspection::Assignment& assignment);
// {"id","user_id","uscc","org_name","created_by_user_id","created_at"}
boost::json::object UserConflictJson(const domain::inspection::UserConflict& conflict);
// {"org_count","inspector_count","sampling_hint":{…}}
boost::json::object PreviewJson(const domain::inspection::PoolPreview& preview);

std::string NewPlanSchema();
std::string PlanDetailSchema();
std::string ResultSchema();
std::string ConflictSchema();
std::string PublicDrawSchema();

}  // namespace lianyin::http::handlers
