#pragma once
// Shared steps of the venue use cases (internal to the area).

#include <boost/json/value.hpp>

#include "domain/venue/venue.hpp"

namespace lianyin::domain::venue {

boost::json::value AuditJson(const Venue& v);
boost::json::value AuditJson(const Booking& b);

}  // namespace lianyin::domain::venue
