#pragma once
// The demo's Fuzhou shared base (SPEC §6; issue #11 point 6): 福州市总工会's venues and the
// bookings of the 180 organisations registered there. Through the same use cases people use,
// acted by the city union's officer `demo.fz` and, for one organisation, its member
// `demo.fz.org`; deterministic. The venue service runs on a demo clock that walks through
// 2026, so bookings of events held then were made (and approved) before them; the upcoming
// bookings are dated from the real today, so the calendar and the review queue have work
// whenever the demo is built.

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/account/account.hpp"

namespace lianyin::app {

class Services;

// An approved booking of the demo, for the event held at it (demo_events.hpp).
struct DemoBooking {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::int64_t venue_capacity = 0;
  std::string start;  // [start, end): date-times in +08:00
  std::string end;
  std::string purpose;
};

struct DemoVenuesReport {
  int venues = 0;
  int held = 0;      // approved bookings of 2026 whose time has passed
  int upcoming = 0;  // approved bookings from today on
  int pending = 0;   // waiting in the unit's review queue
  int rejected = 0;
  int cancelled = 0;
  std::int64_t union_id = 0;         // 福州市总工会
  std::int64_t officer_user_id = 0;  // kDemoFuzhouOfficer
  std::int64_t member_user_id = 0;   // kDemoFuzhouOrgMember, of the first organisation
  // The approved bookings, in time order: `held` of them, then `upcoming`.
  std::vector<DemoBooking> held_bookings;
  std::vector<DemoBooking> upcoming_bookings;
};

inline constexpr const char* kDemoFuzhouOfficer = "demo.fz";
inline constexpr const char* kDemoFuzhouOrgMember = "demo.fz.org";

// `union_id`: 福州市总工会; `org_ids`: the organisations of its shared base (BuildDemo's, all
// linked to it). Both accounts get `password` (the admin's, as the other demo accounts). With no
// organisations it builds nothing and reports zeros.
core::Result<DemoVenuesReport> BuildDemoVenues(Services& services,
                                               const domain::account::Actor& admin,
                                               std::int64_t union_id,
                                               const std::vector<std::int64_t>& org_ids,
                                               const std::string& password);

}  // namespace lianyin::app
