#pragma once
// The pure rules of events, sign-ups and check-ins (SPEC §4 "Venues and events"; issue #11):
// field checks, the lifecycle, the sign-up window and the check-in window. No I/O; each check
// reports every failing field at once (422 details).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/event/event.hpp"

namespace lianyin::domain::event {

inline constexpr std::size_t kMaxTitleChars = 100;
inline constexpr std::size_t kMaxDescriptionChars = 5000;
inline constexpr std::size_t kMaxAddressChars = 200;
inline constexpr std::size_t kMaxReasonChars = 500;
inline constexpr std::size_t kMaxTargetGroups = 10;
// Target groups are codes of the dictionary `target_group`, the vocabulary of projects' and
// demands' target groups, of which workers' groups (worker_group) are a part. The JSON reader
// refuses longer strings before the rules run.
inline constexpr std::size_t kMaxGroupChars = 40;
inline constexpr std::int64_t kMaxCapacity = 100000;
inline constexpr std::int64_t kMaxEventSeconds = std::int64_t{31} * 24 * 3600;
// Check-in opens this long before the start and closes at the end.
inline constexpr std::int64_t kCheckinLeadSeconds = 30 * 60;
inline constexpr std::size_t kMaxListCheckins = 200;
// A worker's own check-in attempts (token or code) a minute, right or wrong.
inline constexpr int kCheckinAttemptsPerMinute = 10;

// The fields of a new event as stored: region and address as given ("" when absent; the
// service puts a booked venue's in before checking).
EventFields FieldsOf(const NewEvent& event);

// title 1–100 characters, category a service_category, description ≤ 5000, start < end (at
// most 31 days), capacity 1–100000, sign-up window: opens (optional) before closes, closes
// (default: the start) not after the end; target groups ≤ 10 short codes without repeats;
// region_code six digits, address 1–200. Date-times come back normalised to +08:00.
core::Result<EventFields> CheckEventFields(EventFields fields);
// `current` with the patch applied, checked as CheckEventFields. For a booked event the region
// and address cannot change (422). A closing time that followed the start follows it.
core::Result<EventFields> ApplyPatch(const EventFields& current, const EventPatch& patch,
                                     bool booked);

// The lifecycle (event.hpp). 422 on `to` for an unknown code or a long reason; 409 for a move
// the lifecycle has not, for cancelling an event that has ended and for ending one before its
// end (`now`).
core::Result<EventStatus> CheckTransition(const Event& event, const EventTransition& transition,
                                          core::DateTime now);

// Whether a sign-up is taken now: 422 on status unless published, on signup_opens before it
// opens, on signup_closes once it has closed.
core::Result<void> CheckSignupOpen(const Event& event, core::DateTime now);

// [start − 30 min, end): when check-ins may happen.
struct Window {
  core::DateTime from;
  core::DateTime to;
};
Window CheckinWindow(const Event& event);
// The time of a check-in at `at` recorded at `now`: 422 on status unless the event is
// published or ended, on `at` when it is in the future or outside the check-in window.
core::Result<std::string> CheckCheckinTime(const Event& event, core::DateTime at,
                                           core::DateTime now);

}  // namespace lianyin::domain::event
