#include "domain/worker/worker.hpp"

#include <algorithm>
#include <array>

namespace lianyin::domain::worker {
namespace {

// In code order; the data dictionary (worker_group) labels them.
constexpr std::array<std::string_view, 10> kGroups = {
    "craftsman",      "frontline_worker", "migrant_worker",    "model_worker", "needy_worker",
    "new_employment", "retired_worker",   "sanitation_worker", "women_worker", "young_worker"};

}  // namespace

const std::vector<std::string>& GroupNames() {
  static const std::vector<std::string> names(kGroups.begin(), kGroups.end());
  return names;
}

bool IsGroup(std::string_view code) {
  return std::find(kGroups.begin(), kGroups.end(), code) != kGroups.end();
}

}  // namespace lianyin::domain::worker
