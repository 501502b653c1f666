#include "domain/annual/annual_gate.hpp"

#include "domain/annual/annual_repo.hpp"

namespace lianyin::domain::annual {

std::optional<ReportResult> LastReviewedResult(store::Session& session, std::int64_t org_id) {
  return AnnualRepo(session).LastReviewedResult(org_id);
}

}  // namespace lianyin::domain::annual
