#pragma once
// What other areas ask of annual reports. The evaluation area's gate (SPEC §5.3: an
// organisation whose last annual report failed cannot be evaluated) calls it inside its use
// case's transaction:
//
//   if (annual::LastReviewedResult(tx.session(), org_id) == annual::ReportResult::kFail) {
//     return core::Error::Invalid("org_id", "the organisation's last annual report failed");
//   }

#include <cstdint>
#include <optional>

#include "domain/annual/annual.hpp"
#include "store/store.hpp"

namespace lianyin::domain::annual {

// The result of the organisation's reviewed report of the latest year (reports still submitted
// or returned do not count); nullopt when none was reviewed. One indexed query; unscoped.
std::optional<ReportResult> LastReviewedResult(store::Session& session, std::int64_t org_id);

}  // namespace lianyin::domain::annual
