#pragma once
// The demo's Fuzhou shared base, continued (SPEC §6; issue #11 point 6): 福州市总工会's roster
// (demo_roster.hpp), the events held at the 2026 bookings of demo_venues.hpp with their
// sign-ups, waiting lists, cancellations and check-ins, events open for sign-up at the upcoming
// bookings, and one roster worker activated as the demo worker account. Through the same use
// cases people use, acted by the city union's officer, by the organisation member for its
// organisation's events, and by the demo worker itself; deterministic (a fixed-seed sequence).
// The worker and event services run on a demo clock that walks through 2026, so every sign-up
// falls in its event's sign-up window and every check-in in its check-in window by the real
// rules; the open events' steps happen in the hours before the real now.

#include <cstdint>
#include <string>

#include "app/demo_venues.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"

namespace lianyin::app {

class Services;

inline constexpr int kDemoRoster = 1000;  // workers on 福州市总工会's roster

struct DemoEventsReport {
  int workers = 0;  // on the roster
  int held = 0;     // events held in 2026, ended
  int open = 0;     // published, open for sign-up (from today on)
  int drafts = 0;
  std::int64_t signups = 0;         // standing sign-ups of every event, confirmed or waitlisted
  std::int64_t waitlisted = 0;      // of them, still on a waiting list
  std::int64_t cancellations = 0;   // sign-ups cancelled before their event
  std::int64_t checkins = 0;        // person-times (人次): one per check-in
  std::int64_t unique_workers = 0;  // distinct workers checked in
  std::string demo_worker_phone;    // the demo worker account logs in with it (/m/login)
  std::string demo_worker_name;
};

// `venues`: what BuildDemoVenues made (its officer, member and approved bookings). The demo
// worker's password is `password` (the admin's, as the other demo accounts); it is the only
// worker activated (one Argon2 hash). With no bookings it builds nothing and reports zeros.
core::Result<DemoEventsReport> BuildDemoEvents(Services& services,
                                               const domain::account::Actor& admin,
                                               const DemoVenuesReport& venues,
                                               const std::string& password);

}  // namespace lianyin::app
