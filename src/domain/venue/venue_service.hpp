#pragma once
// Use cases of venues and bookings (SPEC §4 "Venues and events"; issue #11). Every change runs
// in one short write transaction (common::Writer) with a Change per changed record: venues and
// bookings owned by the venue's unit.
//
// Scope (SPEC §1): venues are read by every logged-in user; changing one outside the caller's
// subtree answers 403. Bookings belong to the venue's unit and to the booking organisation:
// read outside both, they answer 404; an organisation sees its own and the others only as busy
// slots of a venue's calendar.
//
// Overlaps are excluded by a booking turn per venue, never by check-then-insert alone:
//   - Every booking and every approval starts by bumping the venue's booking_version
//     (VenueRepo::TakeBookingTurn). On PostgreSQL (READ COMMITTED) that UPDATE takes the
//     venue's row lock, held until COMMIT or ROLLBACK: a second booking of the same venue waits
//     there, and each of its later statements reads a fresh snapshot that holds the first
//     one's committed booking. On SQLite every write transaction is BEGIN IMMEDIATE: writers
//     already run one at a time, so the same statements see every committed booking.
//   - Within the turn, the overlapping live bookings of every requested slot are looked up
//     (to name every clashing date in the 409), then each slot is inserted by one
//     INSERT … SELECT … WHERE NOT EXISTS (a pending or approved booking overlapping it), so the
//     insert itself refuses an overlap rather than trusting the earlier read.
//   - Approving re-checks inside the turn with one conditional UPDATE: still pending, and no
//     approved booking of the venue overlapping it.
//   - Bookings of different venues never wait for each other (on PostgreSQL); cancelling and
//     rejecting only free slots and take no turn.
//   Why not an EXCLUDE constraint: it needs the btree_gist extension, which a deployment's
//   database user may not be allowed to create, and SQLite has no equivalent; the row lock works
//   on both engines with plain SQL. Intervals are half-open: [9:00, 10:00) and [10:00, 11:00)
//   do not overlap.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/writer.hpp"
#include "domain/venue/venue.hpp"

namespace lianyin::domain::venue {

class VenueService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit VenueService(common::Writer& writer, Clock clock = core::Now)
      : writer_(writer), clock_(std::move(clock)) {}

  // 422 on fields (CheckNewVenue), on unit_id (not a union unit in scope) or region_code
  // (unknown, or not covered by the unit's region).
  core::Result<Venue> CreateVenue(const account::Actor& actor, const NewVenue& venue);
  // ApplyPatch's rules and the same 422s; 404 when missing, 403 outside scope.
  core::Result<Venue> UpdateVenue(const account::Actor& actor, std::int64_t id,
                                  const VenuePatch& patch);
  // Close (new bookings refused; existing ones stay for the unit to cancel) or reopen
  // (CheckVenueMove); 404 / 403 as UpdateVenue.
  core::Result<Venue> MoveVenue(const account::Actor& actor, std::int64_t id,
                                const VenueTransition& transition);
  // Every logged-in user; 404 when missing.
  core::Result<Venue> GetVenue(const account::Actor& actor, std::int64_t id);
  account::Page<Venue> ListVenues(const account::Actor& actor, const VenueFilter& filter,
                                  const account::PageRequest& page);

  // Books the venue for `booking.weeks` weekly slots (CheckNewBooking; 422), all or nothing,
  // each pending. Who may: an org member for its own organisation; an officer whose scope holds
  // the venue's unit, for any registered organisation (the unit enters a booking made by
  // phone). 404 no such venue; 403 an officer outside the venue's scope, or a worker; 422 on
  // org_id (no such organisation, another one for an org member, not registered); 409 the venue
  // is closed, or a slot overlaps a pending or approved booking — the message names every
  // clashing date. See the header comment for why concurrent requests never overlap.
  core::Result<std::vector<Booking>> Book(const account::Actor& actor, std::int64_t venue_id,
                                          const NewBooking& booking);
  // approve | reject a pending booking by an officer of the venue's unit scope (CheckReview;
  // 422). 404 outside scope; 403 for the organisation; 409 when it is no longer pending, when
  // approving would overlap an approved booking of the venue, or the venue is closed (approve).
  core::Result<Booking> ReviewBooking(const account::Actor& actor, std::int64_t id,
                                      const Review& review);
  // Either owner cancels a pending or approved booking that has not ended, freeing its slot.
  // 404 outside scope; 409 otherwise.
  core::Result<Booking> CancelBooking(const account::Actor& actor, std::int64_t id,
                                      const std::optional<std::string>& reason);
  core::Result<Booking> GetBooking(const account::Actor& actor, std::int64_t id);
  // Bookings in scope (the review queue: status pending, soonest first). `from` / `to` as
  // CheckCalendarRange reads them, each optional (422 when malformed).
  core::Result<account::Page<Booking>> ListBookings(const account::Actor& actor,
                                                    const BookingFilter& filter,
                                                    const account::PageRequest& page);
  // The venue's calendar for [from, to) (CheckCalendarRange; 422): its bookings in scope and
  // the busy slots of the others. 404 no such venue.
  core::Result<Calendar> VenueCalendar(const account::Actor& actor, std::int64_t venue_id,
                                       const std::string& from, const std::string& to);

  // Photos (JPEG, PNG or WebP; CheckPhoto: 413, 422), read by every logged-in user and changed
  // as the venue (404 no such venue, 403 outside its unit's scope). AddPhoto stores the content
  // with its SHA-256 and answers 409 when the venue has kMaxPhotos already — exact under
  // parallel uploads (VenueRepo::TakePhotoSlot, a conditional UPDATE of the venue's count).
  core::Result<Photo> AddPhoto(const account::Actor& actor, std::int64_t venue_id,
                               const std::string& file_name, const std::string& content);
  // In upload order; 404 no such venue.
  core::Result<std::vector<Photo>> Photos(const account::Actor& actor, std::int64_t venue_id);
  // The photo with its content; 404 when it is not one of the venue's.
  core::Result<PhotoFile> PhotoContent(const account::Actor& actor, std::int64_t venue_id,
                                       std::int64_t photo_id);
  core::Result<void> DeletePhoto(const account::Actor& actor, std::int64_t venue_id,
                                 std::int64_t photo_id);

 private:
  common::Writer& writer_;
  Clock clock_;
};

}  // namespace lianyin::domain::venue
