#include "domain/event/event_links.hpp"

#include "domain/project/project_repo.hpp"
#include "domain/venue/venue_repo.hpp"

namespace lianyin::domain::event {

std::optional<BookedVenue> FindBookedVenue(store::Session& session, const common::Scope& scope,
                                           std::int64_t booking_id) {
  venue::VenueRepo venues(session);
  auto booking = venues.FindBooking(scope, booking_id);
  if (!booking) return std::nullopt;
  auto place = venues.FindPublicVenue(booking->venue_id);
  if (!place) return std::nullopt;
  return BookedVenue{
      booking->id,    booking->org_id,    booking->status == venue::BookingStatus::kApproved,
      booking->start, booking->end,       place->id,
      place->unit_id, place->region_code, place->address,
      place->capacity};
}

std::optional<ProjectRef> FindProject(store::Session& session, const common::Scope& scope,
                                      std::int64_t project_id) {
  auto p = project::ProjectRepo(session).FindInScope(scope, project_id);
  if (!p) return std::nullopt;
  const bool running = p->status == project::ProjectStatus::kContracted ||
                       p->status == project::ProjectStatus::kInProgress;
  return ProjectRef{p->id, p->funding_unit_id, p->ProviderIds(), running};
}

std::optional<OrgRef> FindOrg(store::Session& session, std::int64_t org_id) {
  auto org = venue::VenueRepo(session).FindOrg(org_id);
  if (!org) return std::nullopt;
  return OrgRef{org->id, org->status == "registered", org->registration_unit_id};
}

}  // namespace lianyin::domain::event
