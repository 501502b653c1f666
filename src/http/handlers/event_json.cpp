#include "http/handlers/event_json.hpp"

#include "domain/org/org.hpp"
#include "http/handlers/json_schema.hpp"

namespace lianyin::http::handlers {
namespace {

namespace json = boost::json;
namespace event = domain::event;
using schema::Array;
using schema::Enum;
using schema::Opt;
using schema::Prop;

json::object Pick(const json::object& all, std::initializer_list<const char*> keys) {
  json::object out;
  for (const char* key : keys) out[key] = all.at(key);
  return out;
}

json::object EventProps() {
  return {{"id", Prop("integer", "event id")},
          {"org_id", Prop("integer", "the organising organisation (an owner)")},
          {"org_name", Prop("string", "its name")},
          {"owner_unit_id",
           Prop("integer", "the owner: the venue's unit, else the project's, else the org's")},
          {"owner_unit_name", Prop("string", "its name")},
          {"title", Prop("string", "title, 1-100 characters")},
          {"category", Enum(domain::org::ServiceCategories(), "dictionary service_category")},
          {"description", Prop("string", "at most 5000 characters", true)},
          {"start", Prop("string", "date-time in +08:00, inclusive")},
          {"end", Prop("string", "date-time in +08:00, exclusive")},
          {"capacity", Prop("integer", "seats, 1-100000 (at most the venue's)")},
          {"seats_taken", Prop("integer", "confirmed sign-ups")},
          {"seats_left", Prop("integer", "capacity - seats_taken")},
          {"waitlisted", Prop("integer", "sign-ups on the waiting list")},
          {"checkins", Prop("integer", "check-ins (person-times)")},
          {"signup_opens", Prop("string", "sign-up opens (null: from publication)", true)},
          {"signup_closes", Prop("string", "sign-up closes (default: the start)")},
          {"target_groups", Array(Prop("string", "a worker_group code"), "target groups")},
          {"region_code", Prop("string", "GB/T 2260 code (a booked venue's)")},
          {"region_name", Prop("string", "its name")},
          {"address", Prop("string", "address (a booked venue's), 1-200 characters")},
          {"booking_id", Prop("integer", "an approved booking of the organisation", true)},
          {"venue_id", Prop("integer", "the booking's venue", true)},
          {"venue_name", Prop("string", "its name", true)},
          {"project_id", Prop("integer", "a project the organisation provides", true)},
          {"project_title", Prop("string", "its title", true)},
          {"status", Enum(event::EventStatusNames(), "dictionary event_status")},
          {"reason", Prop("string", "of a cancellation", true)},
          {"created_by", Prop("integer", "the creating user", true)},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

json::object SignupProps() {
  return {{"id", Prop("integer", "sign-up id")},
          {"event_id", Prop("integer", "the event")},
          {"worker_id", Prop("integer", "the worker")},
          {"worker_name", Prop("string", "the worker's name, masked (王*)")},
          {"status", Enum(event::SignupStatusNames(), "dictionary signup_status")},
          {"position", Prop("integer", "1-based place on the waiting list", true)},
          {"checked_in_at", Prop("string", "the worker's check-in", true)},
          {"created_at", Prop("string", "date-time")}};
}

json::object CheckinProps() {
  return {{"id", Prop("integer", "check-in id")},
          {"event_id", Prop("integer", "the event")},
          {"worker_id", Prop("integer", "the worker")},
          {"worker_name", Prop("string", "the worker's name, masked (王*)")},
          {"at", Prop("string", "date-time of the check-in")},
          {"method", Enum(event::CheckinMethodNames(), "dictionary checkin_method")},
          {"recorded_by", Prop("integer", "the recording user", true)},
          {"created_at", Prop("string", "date-time")}};
}

json::value OptJson(const std::optional<event::Signup>& s) {
  return s ? json::value(SignupJson(*s)) : json::value(nullptr);
}

}  // namespace

json::object EventJson(const event::Event& e) {
  return {{"id", e.id},
          {"org_id", e.org_id},
          {"org_name", e.org_name},
          {"owner_unit_id", e.owner_unit_id},
          {"owner_unit_name", e.owner_unit_name},
          {"title", e.title},
          {"category", e.category},
          {"description", Opt(e.description)},
          {"start", e.start},
          {"end", e.end},
          {"capacity", e.capacity},
          {"seats_taken", e.seats_taken},
          {"seats_left", e.capacity - e.seats_taken},
          {"waitlisted", e.waitlisted},
          {"checkins", e.checkins},
          {"signup_opens", Opt(e.signup_opens)},
          {"signup_closes", e.signup_closes},
          {"target_groups", json::array(e.target_groups.begin(), e.target_groups.end())},
          {"region_code", e.region_code},
          {"region_name", e.region_name},
          {"address", e.address},
          {"booking_id", Opt(e.booking_id)},
          {"venue_id", Opt(e.venue_id)},
          {"venue_name", Opt(e.venue_name)},
          {"project_id", Opt(e.project_id)},
          {"project_title", Opt(e.project_title)},
          {"status", event::StatusName(e.status)},
          {"reason", Opt(e.reason)},
          {"created_by", Opt(e.created_by)},
          {"created_at", e.created_at},
          {"updated_at", e.updated_at}};
}

json::object SignupJson(const event::Signup& s) {
  return {{"id", s.id},
          {"event_id", s.event_id},
          {"worker_id", s.worker_id},
          {"worker_name", s.worker_name},
          {"status", event::StatusName(s.status)},
          {"position", Opt(s.position)},
          {"checked_in_at", Opt(s.checked_in_at)},
          {"created_at", s.created_at}};
}

json::object CancellationJson(const event::Cancellation& c) {
  return {{"cancelled", SignupJson(c.cancelled)}, {"promoted", OptJson(c.promoted)}};
}

json::object CheckinJson(const event::Checkin& c) {
  return {{"id", c.id},
          {"event_id", c.event_id},
          {"worker_id", c.worker_id},
          {"worker_name", c.worker_name},
          {"at", c.at},
          {"method", event::MethodName(c.method)},
          {"recorded_by", Opt(c.recorded_by)},
          {"created_at", c.created_at}};
}

json::object CheckinListJson(const std::vector<event::CheckinOutcome>& outcomes,
                             domain::dictionary::Lang lang) {
  json::array items;
  std::int64_t checked_in = 0;
  for (const event::CheckinOutcome& o : outcomes) {
    json::object item{{"worker_id", o.worker_id}};
    if (o.checkin) {
      ++checked_in;
      item["status"] = "checked_in";
      item["checkin"] = CheckinJson(*o.checkin);
    } else {
      item["status"] = "failed";
      item["code"] = Opt(o.error_code);
      item["message"] = domain::dictionary::Translate(o.message.value_or(""), lang);
    }
    items.push_back(std::move(item));
  }
  return {{"items", std::move(items)}, {"checked_in", checked_in}};
}

json::object CheckinCodeJson(const event::CheckinCode& c, const std::string& link,
                             const std::string& qr_svg) {
  return {{"event_id", c.event_id},
          {"token", c.token},
          {"code", c.code},
          {"expires_at", c.expires_at},
          {"slot_seconds", c.slot_seconds},
          {"link", link},
          {"qr_svg", qr_svg}};
}

json::object MyEventJson(const event::MyEvent& m) {
  json::object out = EventJson(m.event);
  out["signup_status"] =
      m.signup ? json::value(event::StatusName(*m.signup)) : json::value(nullptr);
  out["position"] = Opt(m.position);
  out["checked_in_at"] = Opt(m.checked_in_at);
  return out;
}

// --- schemas ---

json::object EventSchema() { return schema::Closed(EventProps()); }

json::object NewEventSchema() {
  json::object props = Pick(EventProps(), {"org_id", "title", "category", "description", "capacity",
                                           "signup_opens", "signup_closes", "target_groups",
                                           "region_code", "address", "booking_id", "project_id"});
  props["start"] = Prop("string", "date-time (no offset: +08:00)");
  props["end"] = Prop("string", "date-time after start, at most 31 days later");
  return schema::Object(std::move(props),
                        {"org_id", "title", "category", "start", "end", "capacity"});
}

json::object EventPatchSchema() {
  return schema::Object(Pick(EventProps(), {"title", "category", "description", "start", "end",
                                            "capacity", "signup_opens", "signup_closes",
                                            "target_groups", "region_code", "address"}),
                        json::array());
}

json::object EventTransitionSchema() {
  return schema::Object({{"to", Enum({"published", "cancelled", "ended"}, "the next status")},
                         {"reason", Prop("string", "why, at most 500 characters", true)}},
                        {"to"});
}

json::object SignupSchema() { return schema::Closed(SignupProps()); }

json::object NewSignupSchema() {
  return schema::Object(
      {{"worker_id", Prop("integer", "the worker (a worker: itself)")},
       {"waitlist", Prop("boolean", "when full, join the waiting list instead of 409")}},
      {"worker_id"});
}

json::object CancellationSchema() {
  return schema::Closed({{"cancelled", SignupSchema()},
                         {"promoted", Prop("object", "the sign-up that took the seat", true)}});
}

json::object CheckinSchema() { return schema::Closed(CheckinProps()); }

json::object NewCheckinSchema() {
  return schema::Object(
      {{"worker_id", Prop("integer", "officers: the worker; a worker: itself or absent")},
       {"worker_ids", Array(Prop("integer", "worker id"), "officers: a list, 1-200 (200)")},
       {"at", Prop("string", "officers: when (default now), inside the check-in window")},
       {"token", Prop("string", "a worker: the token of the QR code's link")},
       {"code", Prop("string", "a worker: the six digits on the screen")}},
      json::array());
}

json::object CheckinCodeSchema() {
  return schema::Closed({{"event_id", Prop("integer", "the event")},
                         {"token", Prop("string", "rotating token (22 characters)")},
                         {"code", Prop("string", "the same as six digits")},
                         {"expires_at", Prop("string", "when to fetch the next one")},
                         {"slot_seconds", Prop("integer", "the rotation period")},
                         {"link", Prop("string", "the check-in link the QR code holds")},
                         {"qr_svg", Prop("string", "the QR code of the link, an SVG document")}});
}

json::object MyEventSchema() {
  json::object props = EventProps();
  props["signup_status"] = Prop("string", "the worker's sign-up (signup_status)", true);
  props["position"] = Prop("integer", "its place on the waiting list", true);
  props["checked_in_at"] = Prop("string", "the worker's check-in", true);
  return schema::Closed(std::move(props));
}

}  // namespace lianyin::http::handlers
