#pragma once
// OpenAPI 3.0.3 description of the registered routes (GET /api/v1/openapi.json).

#include <boost/json/object.hpp>
#include <string_view>

#include "http/router.hpp"

namespace lianyin::http {

// One path item per route pattern with an operation per method: summary and tag from
// RouteInfo; `{name}` segments as path parameters (integer ≥ 1 when named `id` or `…_id`);
// the session cookie (and X-CSRF-Token for writes) as security unless !requires_auth; request
// and 2XX schemas from RouteInfo's JSON Schema text (a generic object when absent or not
// valid JSON); the SPEC §3 error responses referencing #/components/schemas/Error.
boost::json::object OpenApiDocument(const Router& router, std::string_view title,
                                    std::string_view version,
                                    std::string_view session_cookie = "session");

}  // namespace lianyin::http
