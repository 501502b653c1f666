#pragma once
// The venue area's only SQL: venues and bookings (internal to the area; the service calls it
// inside its transactions).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/venue/venue.hpp"
#include "store/store.hpp"

namespace lianyin::domain::venue {

// Venues (v) are read by everyone and changed in the scope of their unit; org members and
// workers change none.
inline constexpr common::Ownership kVenueRows{"v.unit_id"};
// Bookings (b, with their venue v) belong to the venue's unit and to the booking organisation.
inline constexpr common::Ownership kBookingRows{"v.unit_id", "b.org_id"};

// An organisation a booking names, as this area needs it.
struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string status;  // org_status
  std::int64_t registration_unit_id = 0;
};

// A slot that a live booking of the venue already holds.
struct Clash {
  std::size_t slot = 0;  // index into the request's slots
  std::int64_t booking_id = 0;
};

class VenueRepo {
 public:
  explicit VenueRepo(store::Session& session) : session_(session) {}

  std::int64_t InsertVenue(const NewVenue& v, std::optional<std::int64_t> by_user_id,
                           std::string_view now);
  void UpdateVenue(std::int64_t id, const NewVenue& v, std::string_view now);
  // Sets `to` unless a concurrent change moved the venue from `from` (false).
  bool MoveVenue(std::int64_t id, VenueStatus from, VenueStatus to, std::string_view now);
  // Unscoped: venues are readable by every logged-in user (SPEC §1).
  std::optional<Venue> FindPublicVenue(std::int64_t id);
  // Whether `scope` may change the venue (its unit in the subtree; no org member or worker).
  bool VenueInScope(const common::Scope& scope, std::int64_t id);
  std::vector<Venue> ListVenues(const VenueFilter& f, std::int64_t limit, std::int64_t offset);
  std::int64_t CountVenues(const VenueFilter& f);

  // The booking turn of a venue: bumps venues.booking_version, which on PostgreSQL holds the
  // venue's row lock until the transaction ends, so bookings and approvals of one venue run
  // one at a time (SQLite's write transactions already do). The venue's status, or nullopt
  // when there is no such venue. Call it first in the transaction, before any overlap probe.
  std::optional<VenueStatus> TakeBookingTurn(std::int64_t venue_id);
  // The slots a pending or approved booking of the venue overlaps (one indexed probe a slot).
  std::vector<Clash> Clashes(std::int64_t venue_id, const std::vector<Slot>& slots);
  // Inserts a pending booking of `slot` unless a pending or approved booking of the venue
  // overlaps it (one INSERT … SELECT … WHERE NOT EXISTS): its id, or nullopt. Exact only in
  // the venue's booking turn.
  std::optional<std::int64_t> InsertBookingIfFree(std::int64_t venue_id, const NewBooking& b,
                                                  const Slot& slot,
                                                  std::optional<std::int64_t> series_id,
                                                  std::optional<std::int64_t> by_user_id,
                                                  std::string_view now);
  void SetSeries(std::int64_t id, std::int64_t series_id);
  // The organisation when it exists and is not an import's draft (unscoped: the service decides
  // who may book for it).
  std::optional<OrgRef> FindOrg(std::int64_t org_id);

  std::optional<Booking> FindBooking(const common::Scope& scope, std::int64_t id);
  std::vector<Booking> ListBookings(const BookingFilter& f, const common::Scope& scope,
                                    std::int64_t limit, std::int64_t offset);
  std::int64_t CountBookings(const BookingFilter& f, const common::Scope& scope);
  // Every booking of the venue meeting [from, to), split into those `scope` sees and the
  // pending or approved others (when only). One query.
  void LoadCalendar(Calendar& calendar, const common::Scope& scope);

  // pending → approved unless the booking moved meanwhile or an approved booking of the venue
  // overlaps it (false). Exact only in the venue's booking turn.
  bool Approve(const Booking& b, std::optional<std::int64_t> by_user_id, std::string_view now);
  // `from` → `to` (rejected or cancelled) unless the booking moved meanwhile (false).
  bool Move(std::int64_t id, BookingStatus from, BookingStatus to,
            std::optional<std::int64_t> by_user_id, const std::optional<std::string>& reason,
            std::string_view now, bool review);

  // Photos. TakePhotoSlot counts one more photo of the venue unless it has `max` already
  // (false): one conditional UPDATE, so parallel uploads never pass `max` (the venue's row lock
  // on PostgreSQL). ReleasePhotoSlot counts one fewer.
  bool TakePhotoSlot(std::int64_t venue_id, std::int64_t max);
  void ReleasePhotoSlot(std::int64_t venue_id);
  std::int64_t InsertPhoto(const Photo& p, const std::string& content, std::string_view now);
  // The venue's photos in upload order, without their content.
  std::vector<Photo> Photos(std::int64_t venue_id);
  // The photo when it belongs to the venue; its content only when asked.
  std::optional<PhotoFile> FindPhoto(std::int64_t venue_id, std::int64_t id, bool with_content);
  void DeletePhoto(std::int64_t id);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::venue
