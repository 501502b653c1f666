#pragma once
// JSON of venues, bookings and a venue's calendar (docs/api.md "Venues and bookings (issue
// #11)"), and their JSON Schemas for the OpenAPI document (internal to the handlers).

#include <boost/json.hpp>
#include <vector>

#include "domain/venue/venue.hpp"

namespace lianyin::http::handlers {

boost::json::object VenueJson(const domain::venue::Venue& venue);
boost::json::object BookingJson(const domain::venue::Booking& booking);
// POST /venues/{id}/bookings: {"items":[booking…],"series_id"}.
boost::json::object BookedJson(const std::vector<domain::venue::Booking>& booked);
boost::json::object CalendarJson(const domain::venue::Calendar& calendar);
boost::json::object PhotoJson(const domain::venue::Photo& photo);

// JSON Schemas (serialised by the routes; lists wrap them in schema::Page).
boost::json::object VenueSchema();
boost::json::object NewVenueSchema();
boost::json::object VenuePatchSchema();
boost::json::object VenueTransitionSchema();
boost::json::object BookingSchema();
boost::json::object NewBookingSchema();
boost::json::object BookedSchema();
boost::json::object ReviewSchema();
boost::json::object CancelSchema();
boost::json::object CalendarSchema();
boost::json::object PhotoSchema();
boost::json::object PhotoListSchema();

}  // namespace lianyin::http::handlers
