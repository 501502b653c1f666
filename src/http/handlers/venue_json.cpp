#include "http/handlers/venue_json.hpp"

#include "http/handlers/json_schema.hpp"

namespace lianyin::http::handlers {
namespace {

namespace json = boost::json;
namespace venue = domain::venue;
using schema::Array;
using schema::Enum;
using schema::Opt;
using schema::Prop;

json::object VenueProps() {
  return {{"id", Prop("integer", "venue id")},
          {"name", Prop("string", "name, 1-100 characters")},
          {"unit_id", Prop("integer", "the owner: a union unit")},
          {"unit_name", Prop("string", "its name")},
          {"region_code", Prop("string", "GB/T 2260 code the unit's region covers")},
          {"region_name", Prop("string", "its name")},
          {"address", Prop("string", "address, 1-200 characters")},
          {"capacity", Prop("integer", "people it holds, 1-100000")},
          {"facilities", Prop("string", "facilities, at most 500 characters", true)},
          {"opening_hours", Prop("string", "opening hours (free text), at most 200", true)},
          {"description", Prop("string", "description, at most 5000 characters", true)},
          {"status", Enum(venue::VenueStatusNames(), "dictionary venue_status")},
          {"cover_photo_id", Prop("integer", "its first photo (the thumbnail)", true)},
          {"photo_count", Prop("integer", "its photos, at most 10")},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

json::object BookingProps() {
  return {{"id", Prop("integer", "booking id")},
          {"venue_id", Prop("integer", "the venue")},
          {"venue_name", Prop("string", "its name")},
          {"unit_id", Prop("integer", "the venue's unit (an owner)")},
          {"org_id", Prop("integer", "the booking organisation (the other owner)")},
          {"org_name", Prop("string", "its name")},
          {"start", Prop("string", "date-time in +08:00, inclusive")},
          {"end", Prop("string", "date-time in +08:00, exclusive")},
          {"purpose", Prop("string", "purpose, 1-200 characters")},
          {"status", Enum(venue::BookingStatusNames(), "dictionary booking_status")},
          {"series_id", Prop("integer", "the first booking of its weekly series", true)},
          {"reviewed_by", Prop("integer", "the reviewing user", true)},
          {"reviewed_at", Prop("string", "date-time of the review", true)},
          {"reason", Prop("string", "reason of a rejection or cancellation", true)},
          {"created_by", Prop("integer", "the booking user", true)},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

json::object Pick(const json::object& all, std::initializer_list<const char*> keys) {
  json::object out;
  for (const char* key : keys) out[key] = all.at(key);
  return out;
}

}  // namespace

json::object VenueJson(const venue::Venue& v) {
  return {{"id", v.id},
          {"name", v.name},
          {"unit_id", v.unit_id},
          {"unit_name", v.unit_name},
          {"region_code", v.region_code},
          {"region_name", v.region_name},
          {"address", v.address},
          {"capacity", v.capacity},
          {"facilities", Opt(v.facilities)},
          {"opening_hours", Opt(v.opening_hours)},
          {"description", Opt(v.description)},
          {"status", venue::StatusName(v.status)},
          {"cover_photo_id", Opt(v.cover_photo_id)},
          {"photo_count", v.photo_count},
          {"created_at", v.created_at},
          {"updated_at", v.updated_at}};
}

json::object BookingJson(const venue::Booking& b) {
  return {{"id", b.id},
          {"venue_id", b.venue_id},
          {"venue_name", b.venue_name},
          {"unit_id", b.unit_id},
          {"org_id", b.org_id},
          {"org_name", b.org_name},
          {"start", b.start},
          {"end", b.end},
          {"purpose", b.purpose},
          {"status", venue::StatusName(b.status)},
          {"series_id", Opt(b.series_id)},
          {"reviewed_by", Opt(b.reviewed_by)},
          {"reviewed_at", Opt(b.reviewed_at)},
          {"reason", Opt(b.reason)},
          {"created_by", Opt(b.created_by)},
          {"created_at", b.created_at},
          {"updated_at", b.updated_at}};
}

json::object BookedJson(const std::vector<venue::Booking>& booked) {
  json::array items;
  std::optional<std::int64_t> series_id;
  for (const venue::Booking& b : booked) {
    if (!series_id) series_id = b.series_id;
    items.push_back(BookingJson(b));
  }
  return {{"items", std::move(items)}, {"series_id", Opt(series_id)}};
}

json::object CalendarJson(const venue::Calendar& c) {
  json::array bookings;
  for (const venue::Booking& b : c.bookings) bookings.push_back(BookingJson(b));
  json::array busy;
  for (const venue::Busy& b : c.busy) {
    busy.push_back(
        json::object{{"start", b.start}, {"end", b.end}, {"status", venue::StatusName(b.status)}});
  }
  return {{"venue_id", c.venue_id},
          {"from", c.from},
          {"to", c.to},
          {"bookings", std::move(bookings)},
          {"busy", std::move(busy)}};
}

json::object PhotoJson(const venue::Photo& p) {
  return {{"id", p.id},
          {"venue_id", p.venue_id},
          {"file_name", p.file_name},
          {"media_type", p.media_type},
          {"size", p.size},
          {"sha256", p.sha256},
          {"by_user_id", Opt(p.by_user_id)},
          {"by_name", p.by_user_id ? json::value(p.by_name) : nullptr},
          {"created_at", p.created_at}};
}

// --- schemas ---

json::object VenueSchema() { return schema::Closed(VenueProps()); }

json::object NewVenueSchema() {
  return schema::Object(Pick(VenueProps(), {"name", "unit_id", "region_code", "address", "capacity",
                                            "facilities", "opening_hours", "description"}),
                        {"name", "unit_id", "region_code", "address", "capacity"});
}

json::object VenuePatchSchema() {
  return schema::Object(Pick(VenueProps(), {"name", "region_code", "address", "capacity",
                                            "facilities", "opening_hours", "description"}),
                        json::array());
}

json::object VenueTransitionSchema() {
  return schema::Object({{"to", Enum(venue::VenueStatusNames(), "closed, or active to reopen")},
                         {"reason", Prop("string", "why, at most 500 characters", true)}},
                        {"to"});
}

json::object BookingSchema() { return schema::Closed(BookingProps()); }

json::object NewBookingSchema() {
  json::object props = Pick(BookingProps(), {"org_id", "purpose"});
  props["start"] = Prop("string", "date-time (no offset: +08:00), not before now");
  props["end"] = Prop("string", "date-time after start, at most 7 days later");
  props["weeks"] = Prop("integer", "1-52 (default 1): the same slot weekly, all or nothing");
  return schema::Object(std::move(props), {"org_id", "start", "end", "purpose"});
}

json::object BookedSchema() {
  return schema::Closed(
      {{"items", Array(BookingSchema(), "the bookings made, one per week, all pending")},
       {"series_id", Prop("integer", "the series' id (the first booking's), null for one", true)}});
}

json::object ReviewSchema() {
  return schema::Object({{"action", Enum({"approve", "reject"}, "the decision")},
                         {"reason", Prop("string", "kept for a rejection, at most 500", true)}},
                        {"action"});
}

json::object CancelSchema() {
  return schema::Object({{"reason", Prop("string", "why, at most 500 characters", true)}},
                        json::array());
}

json::object CalendarSchema() {
  return schema::Closed(
      {{"venue_id", Prop("integer", "the venue")},
       {"from", Prop("string", "the range's start, date-time in +08:00")},
       {"to", Prop("string", "the range's end (exclusive), date-time in +08:00")},
       {"bookings", Array(BookingSchema(), "its bookings the caller may read, every status")},
       {"busy", Array(schema::Closed({{"start", Prop("string", "date-time")},
                                      {"end", Prop("string", "date-time")},
                                      {"status", Enum({"pending", "approved"}, "what holds it")}}),
                      "pending or approved slots of other organisations")}});
}

json::object PhotoSchema() {
  return schema::Closed(
      {{"id", Prop("integer", "photo id")},
       {"venue_id", Prop("integer", "the venue")},
       {"file_name", Prop("string", "the uploaded file's name")},
       {"media_type", Enum({"image/jpeg", "image/png", "image/webp"}, "by its content")},
       {"size", Prop("integer", "bytes, at most 5 MiB")},
       {"sha256", Prop("string", "hex SHA-256 of the content")},
       {"by_user_id", Prop("integer", "the uploading user", true)},
       {"by_name", Prop("string", "their name", true)},
       {"created_at", Prop("string", "date-time")}});
}

json::object PhotoListSchema() {
  return schema::Closed({{"items", Array(PhotoSchema(), "in upload order")}});
}

}  // namespace lianyin::http::handlers
