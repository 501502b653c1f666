#pragma once
// The demo's work mechanism (issue #13 point 3) at 陕西省民政厅, whose teams work by
// "定期会商、季度调度、半年小结、年终总结": four meeting templates (monthly, quarterly,
// half-yearly, yearly) starting on 1 January of the demo's year, the joint meeting
// 省级社会组织乡村振兴合力团联席会议 held early that year with its attendees and minutes, and
// its decisions as supervised tasks — some done, some in progress, some overdue — and the
// templates run as of the demo's now, so the year's past occurrences exist.

#include <cstdint>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"

namespace lianyin::app {

class Services;

struct DemoMechanismReport {
  std::int64_t unit_id = 0;  // 陕西省民政厅
  int templates = 0;
  int meetings = 0;  // the joint meeting and the templates' occurrences
  int tasks = 0;
  int done = 0;
  int in_progress = 0;
  int overdue = 0;
};

// Built as `admin` (the platform level) on a clock fixed at `now`. 422-free on any date: the
// joint meeting is on 20 February, or yesterday early in a year, and the deadlines are counted
// from `now`. Fails when the demo has no 陕西省民政厅.
core::Result<DemoMechanismReport> BuildDemoMechanism(Services& services,
                                                     const domain::account::Actor& admin,
                                                     core::DateTime now);

}  // namespace lianyin::app
