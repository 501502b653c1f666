#pragma once
// JSON of service projects and their parts (docs/api.md "Service projects"), and the JSON
// Schema of a project for the OpenAPI document (internal to the handlers).

#include <boost/json.hpp>
#include <string>

#include "domain/project/project.hpp"

namespace lianyin::http::handlers {

boost::json::object ProjectJson(const domain::project::Project& project);
boost::json::object SummaryJson(const domain::project::Summary& summary);
boost::json::object HistoryEventJson(const domain::project::HistoryEvent& event);
boost::json::object OutputJson(const domain::project::Output& output);
boost::json::object MilestoneJson(const domain::project::Milestone& milestone);
boost::json::object PaymentJson(const domain::project::Payment& payment);
boost::json::object DocumentJson(const domain::project::Document& document);

std::string ProjectSchema();
std::string ProjectPageSchema();
std::string NewProjectSchema();

}  // namespace lianyin::http::handlers
