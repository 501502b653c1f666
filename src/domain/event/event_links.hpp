#pragma once
// What an event needs to know of the records it links to — a booking with its venue, a
// project, an organisation — read through their own areas' repositories (internal to the area;
// called inside the event use cases' transactions). Each lookup is in the caller's scope: a
// booking or project the caller cannot read is as good as missing (422 on the field).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/common/scope.hpp"
#include "store/store.hpp"

namespace lianyin::domain::event {

struct BookedVenue {
  std::int64_t booking_id = 0;
  std::int64_t org_id = 0;
  bool approved = false;
  std::string start;  // the booking's [start, end) in +08:00
  std::string end;
  std::int64_t venue_id = 0;
  std::int64_t unit_id = 0;  // the venue's unit
  std::string region_code;
  std::string address;
  std::int64_t capacity = 0;
};

struct ProjectRef {
  std::int64_t id = 0;
  std::int64_t funding_unit_id = 0;
  std::vector<std::int64_t> provider_ids;
  bool running = false;  // contracted or in progress: it delivers services
};

struct OrgRef {
  std::int64_t id = 0;
  bool registered = false;
  std::int64_t registration_unit_id = 0;
};

// The booking with its venue when `scope` reads the booking (its venue's unit or its
// organisation), else nullopt.
std::optional<BookedVenue> FindBookedVenue(store::Session& session, const common::Scope& scope,
                                           std::int64_t booking_id);
// The project when `scope` reads it (its funding unit; an org member: a provider).
std::optional<ProjectRef> FindProject(store::Session& session, const common::Scope& scope,
                                      std::int64_t project_id);
// The organisation when it exists and is not an import's draft (unscoped: organisations are
// public; the service decides who may organise for it).
std::optional<OrgRef> FindOrg(store::Session& session, std::int64_t org_id);

}  // namespace lianyin::domain::event
