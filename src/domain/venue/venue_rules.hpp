#pragma once
// The pure rules of venues and bookings (SPEC §4 "Venues and events"; issue #11): field checks,
// the lifecycles, the weekly slots of a request and the overlap predicate. No I/O; each check
// reports every failing field at once (422 details).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/venue/venue.hpp"

namespace lianyin::domain::venue {

inline constexpr std::size_t kMaxNameChars = 100;
inline constexpr std::size_t kMaxAddressChars = 200;
inline constexpr std::size_t kMaxFacilitiesChars = 500;
inline constexpr std::size_t kMaxOpeningHoursChars = 200;
inline constexpr std::size_t kMaxDescriptionChars = 5000;
inline constexpr std::size_t kMaxPurposeChars = 200;
inline constexpr std::size_t kMaxReasonChars = 500;
inline constexpr std::int64_t kMaxCapacity = 100000;
inline constexpr std::int64_t kMaxBookingSeconds = std::int64_t{7} * 24 * 3600;  // 7 days
inline constexpr std::int64_t kMaxWeeks = 52;
inline constexpr std::int64_t kMaxCalendarDays = 62;     // a month view with its margins
inline constexpr std::size_t kMaxPhotoBytes = 5u << 20;  // 5 MiB
inline constexpr std::int64_t kMaxPhotos = 10;           // per venue
inline constexpr std::size_t kMaxPhotoNameChars = 200;

// name 1–100 characters, region_code a six-digit code, address 1–200, capacity 1–100000, the
// optional texts within their limits. (The unit and the region's coverage: the service.)
core::Result<void> CheckNewVenue(const NewVenue& venue);
// `current` with the patch applied, checked as CheckNewVenue.
core::Result<NewVenue> ApplyPatch(const NewVenue& current, const VenuePatch& patch);
// active → closed, closed → active: 422 on `to` for another code, 409 for the status it has.
core::Result<VenueStatus> CheckVenueMove(VenueStatus from, const VenueTransition& transition);

// The slots a booking request asks for, normalised to +08:00: start < end, at most 7 days long,
// not starting before `now`, purpose 1–200 characters, weeks 1–52 (every failing field at once).
// Slot i starts 7·i days after the first. Slots of one request never overlap each other (each is
// at most a week long and the intervals are half-open).
core::Result<std::vector<Slot>> CheckNewBooking(const NewBooking& booking, core::DateTime now);

// Whether the half-open intervals [a.start, a.end) and [b.start, b.end) share an instant: one
// ending at 10:00 and one starting at 10:00 do not. Date-times normalised to +08:00 (as
// core::FormatDateTime writes them), where text order is time order.
bool Overlaps(const Slot& a, const Slot& b);

// The booking lifecycle: pending → approved | rejected | cancelled; approved → cancelled.
bool CanMove(BookingStatus from, BookingStatus to);
// 409 "a booking that is {from} cannot become {to}".
core::Error IllegalMove(BookingStatus from, BookingStatus to);
// "approve" → approved, "reject" → rejected (422 on `action` otherwise); reason ≤ 500.
core::Result<BookingStatus> CheckReview(const Review& review);
// A cancellation's reason ≤ 500 characters.
core::Result<void> CheckReason(const std::optional<std::string>& reason);

// The media type of a photo: image/jpeg, image/png or image/webp when its first bytes are that
// format's signature (FF D8 FF; 89 50 4E 47 0D 0A 1A 0A; "RIFF" size "WEBP") and its extension
// names the same format (.jpg/.jpeg, .png, .webp, any case); nullopt otherwise. O(1).
std::optional<std::string> PhotoMediaType(std::string_view file_name, std::string_view content);
// An upload's checks, every failing field at once: 413 over kMaxPhotoBytes (before anything
// else); 422 on `file_name` (empty, over 200 characters, not UTF-8, or holding / \ " or a line
// break) and on `file` (empty, or not a JPEG, PNG or WebP matching its extension). The media type.
core::Result<std::string> CheckPhoto(std::string_view file_name, std::string_view content);

// A calendar range [from, to): each a date (from: its start; to: the end of that day, so
// from=to=one date is that day) or a date-time; from before to, at most 62 days.
core::Result<std::pair<std::string, std::string>> CheckCalendarRange(const std::string& from,
                                                                     const std::string& to);

}  // namespace lianyin::domain::venue
