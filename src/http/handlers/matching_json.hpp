#pragma once
// JSON of demands, resources, recommendations, matching runs and matches (docs/api.md "Demands,
// resources and matching"), and their JSON Schemas for the OpenAPI document (internal to the
// handlers). Reasons are worded in the reader's language.

#include <boost/json.hpp>
#include <string>

#include "domain/dictionary/messages.hpp"
#include "domain/matching/matching.hpp"

namespace lianyin::http::handlers {

using domain::dictionary::Lang;

boost::json::object DemandJson(const domain::matching::Demand& demand);
boost::json::object ResourceJson(const domain::matching::Resource& resource);
boost::json::object RecommendationsJson(const domain::matching::Recommendations& found, Lang lang);
// A run: its figures and request; with the assignments, unmatched demands and exclusions when
// `parts` (the run itself, not a list row).
boost::json::object RunJson(const domain::matching::Run& run, Lang lang, bool parts);
boost::json::object MatchJson(const domain::matching::Match& match, Lang lang);
boost::json::object SummaryJson(const domain::matching::Summary& summary);

// JSON Schemas (serialised by the routes; lists wrap them in schema::Page).
boost::json::object DemandSchema();
boost::json::object NewDemandSchema();
boost::json::object ResourceSchema();
boost::json::object NewResourceSchema();
boost::json::object RecommendationsSchema();
boost::json::object RunRequestSchema();
boost::json::object RunSchema();
boost::json::object MatchSchema();

}  // namespace lianyin::http::handlers
