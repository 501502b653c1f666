#pragma once
// JSON of organisations and the list filter from a query string, shared by the registry's
// handlers (internal to the handlers).

#include <boost/json.hpp>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/org/org.hpp"
#include "http/json_writer.hpp"
#include "http/message.hpp"

namespace lianyin::http::handlers {

boost::json::value Opt(const std::optional<std::string>& v);
// The public fields (SPEC §1) of `o` as members of the object `w` is writing, with
// registration_unit_id unless told not to.
void WritePublicFields(JsonWriter& w, const domain::org::Org& o, bool registration_unit_id);
// {public fields, legal_rep, phone, founded_on, business_scope (null unless view.full)}.
void WriteOrg(JsonWriter& w, const domain::org::OrgView& view);
// WriteOrg's object as a JSON response.
Response OrgResponse(int status, const domain::org::OrgView& view);
// q, region_code, category, status, grade, labour_field, registration_unit_id, in_scope,
// before_id, sort (-id, id, name, -name, founded_on, -founded_on; before_id only with -id); a
// bad value → 422 naming every such parameter.
core::Result<domain::org::OrgFilter> ReadOrgFilter(const Request& request);

}  // namespace lianyin::http::handlers
