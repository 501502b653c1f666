#pragma once
// Shared steps of the venue use cases (internal to the area).

#include <boost/json/value.hpp>
#include <cstdint>

#include "core/error.hpp"
#include "domain/common/scope.hpp"
#include "domain/venue/venue.hpp"

namespace lianyin::domain::venue {

boost::json::value AuditJson(const Venue& v);
boost::json::value AuditJson(const Booking& b);
boost::json::value AuditJson(const Photo& p);

class VenueRepo;
// The venue when `scope` may change it: 404 when missing, 403 outside scope.
core::Result<Venue> LoadChangeable(VenueRepo& repo, const common::Scope& scope, std::int64_t id);

}  // namespace lianyin::domain::venue
