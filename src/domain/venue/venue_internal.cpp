#include "domain/venue/venue_internal.hpp"

#include <boost/json.hpp>

#include "domain/venue/venue_repo.hpp"

namespace lianyin::domain::venue {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& v) { return v ? json::value(*v) : nullptr; }
json::value Opt(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : nullptr; }

}  // namespace

json::value AuditJson(const Venue& v) {
  return json::object{{"id", v.id},
                      {"name", v.name},
                      {"unit_id", v.unit_id},
                      {"region_code", v.region_code},
                      {"address", v.address},
                      {"capacity", v.capacity},
                      {"facilities", Opt(v.facilities)},
                      {"opening_hours", Opt(v.opening_hours)},
                      {"description", Opt(v.description)},
                      {"status", StatusName(v.status)}};
}

json::value AuditJson(const Booking& b) {
  return json::object{{"id", b.id},
                      {"venue_id", b.venue_id},
                      {"org_id", b.org_id},
                      {"start", b.start},
                      {"end", b.end},
                      {"purpose", b.purpose},
                      {"status", StatusName(b.status)},
                      {"series_id", Opt(b.series_id)},
                      {"reason", Opt(b.reason)}};
}

json::value AuditJson(const Photo& p) {
  return json::object{{"id", p.id},
                      {"venue_id", p.venue_id},
                      {"file_name", p.file_name},
                      {"media_type", p.media_type},
                      {"size", p.size},
                      {"sha256", p.sha256}};
}

core::Result<Venue> LoadChangeable(VenueRepo& repo, const common::Scope& scope, std::int64_t id) {
  auto venue = repo.FindPublicVenue(id);
  if (!venue) return common::OutOfScope();
  if (!repo.VenueInScope(scope, id)) return common::ForbiddenOutsideScope();
  return std::move(*venue);
}

}  // namespace lianyin::domain::venue
