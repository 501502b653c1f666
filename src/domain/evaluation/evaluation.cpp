#include "domain/evaluation/evaluation.hpp"

namespace lianyin::domain::evaluation {

std::string_view StatusName(Status status) {
  return status == Status::kScoring ? "scoring" : "finalized";
}

std::optional<Status> ParseStatus(std::string_view name) {
  if (name == "scoring") return Status::kScoring;
  if (name == "finalized") return Status::kFinalized;
  return std::nullopt;
}

const std::vector<std::string>& StatusNames() {
  static const std::vector<std::string> names = {"scoring", "finalized"};
  return names;
}

}  // namespace lianyin::domain::evaluation
