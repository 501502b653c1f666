#include "domain/worker/worker.hpp"

#include <algorithm>
#include <array>

namespace lianyin::domain::worker {
namespace {

// In code order; the data dictionary (worker_group) labels them. They are the target_group codes
// of projects, demands and events that describe a worker (all but workers_children).
constexpr std::array<std::string_view, 9> kGroups = {
    "frontline_workers",  "migrant_workers",        "model_workers",
    "needy_workers",      "new_employment_workers", "retired_workers",
    "sanitation_workers", "women_workers",          "young_workers"};

}  // namespace

const std::vector<std::string>& GroupNames() {
  static const std::vector<std::string> names(kGroups.begin(), kGroups.end());
  return names;
}

bool IsGroup(std::string_view code) {
  return std::find(kGroups.begin(), kGroups.end(), code) != kGroups.end();
}

}  // namespace lianyin::domain::worker
