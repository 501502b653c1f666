#pragma once
// JSON of organisations and the list filter from a query string, shared by the registry's
// handlers (internal to the handlers).

#include <boost/json.hpp>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/org/org.hpp"
#include "http/message.hpp"

namespace lianyin::http::handlers {

boost::json::value Opt(const std::optional<std::string>& v);
// The public fields (SPEC §1) of every organisation, built in `storage`.
boost::json::object PublicJson(const domain::org::Org& o, boost::json::storage_ptr storage = {});
// Public fields, plus legal_rep, phone, founded_on and business_scope (null unless view.full).
boost::json::object OrgJson(const domain::org::OrgView& view,
                            boost::json::storage_ptr storage = {});
// q, region_code, category, status, grade, labour_field, registration_unit_id, in_scope, sort; a
// bad value → 422 naming every such parameter.
core::Result<domain::org::OrgFilter> ReadOrgFilter(const Request& request);

}  // namespace lianyin::http::handlers
