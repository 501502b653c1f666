#pragma once
// The demo's demand list ↔ resource list matching (SPEC §4 "Demands and resources", §5.1; issue
// #10 point 8): in 苏州工业园区 (320571), 苏州市总工会 below 江苏省总工会 and 苏州工业园区总工会
// below it, 苏州市民政局 below 江苏省民政厅 with six social organisations of the park registered
// there and linked to the park union; their 13 resources (资源清单) and the park union's 14
// demands (需求清单); one matching run over the park by the park union's officer `demo.sip`; part
// of its proposals accepted, a few of those served (one rated), the rest left to review. Built
// through the same use cases people use; deterministic; makes no projects (SPEC §6 stays as it is).

#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "domain/account/account.hpp"

namespace lianyin::app {

class Services;

struct DemoMatchingReport {
  int units = 0;  // 苏州市总工会, 苏州工业园区总工会, 苏州市民政局
  int orgs = 0;
  int links = 0;
  int resources = 0;
  int demands = 0;
  int runs = 0;
  std::int64_t run_id = 0;
  std::int64_t park_union_id = 0;
  std::int64_t matched_headcount = 0;
  std::int64_t unmatched_headcount = 0;
  std::int64_t total_cost_fen = 0;
  int proposals = 0;  // the run's assignments
  int accepted = 0;   // of them, accepted (some since served)
  int to_review = 0;  // still proposed
  int in_service = 0;
  int done = 0;  // done or rated
  int rated = 0;
};

// The park officer's username; it gets `officer_password` (the admin's, as the demo experts).
inline constexpr const char* kDemoParkOfficer = "demo.sip";

// Runs the listing part as `admin` (holding "*") and the union's part as `demo.sip`. Needs
// 江苏省总工会 and 江苏省民政厅 (BuildDemo's, found by name) and 苏州市 (320500) in the regions
// table; without them it builds nothing and reports zeros.
core::Result<DemoMatchingReport> BuildDemoMatching(Services& services,
                                                   const domain::account::Actor& admin,
                                                   const std::string& officer_password);

}  // namespace lianyin::app
