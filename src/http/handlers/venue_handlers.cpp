// Routes of venues and bookings: the venues of union units, their bookings by organisations, the
// review queue and a venue's calendar (docs/api.md "Venues and bookings (issue #11)").

#include <algorithm>
#include <boost/json.hpp>

#include "domain/venue/venue_rules.hpp"
#include "domain/venue/venue_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/json_schema.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/venue_json.hpp"
#include "http/handlers/venue_routes.hpp"
#include "http/handlers/with_id.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace venue = domain::venue;
namespace json = boost::json;
using venue::VenueService;

// A date-time as the client writes it ("2023-05-02T09:00:00+08:00"); the rules parse it.
constexpr std::size_t kDateTimeChars = 40;

std::string Serialised(const json::object& schema) { return json::serialize(schema); }

core::Result<venue::VenueFilter> ReadVenueFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  venue::VenueFilter f;
  f.region_code = QueryText(request, "region_code");
  f.unit_id = QueryId(request, "unit_id", errors);
  f.q = QueryText(request, "q", kMaxQueryChars, errors);
  if (auto status = QueryText(request, "status")) {
    f.status = venue::ParseVenueStatus(*status);
    if (!f.status) errors.push_back({"status", "not a venue_status code", {}});
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

core::Result<venue::BookingFilter> ReadBookingFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  venue::BookingFilter f;
  f.venue_id = QueryId(request, "venue_id", errors);
  f.org_id = QueryId(request, "org_id", errors);
  if (auto status = QueryText(request, "status")) {
    f.status = venue::ParseBookingStatus(*status);
    if (!f.status) errors.push_back({"status", "not a booking_status code", {}});
  }
  f.from = QueryText(request, "from");
  f.to = QueryText(request, "to");
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

Response CreateVenue(VenueService& service, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  venue::NewVenue v;
  v.name = in.String("name", venue::kMaxNameChars);
  v.unit_id = in.Int64("unit_id");
  v.region_code = in.String("region_code", 6);
  v.address = in.String("address", venue::kMaxAddressChars);
  v.capacity = in.Int64("capacity");
  v.facilities = in.OptString("facilities", venue::kMaxFacilitiesChars);
  v.opening_hours = in.OptString("opening_hours", venue::kMaxOpeningHoursChars);
  v.description = in.OptString("description", venue::kMaxDescriptionChars);
  if (!in.ok()) return FormInvalid(in, venue::CheckNewVenue(v));
  return ResultOr(201, service.CreateVenue(*ctx.actor, v), VenueJson);
}

Response UpdateVenue(VenueService& service, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  venue::VenuePatch p;
  if (in.Has("name")) p.name = in.String("name", venue::kMaxNameChars);
  if (in.Has("region_code")) p.region_code = in.String("region_code", 6);
  if (in.Has("address")) p.address = in.String("address", venue::kMaxAddressChars);
  if (in.Has("capacity")) p.capacity = in.Int64("capacity");
  if (body->contains("facilities")) {
    p.facilities = in.OptString("facilities", venue::kMaxFacilitiesChars);
  }
  if (body->contains("opening_hours")) {
    p.opening_hours = in.OptString("opening_hours", venue::kMaxOpeningHoursChars);
  }
  if (body->contains("description")) {
    p.description = in.OptString("description", venue::kMaxDescriptionChars);
  }
  if (body->contains("unit_id")) in.Fail("unit_id", "cannot be changed");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, service.UpdateVenue(*ctx.actor, id, p), VenueJson);
}

Response MoveVenue(VenueService& service, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  venue::VenueTransition t;
  t.to = in.String("to", 20);
  t.reason = in.OptString("reason", venue::kMaxReasonChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, service.MoveVenue(*ctx.actor, id, t), VenueJson);
}

Response ListVenues(VenueService& service, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadVenueFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  auto found = service.ListVenues(*ctx.actor, *filter, ToPageRequest(*page));
  json::array items;
  for (const venue::Venue& v : found.items) items.push_back(VenueJson(v));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response Book(VenueService& service, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  venue::NewBooking b;
  b.org_id = in.Int64("org_id");
  b.start = in.String("start", kDateTimeChars);
  b.end = in.String("end", kDateTimeChars);
  b.purpose = in.String("purpose", venue::kMaxPurposeChars);
  b.weeks = in.OptInt64("weeks").value_or(1);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, service.Book(*ctx.actor, id, b), BookedJson);
}

Response Calendar(VenueService& service, Context& ctx, std::int64_t id) {
  const std::string from = QueryText(ctx.request, "from").value_or("");
  const std::string to = QueryText(ctx.request, "to").value_or("");
  return ResultOr(200, service.VenueCalendar(*ctx.actor, id, from, to), CalendarJson);
}

Response ReviewBooking(VenueService& service, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  venue::Review r;
  r.action = in.String("action", 20);
  r.reason = in.OptString("reason", venue::kMaxReasonChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, service.ReviewBooking(*ctx.actor, id, r), BookingJson);
}

// The body is optional: {"reason"?}.
Response CancelBooking(VenueService& service, Context& ctx, std::int64_t id) {
  std::optional<std::string> reason;
  if (!ctx.request.body.empty()) {
    auto body = ParseJsonObject(ctx.request.body);
    if (!body) return ErrorResponse(body.error());
    FieldReader in(*body);
    reason = in.OptString("reason", venue::kMaxReasonChars);
    if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  }
  return ResultOr(200, service.CancelBooking(*ctx.actor, id, reason), BookingJson);
}

Response ListBookings(VenueService& service, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadBookingFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  auto found = service.ListBookings(*ctx.actor, *filter, ToPageRequest(*page));
  if (!found) return ErrorResponse(found.error());
  json::array items;
  for (const venue::Booking& b : found->items) items.push_back(BookingJson(b));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found->total, page->page, page->page_size));
}

}  // namespace

void AddVenueRoutes(Router& router, VenueService& venues) {
  const auto with_id = [&venues](auto f) {
    return WithId("id", [&venues, f](Context& ctx, std::int64_t id) { return f(venues, ctx, id); });
  };
  const auto plain = [&venues](auto f) {
    return [&venues, f](Context& ctx) { return f(venues, ctx); };
  };
  router.Add("GET", "/api/v1/venues", plain(ListVenues),
             {.summary = "Venues (every logged-in user), newest first; filters region_code "
                         "(covered), unit_id (subtree), q (name or address), status",
              .tag = "venues",
              .permission = "venue:venue:list",
              .response_schema = Serialised(schema::Page(VenueSchema(), "venues"))});
  router.Add("POST", "/api/v1/venues", plain(CreateVenue),
             {.summary = "Register a venue of a union unit (active)",
              .tag = "venues",
              .permission = "venue:venue:edit",
              .request_schema = Serialised(NewVenueSchema()),
              .response_schema = Serialised(VenueSchema())});
  router.Add("GET", "/api/v1/venues/{id}",
             with_id([](VenueService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.GetVenue(*ctx.actor, id), VenueJson);
             }),
             {.summary = "One venue",
              .tag = "venues",
              .permission = "venue:venue:list",
              .response_schema = Serialised(VenueSchema())});
  router.Add("PATCH", "/api/v1/venues/{id}", with_id(UpdateVenue),
             {.summary = "Change a venue's fields (not its unit; empty optional texts clear)",
              .tag = "venues",
              .permission = "venue:venue:edit",
              .request_schema = Serialised(VenuePatchSchema()),
              .response_schema = Serialised(VenueSchema())});
  router.Add("POST", "/api/v1/venues/{id}/transitions", with_id(MoveVenue),
             {.summary = "Close a venue (no new bookings or approvals) or reopen it",
              .tag = "venues",
              .permission = "venue:venue:edit",
              .request_schema = Serialised(VenueTransitionSchema()),
              .response_schema = Serialised(VenueSchema())});
  router.Add("POST", "/api/v1/venues/{id}/bookings", with_id(Book),
             {.summary = "Book a venue for an organisation, weekly if asked (pending; 409 on an "
                         "overlap, naming every clashing date)",
              .tag = "venues",
              .permission = "venue:booking:create",
              .request_schema = Serialised(NewBookingSchema()),
              .response_schema = Serialised(BookedSchema())});
  router.Add("GET", "/api/v1/venues/{id}/bookings", with_id(Calendar),
             {.summary = "A venue's calendar for [from, to): its bookings in scope and the busy "
                         "slots of the others",
              .tag = "venues",
              .permission = "venue:booking:list",
              .response_schema = Serialised(CalendarSchema())});

  router.Add("GET", "/api/v1/bookings", plain(ListBookings),
             {.summary = "Bookings in scope; filters venue_id, org_id, status (pending: the "
                         "review queue, soonest first), from, to",
              .tag = "venues",
              .permission = "venue:booking:list",
              .response_schema = Serialised(schema::Page(BookingSchema(), "bookings"))});
  router.Add("GET", "/api/v1/bookings/{id}",
             with_id([](VenueService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.GetBooking(*ctx.actor, id), BookingJson);
             }),
             {.summary = "One booking",
              .tag = "venues",
              .permission = "venue:booking:list",
              .response_schema = Serialised(BookingSchema())});
  router.Add("POST", "/api/v1/bookings/{id}/review", with_id(ReviewBooking),
             {.summary = "Approve or reject a pending booking (the venue's unit)",
              .tag = "venues",
              .permission = "venue:booking:review",
              .request_schema = Serialised(ReviewSchema()),
              .response_schema = Serialised(BookingSchema())});
  router.Add("POST", "/api/v1/bookings/{id}/cancel", with_id(CancelBooking),
             {.summary = "Cancel a pending or approved booking that has not ended (either owner)",
              .tag = "venues",
              .permission = "venue:booking:create",
              .request_schema = Serialised(CancelSchema()),
              .response_schema = Serialised(BookingSchema())});
  AddVenuePhotoRoutes(router, venues);
}

}  // namespace lianyin::http::handlers
