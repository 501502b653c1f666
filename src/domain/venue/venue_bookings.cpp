// VenueService: bookings — booking (weekly series too), reviewing, cancelling and reading them.
// The overlap exclusion is explained in venue_service.hpp.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/venue/venue_internal.hpp"
#include "domain/venue/venue_repo.hpp"
#include "domain/venue/venue_rules.hpp"
#include "domain/venue/venue_service.hpp"

namespace lianyin::domain::venue {
namespace {

using account::Actor;

// Org members and workers act for their own rows only; officers for their unit subtree.
bool IsOfficer(const Actor& actor) { return !actor.org_id && !actor.worker_id; }

// 422 on org_id unless the actor may book for the organisation; 403 for an officer outside the
// venue's scope and for workers.
core::Result<void> CheckBooker(store::Session& session, const Actor& actor,
                               const common::Scope& scope, const Venue& venue,
                               std::int64_t org_id) {
  if (actor.worker_id) return core::Error::Forbidden("organisations book venues");
  if (IsOfficer(actor) && !common::UnitInScope(session, scope, venue.unit_id)) {
    return common::ForbiddenOutsideScope();
  }
  auto org = VenueRepo(session).FindOrg(org_id);
  if (!org || (actor.org_id && *actor.org_id != org_id)) {
    return core::Error::Invalid("org_id", "no such organisation");
  }
  if (org->status != "registered") {
    return core::Error::Invalid("org_id", "must be a registered organisation");
  }
  return {};
}

// 409 naming every slot that a live booking already holds.
core::Error ClashError(const std::vector<Slot>& slots, const std::vector<Clash>& clashes) {
  std::vector<std::string> dates;
  core::Error error = core::Error::Conflict("");
  for (const Clash& c : clashes) {
    const std::string date = slots[c.slot].start.substr(0, 10);
    dates.push_back(date);
    error.details.push_back(
        {"slots[" + std::to_string(c.slot) + "]",
         fmt::format("{} overlaps a pending or approved booking", slots[c.slot].start),
         std::nullopt});
  }
  error.message = fmt::format("the venue is already booked on {}", fmt::join(dates, ", "));
  return error;
}

// A from / to bound of a booking list: a date (from: its start; to: its end) or a date-time.
core::Result<std::optional<std::string>> Bound(const std::optional<std::string>& text,
                                               const char* field, bool end_of_day) {
  if (!text || text->empty()) return std::optional<std::string>();
  if (auto date = core::ParseDate(*text)) {
    return std::optional<std::string>(
        core::FormatDateTime(core::StartOfDay(end_of_day ? core::AddDays(*date, 1) : *date)));
  }
  if (auto at = core::ParseDateTime(*text)) {
    return std::optional<std::string>(core::FormatDateTime(*at));
  }
  return core::Error::Invalid(
      field, "must be a date like 2023-04-01 or a date-time like 2023-04-01T09:00:00+08:00");
}

std::string ActionOf(BookingStatus to) {
  switch (to) {
    case BookingStatus::kApproved:
      return "approve";
    case BookingStatus::kRejected:
      return "reject";
    case BookingStatus::kCancelled:
      return "cancel";
    case BookingStatus::kPending:
      break;
  }
  return "create";
}

}  // namespace

core::Result<std::vector<Booking>> VenueService::Book(const Actor& actor, std::int64_t venue_id,
                                                      const NewBooking& input) {
  const core::DateTime now = clock_();
  auto slots = CheckNewBooking(input, now);
  if (!slots) return slots.error();
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(
      OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<std::vector<Booking>> {
        VenueRepo repo(tx.session());
        auto venue = repo.FindPublicVenue(venue_id);
        if (!venue) return common::OutOfScope();
        if (auto ok = CheckBooker(tx.session(), actor, scope, *venue, input.org_id); !ok) {
          return ok.error();
        }
        // The venue's booking turn first: every read below sees the bookings committed before.
        const auto status = repo.TakeBookingTurn(venue_id);
        if (!status) return common::OutOfScope();
        if (*status != VenueStatus::kActive) {
          return core::Error::Conflict("the venue is closed and takes no bookings");
        }
        if (auto clashes = repo.Clashes(venue_id, *slots); !clashes.empty()) {
          return ClashError(*slots, clashes);
        }
        std::vector<Booking> booked;
        std::optional<std::int64_t> series_id;
        for (const Slot& slot : *slots) {
          auto id = repo.InsertBookingIfFree(venue_id, input, slot, series_id, actor.user_id, at);
          if (!id) return ClashError(*slots, repo.Clashes(venue_id, *slots));
          if (slots->size() > 1 && !series_id) {
            series_id = *id;
            repo.SetSeries(*id, *id);
          }
          Booking created = repo.FindBooking(scope, *id).value();
          tx.Record({"create", "booking", std::to_string(*id), nullptr, AuditJson(created), true,
                     created.unit_id});
          booked.push_back(std::move(created));
        }
        return booked;
      });
}

core::Result<Booking> VenueService::ReviewBooking(const Actor& actor, std::int64_t id,
                                                  const Review& review) {
  auto to = CheckReview(review);
  if (!to) return to.error();
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Booking> {
    VenueRepo repo(tx.session());
    auto before = repo.FindBooking(scope, id);
    if (!before) return common::OutOfScope();
    if (!IsOfficer(actor)) {
      return core::Error::Forbidden("the venue's unit reviews its bookings");
    }
    if (!CanMove(before->status, *to)) return IllegalMove(before->status, *to);
    if (*to == BookingStatus::kApproved) {
      const auto status = repo.TakeBookingTurn(before->venue_id);
      if (status != VenueStatus::kActive) {
        return core::Error::Conflict("the venue is closed and takes no bookings");
      }
      if (!repo.Approve(*before, actor.user_id, at)) {
        const Booking now = repo.FindBooking(scope, id).value();
        if (now.status != BookingStatus::kPending) return IllegalMove(now.status, *to);
        return core::Error::Conflict("approving it would overlap an approved booking of the venue");
      }
    } else if (!repo.Move(id, BookingStatus::kPending, *to, actor.user_id, review.reason, at,
                          true)) {
      return IllegalMove(repo.FindBooking(scope, id).value().status, *to);
    }
    Booking after = repo.FindBooking(scope, id).value();
    tx.Record({ActionOf(*to), "booking", std::to_string(id), AuditJson(*before), AuditJson(after),
               true, after.unit_id});
    return after;
  });
}

core::Result<Booking> VenueService::CancelBooking(const Actor& actor, std::int64_t id,
                                                  const std::optional<std::string>& reason) {
  if (auto ok = CheckReason(reason); !ok) return ok.error();
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Booking> {
    VenueRepo repo(tx.session());
    auto before = repo.FindBooking(scope, id);
    if (!before) return common::OutOfScope();
    if (!CanMove(before->status, BookingStatus::kCancelled)) {
      return IllegalMove(before->status, BookingStatus::kCancelled);
    }
    if (before->end <= at)
      return core::Error::Conflict("a booking that has ended cannot be cancelled");
    if (!repo.Move(id, before->status, BookingStatus::kCancelled, actor.user_id, reason, at,
                   false)) {
      return IllegalMove(repo.FindBooking(scope, id).value().status, BookingStatus::kCancelled);
    }
    Booking after = repo.FindBooking(scope, id).value();
    tx.Record({"cancel", "booking", std::to_string(id), AuditJson(*before), AuditJson(after), true,
               after.unit_id});
    return after;
  });
}

core::Result<Booking> VenueService::GetBooking(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto booking = VenueRepo(session).FindBooking(account::ScopeOf(actor), id);
  if (!booking) return common::OutOfScope();
  return std::move(*booking);
}

core::Result<account::Page<Booking>> VenueService::ListBookings(const Actor& actor,
                                                                const BookingFilter& filter,
                                                                const account::PageRequest& page) {
  BookingFilter f = filter;
  auto from = Bound(filter.from, "from", false);
  if (!from) return from.error();
  auto to = Bound(filter.to, "to", true);
  if (!to) return to.error();
  f.from = *from;
  f.to = *to;
  store::Session session = writer_.db().Acquire();
  VenueRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return account::Page<Booking>{repo.ListBookings(f, scope, page.page_size, page.Offset()),
                                repo.CountBookings(f, scope)};
}

core::Result<Calendar> VenueService::VenueCalendar(const Actor& actor, std::int64_t venue_id,
                                                   const std::string& from, const std::string& to) {
  auto range = CheckCalendarRange(from, to);
  if (!range) return range.error();
  store::Session session = writer_.db().Acquire();
  VenueRepo repo(session);
  if (!repo.FindPublicVenue(venue_id)) return common::OutOfScope();
  Calendar calendar{venue_id, range->first, range->second, {}, {}};
  repo.LoadCalendar(calendar, account::ScopeOf(actor));
  return calendar;
}

}  // namespace lianyin::domain::venue
