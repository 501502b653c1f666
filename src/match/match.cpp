// Match(): the compatible pairs, their optimum, and why a demand fell short.

#include "match/match.hpp"

#include <cstdint>
#include <vector>

namespace lianyin::match {

Solution Match(const std::vector<DemandSpec>& demands, const std::vector<ResourceSpec>& resources) {
  Compatibility compat = Compatible(demands, resources);
  std::vector<std::int64_t> need, remaining, cost;
  need.reserve(demands.size());
  for (const auto& d : demands) need.push_back(d.need);
  remaining.reserve(resources.size());
  cost.reserve(resources.size());
  for (const auto& r : resources) {
    remaining.push_back(r.remaining);
    cost.push_back(r.cost_per_person_fen);
  }
  Solution solution = Solve(need, remaining, cost, compat.arcs);
  for (std::size_t i = 0; i < demands.size(); ++i) {
    DemandOutcome& o = solution.demands[i];
    o.compatible = compat.compatible[i];
    o.same_place = compat.same_place[i];
    if (o.matched >= demands[i].need) {
      o.reason = Unmatched::kNone;
    } else if (o.same_place == 0) {
      o.reason = Unmatched::kNoCompatibleResource;
    } else if (o.compatible == 0) {
      o.reason = Unmatched::kWindow;
    } else {
      o.reason = Unmatched::kCapacityExhausted;
    }
  }
  return solution;
}

}  // namespace lianyin::match
