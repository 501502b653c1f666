#pragma once
// Events, sign-ups and check-ins (活动、报名、签到, SPEC §4 "Venues and events"; issue #11): plain
// types. Codes are the data dictionary's (event_status, signup_status, checkin_method).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::event {

// draft → published | cancelled; published → cancelled (before it ends) | ended (after it
// ends). Only a published event takes sign-ups; published and ended ones take check-ins.
enum class EventStatus { kDraft, kPublished, kCancelled, kEnded };
std::string_view StatusName(EventStatus status);
std::optional<EventStatus> ParseEventStatus(std::string_view name);
const std::vector<std::string>& EventStatusNames();

// A confirmed sign-up holds a seat; a waitlisted one waits for a seat, in order.
enum class SignupStatus { kConfirmed, kWaitlisted };
std::string_view StatusName(SignupStatus status);
std::optional<SignupStatus> ParseSignupStatus(std::string_view name);
const std::vector<std::string>& SignupStatusNames();

// How a check-in was made: the rotating token of the QR code, its numeric code, or an officer's
// (or the organiser's) list.
enum class CheckinMethod { kToken, kCode, kOfficer };
std::string_view MethodName(CheckinMethod method);
std::optional<CheckinMethod> ParseCheckinMethod(std::string_view name);
const std::vector<std::string>& CheckinMethodNames();

struct Event {
  std::int64_t id = 0;
  std::int64_t org_id = 0;  // the organiser
  std::string org_name;
  std::int64_t owner_unit_id = 0;  // the owner (SPEC §1), fixed at creation
  std::string owner_unit_name;
  std::string title;
  std::string category;  // service_category
  std::optional<std::string> description;
  std::string start;  // [start, end): date-times in +08:00
  std::string end;
  std::int64_t capacity = 0;
  std::optional<std::string> signup_opens;  // none: open from publication
  std::string signup_closes;
  std::vector<std::string> target_groups;
  std::string region_code;
  std::string region_name;
  std::string address;
  std::optional<std::int64_t> booking_id;
  std::optional<std::int64_t> venue_id;
  std::optional<std::string> venue_name;
  std::optional<std::int64_t> project_id;
  std::optional<std::string> project_title;
  EventStatus status = EventStatus::kDraft;
  std::int64_t seats_taken = 0;
  std::int64_t waitlisted = 0;
  std::int64_t checkins = 0;
  std::optional<std::string> reason;  // of a cancellation
  std::optional<std::int64_t> created_by;
  std::string created_at;
  std::string updated_at;
};

// POST /events. With a booking, the region and address are the venue's (those given are
// ignored); without one both are required.
struct NewEvent {
  std::int64_t org_id = 0;
  std::string title;
  std::string category;
  std::optional<std::string> description;
  std::string start;
  std::string end;
  std::int64_t capacity = 0;
  std::optional<std::string> signup_opens;
  std::optional<std::string> signup_closes;  // default: the start
  std::vector<std::string> target_groups;
  std::optional<std::string> region_code;
  std::optional<std::string> address;
  std::optional<std::int64_t> booking_id;
  std::optional<std::int64_t> project_id;
};

// The editable fields as stored (normalised by the rules).
struct EventFields {
  std::string title;
  std::string category;
  std::optional<std::string> description;
  std::string start;
  std::string end;
  std::int64_t capacity = 0;
  std::optional<std::string> signup_opens;
  std::string signup_closes;
  std::vector<std::string> target_groups;
  std::string region_code;
  std::string address;
};

// PATCH /events/{id}: present members change; optional texts present-but-empty clear. The
// organiser, booking and project stay; region and address stay for a booked event.
struct EventPatch {
  std::optional<std::string> title;
  std::optional<std::string> category;
  std::optional<std::optional<std::string>> description;
  std::optional<std::string> start;
  std::optional<std::string> end;
  std::optional<std::int64_t> capacity;
  std::optional<std::optional<std::string>> signup_opens;
  std::optional<std::string> signup_closes;
  std::optional<std::vector<std::string>> target_groups;
  std::optional<std::string> region_code;
  std::optional<std::string> address;
};

// POST /events/{id}/transitions.
struct EventTransition {
  std::string to;
  std::optional<std::string> reason;
};

// GET /events filters; absent members do not filter.
struct EventFilter {
  std::optional<EventStatus> status;
  std::optional<std::string> category;
  std::optional<std::string> region_code;  // events whose region it covers
  std::optional<std::int64_t> org_id;
  std::optional<std::string> from;  // events ending after it
  std::optional<std::string> to;    // events starting before it
  std::optional<std::string> q;     // part of the title
  bool soonest_first = false;       // order by start ascending (default: latest start first)
};

struct Signup {
  std::int64_t id = 0;
  std::int64_t event_id = 0;
  std::int64_t worker_id = 0;
  std::string worker_name;  // masked in every response (core::MaskName)
  SignupStatus status = SignupStatus::kConfirmed;
  std::optional<std::int64_t> position;  // 1-based place on the waiting list
  std::optional<std::string> checked_in_at;
  std::string created_at;
};

// POST /events/{id}/signups.
struct NewSignup {
  std::int64_t worker_id = 0;
  bool waitlist = false;  // when full: join the waiting list instead of 409
};

// DELETE /events/{id}/signups/{worker_id}: what it did.
struct Cancellation {
  Signup cancelled;
  std::optional<Signup> promoted;  // the waitlisted sign-up that took the seat
};

struct Checkin {
  std::int64_t id = 0;
  std::int64_t event_id = 0;
  std::int64_t worker_id = 0;
  std::string worker_name;  // masked in every response
  std::string at;
  CheckinMethod method = CheckinMethod::kOfficer;
  std::optional<std::int64_t> recorded_by;
  std::string created_at;
};

// POST /events/{id}/checkins. A worker gives `token` or `code` (worker_id its own, or none);
// an officer or the organiser gives worker_id, or worker_ids for a list, and may give `at`.
struct NewCheckin {
  std::optional<std::int64_t> worker_id;
  std::vector<std::int64_t> worker_ids;
  std::optional<std::string> at;
  std::optional<std::string> token;
  std::optional<std::string> code;
};

// One worker of a list check-in: its check-in, or why not (the error's message, in English;
// the handler translates it).
struct CheckinOutcome {
  std::int64_t worker_id = 0;
  std::optional<Checkin> checkin;
  std::optional<std::string> error_code;  // "conflict", "validation_failed"
  std::optional<std::string> message;
};

// GET /events/{id}/checkin-code: what the venue's screen shows now.
struct CheckinCode {
  std::int64_t event_id = 0;
  std::string token;       // for the QR code's link
  std::string code;        // six digits, for "check in by code"
  std::string expires_at;  // when the screen should fetch the next one
  std::int64_t slot_seconds = 0;
};

// A worker's own sign-up or check-in with its event (GET /me/events).
struct MyEvent {
  Event event;
  std::optional<SignupStatus> signup;
  std::optional<std::int64_t> position;
  std::optional<std::string> checked_in_at;
};

}  // namespace lianyin::domain::event
