#include "domain/audit/audit.hpp"

namespace lianyin::domain::audit {

std::string_view OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kSuccess:
      return "success";
    case Outcome::kFailure:
      return "failure";
    case Outcome::kDenied:
      return "denied";
  }
  return "failure";
}

std::optional<Outcome> ParseOutcome(std::string_view name) {
  for (Outcome o : {Outcome::kSuccess, Outcome::kFailure, Outcome::kDenied}) {
    if (OutcomeName(o) == name) return o;
  }
  return std::nullopt;
}

}  // namespace lianyin::domain::audit
