#pragma once
// JSON of annual reports, the overdue list and penalties, and their JSON Schemas for the
// OpenAPI document (internal to the handlers).

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "domain/annual/annual.hpp"

namespace lianyin::http::handlers {

// {"id","org_id","org_name","uscc","year","income_fen","expense_fen","net_assets_fen",
//  "gov_purchase_income_fen","activities","status","result","review_comment",
//  "return_comment","unit_id","unit_name","submitted_by_user_id","submitted_by_name",
//  "submitted_at","reviewed_by_user_id","reviewed_by_name","reviewed_at","deadline",
//  "created_at","updated_at"}
boost::json::object ReportJson(const domain::annual::AnnualReport& report);
// {"year","deadline","past_deadline","items":[{"org_id","org_name","uscc","status","unit_id",
//  "unit_name"}],"total","page","page_size"}
boost::json::object OverdueJson(const domain::annual::OverduePage& page, std::int64_t page_no,
                                std::int64_t page_size);
// {"id","org_id","decided_on","kind","reason","decision_no","amount_fen","unit_id","unit_name",
//  "created_at","updated_at"}
boost::json::object PenaltyJson(const domain::annual::Penalty& penalty);
// The public disclosure's: [{"year","result","reviewed_on","unit_name"}] (no figures) and
// [{"decided_on","kind","reason","decision_no","amount_fen","unit_name"}] (no people).
boost::json::array PublicReportsJson(const std::vector<domain::annual::PublicReport>& reports);
boost::json::array PublicPenaltiesJson(const std::vector<domain::annual::Penalty>& penalties);

std::string ReportSchema();
std::string ReportPageSchema();
std::string OverdueSchema();
std::string PenaltySchema();
std::string PenaltyPageSchema();
std::string NewReportSchema();
std::string ReportPatchSchema();
std::string ReviewSchema();
std::string ReturnSchema();
std::string NewPenaltySchema();

}  // namespace lianyin::http::handlers
