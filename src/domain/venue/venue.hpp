#pragma once
// Venues and bookings (场地与预约, SPEC §4 "Venues and events"; issue #11): plain types. Codes are
// the data dictionary's (venue_status, booking_status).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::venue {

// A venue takes bookings while active; closed (by its unit, reopenable) refuses new ones.
enum class VenueStatus { kActive, kClosed };
std::string_view StatusName(VenueStatus status);
std::optional<VenueStatus> ParseVenueStatus(std::string_view name);
const std::vector<std::string>& VenueStatusNames();

// pending → approved | rejected (the venue's unit); pending | approved → cancelled (either
// owner). Pending and approved bookings hold their slot.
enum class BookingStatus { kPending, kApproved, kRejected, kCancelled };
std::string_view StatusName(BookingStatus status);
std::optional<BookingStatus> ParseBookingStatus(std::string_view name);
const std::vector<std::string>& BookingStatusNames();
bool HoldsSlot(BookingStatus status);

struct Venue {
  std::int64_t id = 0;
  std::string name;
  std::int64_t unit_id = 0;  // the owner (SPEC §1), a union unit
  std::string unit_name;
  std::string region_code;
  std::string region_name;
  std::string address;
  std::int64_t capacity = 0;
  std::optional<std::string> facilities;
  std::optional<std::string> opening_hours;
  std::optional<std::string> description;
  VenueStatus status = VenueStatus::kActive;
  std::optional<std::int64_t> cover_photo_id;  // its first photo, the list's thumbnail
  std::int64_t photo_count = 0;
  std::string created_at;
  std::string updated_at;
};

struct NewVenue {
  std::string name;
  std::int64_t unit_id = 0;
  std::string region_code;
  std::string address;
  std::int64_t capacity = 0;
  std::optional<std::string> facilities;
  std::optional<std::string> opening_hours;
  std::optional<std::string> description;
};

// PATCH /venues/{id}: present members change; the optional texts present-but-empty clear. The
// unit stays.
struct VenuePatch {
  std::optional<std::string> name;
  std::optional<std::string> region_code;
  std::optional<std::string> address;
  std::optional<std::int64_t> capacity;
  std::optional<std::optional<std::string>> facilities;
  std::optional<std::optional<std::string>> opening_hours;
  std::optional<std::optional<std::string>> description;
};

// POST /venues/{id}/transitions: "closed" or "active" (reopen).
struct VenueTransition {
  std::string to;
  std::optional<std::string> reason;
};

// GET /venues filters; absent members do not filter.
struct VenueFilter {
  std::optional<std::string> region_code;  // venues whose region it covers
  std::optional<std::int64_t> unit_id;     // venues of its subtree
  std::optional<std::string> q;            // part of the name or the address
  std::optional<VenueStatus> status;
};

struct Booking {
  std::int64_t id = 0;
  std::int64_t venue_id = 0;
  std::string venue_name;
  std::int64_t unit_id = 0;  // the venue's unit (an owner)
  std::int64_t org_id = 0;   // the booking organisation (the other owner)
  std::string org_name;
  std::string start;  // [start, end): date-times in +08:00
  std::string end;
  std::string purpose;
  BookingStatus status = BookingStatus::kPending;
  std::optional<std::int64_t> series_id;
  std::optional<std::int64_t> reviewed_by;
  std::optional<std::string> reviewed_at;
  std::optional<std::string> reason;
  std::optional<std::int64_t> created_by;
  std::string created_at;
  std::string updated_at;
};

// POST /venues/{id}/bookings. `weeks` > 1 books the same slot weekly, `weeks` times in all (at
// most kMaxWeeks), all or nothing.
struct NewBooking {
  std::int64_t org_id = 0;
  std::string start;
  std::string end;
  std::string purpose;
  std::int64_t weeks = 1;
};

// One slot of a (weekly) booking request, normalised to +08:00.
struct Slot {
  std::string start;
  std::string end;
};

// POST /bookings/{id}/review.
struct Review {
  std::string action;  // "approve" | "reject"
  std::optional<std::string> reason;
};

// GET /bookings (the review queue is status=pending) filters.
struct BookingFilter {
  std::optional<std::int64_t> venue_id;
  std::optional<std::int64_t> org_id;
  std::optional<BookingStatus> status;
  std::optional<std::string> from;  // bookings ending after it
  std::optional<std::string> to;    // bookings starting before it
};

// A slot of a venue held by a booking outside the caller's scope: when, not who or why.
struct Busy {
  std::string start;
  std::string end;
  BookingStatus status = BookingStatus::kPending;
};

// GET /venues/{id}/bookings?from=&to=: the venue's calendar for [from, to).
struct Calendar {
  std::int64_t venue_id = 0;
  std::string from;
  std::string to;
  std::vector<Booking> bookings;  // in the caller's scope, every status
  std::vector<Busy> busy;         // pending or approved bookings outside it
};

// A photo of a venue (JPEG, PNG or WebP), stored with its SHA-256.
struct Photo {
  std::int64_t id = 0;
  std::int64_t venue_id = 0;
  std::string file_name;
  std::string media_type;  // image/jpeg, image/png or image/webp
  std::int64_t size = 0;
  std::string sha256;  // hex
  std::optional<std::int64_t> by_user_id;
  std::string by_name;
  std::string created_at;
};
struct PhotoFile {
  Photo photo;
  std::string content;
};

}  // namespace lianyin::domain::venue
