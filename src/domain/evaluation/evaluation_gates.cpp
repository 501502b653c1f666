#include "domain/evaluation/evaluation_gates.hpp"

#include <fmt/format.h>

#include "domain/annual/annual_gate.hpp"
#include "domain/credit/credit_gate.hpp"
#include "domain/inspection/conflict_gate.hpp"

namespace lianyin::domain::evaluation {

std::optional<std::string> ExpertConflict(store::Session& session, const ExpertRef& expert,
                                          const OrgRef& org) {
  if (expert.org_id == org.id) {
    return fmt::format("{} is an account of the organisation being evaluated", expert.name);
  }
  if (inspection::HasDeclaredConflict(session, expert.user_id, org.uscc)) {
    return fmt::format("{} has declared a conflict of interest with the organisation", expert.name);
  }
  return std::nullopt;
}

std::optional<core::Error> Ineligible(store::Session& session, const OrgRef& org) {
  if (org.status != "registered") {
    return core::Error::Invalid("org_id", "only a registered organisation can be evaluated");
  }
  if (auto listed = credit::FirstActiveEntry(session, {org.id})) {
    return credit::CreditListed(*listed, "org_id");
  }
  if (annual::LastReviewedResult(session, org.id) == annual::ReportResult::kFail) {
    return core::Error::Invalid("org_id", "the organisation's last annual report failed");
  }
  return std::nullopt;
}

}  // namespace lianyin::domain::evaluation
