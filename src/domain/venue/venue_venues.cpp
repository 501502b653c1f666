// VenueService: venues — creating, editing, closing and reading them.

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/region/region_repo.hpp"
#include "domain/venue/venue_internal.hpp"
#include "domain/venue/venue_repo.hpp"
#include "domain/venue/venue_rules.hpp"
#include "domain/venue/venue_service.hpp"

namespace lianyin::domain::venue {
namespace {

using account::Actor;

// 422 unless the unit is a union unit in scope and the region is known and covered by it.
core::Result<void> CheckReferences(store::Session& session, const common::Scope& scope,
                                   const NewVenue& v) {
  auto unit = account::UnitRepo(session).FindInScope(scope, v.unit_id);
  if (!unit) return core::Error::Invalid("unit_id", "no such unit");
  if (unit->kind != account::UnitKind::kUnion) {
    return core::Error::Invalid("unit_id", "must be a trade-union unit");
  }
  region::RegionRepo regions(session);
  if (!regions.Find(v.region_code)) return core::Error::Invalid("region_code", "unknown region");
  if (!regions.Covers(unit->region_code, v.region_code)) {
    return core::Error::Invalid("region_code", "must be covered by the unit's region");
  }
  return {};
}

NewVenue FieldsOf(const Venue& v) {
  return {v.name,     v.unit_id,    v.region_code,   v.address,
          v.capacity, v.facilities, v.opening_hours, v.description};
}

}  // namespace

core::Result<Venue> VenueService::CreateVenue(const Actor& actor, const NewVenue& input) {
  if (auto ok = CheckNewVenue(input); !ok) return ok.error();
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Venue> {
    if (auto ok = CheckReferences(tx.session(), scope, input); !ok) return ok.error();
    VenueRepo repo(tx.session());
    const std::int64_t id = repo.InsertVenue(input, actor.user_id, at);
    Venue created = repo.FindPublicVenue(id).value();
    tx.Record({"create", "venue", std::to_string(id), nullptr, AuditJson(created), true,
               created.unit_id});
    return created;
  });
}

core::Result<Venue> VenueService::UpdateVenue(const Actor& actor, std::int64_t id,
                                              const VenuePatch& patch) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Venue> {
    VenueRepo repo(tx.session());
    auto before = LoadChangeable(repo, scope, id);
    if (!before) return before.error();
    auto next = ApplyPatch(FieldsOf(*before), patch);
    if (!next) return next.error();
    if (auto ok = CheckReferences(tx.session(), scope, *next); !ok) return ok.error();
    repo.UpdateVenue(id, *next, at);
    Venue after = repo.FindPublicVenue(id).value();
    tx.Record({"update", "venue", std::to_string(id), AuditJson(*before), AuditJson(after), true,
               after.unit_id});
    return after;
  });
}

core::Result<Venue> VenueService::MoveVenue(const Actor& actor, std::int64_t id,
                                            const VenueTransition& transition) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Venue> {
    VenueRepo repo(tx.session());
    auto before = LoadChangeable(repo, scope, id);
    if (!before) return before.error();
    auto to = CheckVenueMove(before->status, transition);
    if (!to) return to.error();
    if (!repo.MoveVenue(id, before->status, *to, at)) {
      return core::Error::Conflict("the venue changed meanwhile: try again");
    }
    Venue after = repo.FindPublicVenue(id).value();
    boost::json::value audit = AuditJson(after);
    if (transition.reason) audit.as_object()["reason"] = *transition.reason;
    tx.Record({"transition", "venue", std::to_string(id), AuditJson(*before), std::move(audit),
               true, after.unit_id});
    return after;
  });
}

core::Result<Venue> VenueService::GetVenue(const Actor&, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto venue = VenueRepo(session).FindPublicVenue(id);
  if (!venue) return common::OutOfScope();
  return std::move(*venue);
}

account::Page<Venue> VenueService::ListVenues(const Actor&, const VenueFilter& filter,
                                              const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  VenueRepo repo(session);
  return {repo.ListVenues(filter, page.page_size, page.Offset()), repo.CountVenues(filter)};
}

}  // namespace lianyin::domain::venue
