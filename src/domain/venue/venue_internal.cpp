#include "domain/venue/venue_internal.hpp"

#include <boost/json.hpp>

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

}  // namespace lianyin::domain::venue
