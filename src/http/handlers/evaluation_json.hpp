#pragma once
// JSON of grade-evaluation templates and evaluations (internal to the handlers); points as
// numbers with at most one decimal.

#include <boost/json.hpp>
#include <string>

#include "domain/evaluation/evaluation.hpp"

namespace lianyin::http::handlers {

// {"id","name","max_score","thresholds":{"5A",…},"indicators":[…],"leaves":[{code,name,
//  max_score}…],"builtin","unit_id","unit_name","uses","editable","created_at","updated_at"}
boost::json::object TemplateJson(const domain::evaluation::Template& t);
// {"id","org_id","org_name","uscc","template_id","template_name","unit_id","unit_name",
//  "status","score","grade","finalized_on","valid_until","expert_count","scored_count",
//  "created_at","updated_at"}
boost::json::object EvaluationJson(const domain::evaluation::Evaluation& e);
// EvaluationJson with "template": TemplateJson and "experts": [{"expert_id","name","scored",
// "scores","total","dropped","scored_at"}…] in assignment order.
boost::json::object EvaluationDetailJson(const domain::evaluation::EvaluationDetail& d);

std::string TemplateSchema();
std::string EvaluationPageSchema();
std::string EvaluationDetailSchema();

}  // namespace lianyin::http::handlers
