#pragma once
// The demo's supervision records (issue #12): annual reports of the demo organisations for the
// last three years whose deadline has passed — mostly passed, some basic passes and failures,
// some awaiting review or returned for correction — a few organisations that never reported
// or stopped reporting, the dated credit rules run as they would have run (so those are on the
// abnormal list, the longest-silent ones on the dishonest list), and a few penalties.

#include <cstdint>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"

namespace lianyin::app {

class Services;

struct DemoAnnualReport {
  std::int64_t last_year = 0;  // the latest report year whose deadline has passed
  int reports = 0;
  int passed = 0;
  int basic_passed = 0;
  int failed = 0;
  int to_review = 0;  // submitted, awaiting review
  int returned = 0;
  int abnormal = 0;   // entered by the rules
  int dishonest = 0;  // entered by the rules
  int penalties = 0;
};

// Every registered organisation in `admin`'s scope (the platform), by id: the i-th files its
// reports as kept in demo_annual.cpp, dated in the months after each year, reviewed by the
// registration authority's level (the admin), with `now` as today.
core::Result<DemoAnnualReport> BuildDemoAnnual(Services& services,
                                               const domain::account::Actor& admin,
                                               core::DateTime now);

}  // namespace lianyin::app
