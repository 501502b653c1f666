#include "domain/evaluation/evaluation_gates.hpp"

#include <fmt/format.h>

#include "domain/credit/credit_gate.hpp"

namespace lianyin::domain::evaluation {

std::optional<std::string> ExpertConflict(store::Session& /*session*/, const ExpertRef& expert,
                                          const OrgRef& org) {
  if (expert.org_id == org.id) {
    return fmt::format("{} is an account of the organisation being evaluated", expert.name);
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
  return std::nullopt;
}

}  // namespace lianyin::domain::evaluation
