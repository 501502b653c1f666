#pragma once
// The dated credit rules (SPEC §4 "Credit lists"; issue #12), run daily by `lianyin jobs run`
// and inside `serve`:
//   1. an organisation registered (or abnormal) and founded by the end of year Y with no annual
//      report for Y — submitted, whatever its review — by 30 June of Y+1 goes on the abnormal
//      list, entered on 1 July of Y+1; Y is the latest year whose deadline has passed
//      (LatestDueYear), so an organisation founded in Y first owes a report for Y, due the
//      next June;
//   2. an organisation on the abnormal list for two years (an active entry entered on or before
//      today two years ago) goes on the dishonest list, entered two years after it.
// A registered organisation put on the abnormal list also takes the registry's status abnormal
// (registered ⇄ abnormal, SPEC §4), so the status and the list agree. Each effect is one
// credit entry (entered_by NULL), its Change, the status Change if any, and one event on the
// organisation's timeline (action credit_rule), all by the system actor.
//
// Idempotent and safe to run concurrently: each rule's entry carries a key (credit_entries.rule,
// unique per organisation) and the active-entry index refuses a second active entry, so running
// twice, or in two processes at once, adds nothing. An entry an officer removed is not made
// again by the same rule.

#include <cstdint>
#include <string>

#include "core/date.hpp"
#include "domain/common/writer.hpp"

namespace lianyin::domain::annual {

struct CreditRulesReport {
  std::int64_t year = 0;            // the report year rule 1 looked at
  std::int64_t abnormal = 0;        // entries rule 1 made
  std::int64_t dishonest = 0;       // entries rule 2 made
  std::int64_t status_changes = 0;  // organisations moved registered → abnormal
};

// Runs both rules as of `today` (Asia/Shanghai): each batch of at most kRuleBatch candidates is
// read outside any write transaction, then written in one short transaction; `now` stamps the
// rows (a +08:00 date-time).
inline constexpr std::int64_t kRuleBatch = 100;
core::Result<CreditRulesReport> RunCreditRules(common::Writer& writer, const core::Date& today,
                                               const std::string& now);

}  // namespace lianyin::domain::annual
