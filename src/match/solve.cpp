// The lexicographic optimum of §5.1 with one LEMON NetworkSimplex run.
//
// The network: a node per demand d with supply need(d), a node per resource r, a sink t with
// supply -Σ need. Arcs d→r (cost c(r), capacity min(need, remaining)), r→t (capacity
// remaining(r), cost 0) and a bypass d→t per demand (capacity need(d), cost B = max c + 1). The
// bypass makes every supply routable, so a minimum-cost flow always exists; the persons it carries
// are the unmatched ones. Why one minimum-cost run is the lexicographic optimum:
//  (1) It maximises the matched headcount. Suppose an optimum F leaves matching short of the
//      maximum. Then the real network (without bypasses) has an augmenting path P from some d0
//      with flow on its bypass to t. A simple P runs d0→r1←d1→r2←d2…→rk→t: forward d→r arcs,
//      backward (flow-carrying) d→r arcs and finally a forward r→t arc; it cannot pass t before
//      its end, so it has no backward r→t arc. Each resource it visits but the last is entered by a
//      forward arc (+c(r)) and left by a backward one (-c(r)): P costs exactly c(rk) <= max c.
//      Together with the reversed bypass t→d0 (cost -B) it is a residual cycle of cost
//      c(rk) - B < 0, so F was not of minimum cost. (The telescoping holds because an arc's cost
//      depends only on its resource; that is why B = max c + 1 suffices.)
//  (2) Among maximum matchings it minimises the cost: each of them uses the bypasses for exactly
//      Σ need - max persons, costing B·(that) in every one, so the rest of the cost, Σ x·c, is
//      what the run minimises.
// Overflow: LEMON keeps costs and potentials in Cost = int64. Its artificial root arc into t
// costs 2^62 (ART_COST = max/2 + 1 for exact types); a node's potential is the cost of its tree
// path from the root: at most that one artificial arc plus one real arc (<= B) per node, so
// |potential| <= 2^62 + nodes·B, and a reduced cost c + π(u) - π(v) stays below 2^63 while
// (2·nodes + 2)·B <= 2^62, which Solve checks. Flows are bounded by Σ need <= 2^50.

#include <lemon/network_simplex.h>
#include <lemon/static_graph.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "match/match.hpp"

namespace lianyin::match {
namespace {

void Check(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument("match: " + what);
}

}  // namespace

Solution Solve(const std::vector<std::int64_t>& need, const std::vector<std::int64_t>& remaining,
               const std::vector<std::int64_t>& cost_per_person_fen, const std::vector<Arc>& arcs) {
  constexpr std::int64_t kInt32Max = std::numeric_limits<std::int32_t>::max();
  Check(remaining.size() == cost_per_person_fen.size(),
        "remaining and cost_per_person_fen differ in size");
  const auto num_demands = static_cast<std::int64_t>(need.size());
  const auto num_resources = static_cast<std::int64_t>(remaining.size());
  Check(num_demands <= kInt32Max && num_resources <= kInt32Max, "too many demands or resources");
  std::int64_t sum_need = 0;
  for (std::int64_t n : need) {
    Check(n >= 0, "negative need");
    Check(n <= kMaxHeadcount, "need above kMaxHeadcount");
    sum_need += n;
    Check(sum_need <= kMaxHeadcount, "total need above kMaxHeadcount");
  }
  for (std::size_t r = 0; r < remaining.size(); ++r) {
    Check(remaining[r] >= 0, "negative remaining");
    Check(remaining[r] <= kMaxHeadcount, "remaining above kMaxHeadcount");
    Check(cost_per_person_fen[r] >= 0, "negative cost_per_person_fen");
    Check(cost_per_person_fen[r] <= kMaxCostFen, "cost_per_person_fen above kMaxCostFen");
  }
  for (const Arc& a : arcs) {
    Check(a.demand >= 0 && a.demand < num_demands && a.resource >= 0 && a.resource < num_resources,
          "arc index out of range");
  }

  // Distinct arcs in (demand, resource) order; sorting only when the caller's are not.
  std::vector<Arc> sorted_copy;
  const std::vector<Arc>* all = &arcs;
  if (!std::is_sorted(arcs.begin(), arcs.end())) {
    sorted_copy = arcs;
    std::sort(sorted_copy.begin(), sorted_copy.end());
    all = &sorted_copy;
  }
  Solution solution;
  solution.arcs = arcs.size();
  solution.demands.resize(need.size());
  std::vector<Arc> kept;
  kept.reserve(all->size());
  std::vector<char> resource_used(remaining.size(), 0);
  std::int64_t max_cost = 0;
  std::int64_t sum_need_kept = 0, sum_remaining_kept = 0;
  for (std::size_t i = 0; i < all->size(); ++i) {
    const Arc a = (*all)[i];
    if (i > 0 && (*all)[i - 1] == a) continue;
    ++solution.demands[static_cast<std::size_t>(a.demand)].compatible;
    const auto d = static_cast<std::size_t>(a.demand), r = static_cast<std::size_t>(a.resource);
    if (need[d] == 0 || remaining[r] == 0) continue;
    if (kept.empty() || kept.back().demand != a.demand) sum_need_kept += need[d];
    kept.push_back(a);
    if (!resource_used[r]) {
      resource_used[r] = 1;
      sum_remaining_kept = std::min(sum_remaining_kept + remaining[r], kMaxHeadcount);
      max_cost = std::max(max_cost, cost_per_person_fen[r]);
    }
  }
  for (auto& o : solution.demands) o.same_place = o.compatible;

  const std::int64_t bypass_cost = max_cost + 1;
  const std::int64_t nodes = num_demands + num_resources + 1;
  std::int64_t product = 0;
  Check(!__builtin_mul_overflow(std::min(sum_need_kept, sum_remaining_kept), max_cost, &product),
        "min(total need, total remaining) x largest cost overflows int64");
  Check(!__builtin_mul_overflow(2 * nodes + 2, bypass_cost, &product) &&
            product <= (std::int64_t{1} << 62),
        "(2 x nodes + 2) x (largest cost + 1) above 2^62");
  const auto arc_total = static_cast<std::int64_t>(kept.size()) + num_demands + num_resources;
  Check(arc_total + nodes < kInt32Max, "network too large for LEMON's int indices");

  if (!kept.empty()) {
    // Nodes: demands 0..D-1, resources D..D+R-1, the sink D+R. StaticDigraph wants its arcs
    // grouped by source, and numbers them in that order.
    const auto t = static_cast<int>(nodes - 1);
    const auto num_d = static_cast<int>(num_demands);
    std::vector<std::pair<int, int>> list;
    std::vector<std::int64_t> upper, cost;
    list.reserve(static_cast<std::size_t>(arc_total));
    upper.reserve(list.capacity());
    cost.reserve(list.capacity());
    std::vector<int> kept_arc_id(kept.size());
    for (std::size_t i = 0; i < kept.size();) {
      const std::int32_t d = kept[i].demand;
      const std::int64_t n = need[static_cast<std::size_t>(d)];
      for (; i < kept.size() && kept[i].demand == d; ++i) {
        const auto r = static_cast<std::size_t>(kept[i].resource);
        kept_arc_id[i] = static_cast<int>(list.size());
        list.emplace_back(d, num_d + kept[i].resource);
        upper.push_back(std::min(n, remaining[r]));
        cost.push_back(cost_per_person_fen[r]);
      }
      list.emplace_back(d, t);
      upper.push_back(n);
      cost.push_back(bypass_cost);
    }
    for (std::size_t r = 0; r < remaining.size(); ++r) {
      if (!resource_used[r]) continue;
      list.emplace_back(num_d + static_cast<int>(r), t);
      upper.push_back(remaining[r]);
      cost.push_back(0);
    }

    lemon::StaticDigraph graph;
    graph.build(static_cast<int>(nodes), list.begin(), list.end());
    lemon::StaticDigraph::ArcMap<std::int64_t> upper_map(graph), cost_map(graph);
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto arc = graph.arc(static_cast<int>(i));
      upper_map[arc] = upper[i];
      cost_map[arc] = cost[i];
    }
    lemon::StaticDigraph::NodeMap<std::int64_t> supply(graph, 0);
    std::int64_t sum_supply = 0;
    for (std::size_t i = 0; i < kept.size(); ++i) {
      if (i == 0 || kept[i - 1].demand != kept[i].demand) {
        const std::int64_t n = need[static_cast<std::size_t>(kept[i].demand)];
        supply[graph.node(kept[i].demand)] = n;
        sum_supply += n;
      }
    }
    supply[graph.node(t)] = -sum_supply;

    lemon::NetworkSimplex<lemon::StaticDigraph, std::int64_t, std::int64_t> simplex(graph);
    simplex.upperMap(upper_map).costMap(cost_map).supplyMap(supply);
    if (simplex.run() != decltype(simplex)::OPTIMAL) {
      // Cannot happen: the bypasses make the zero-matching flow feasible and costs are bounded.
      throw std::logic_error("match: network simplex found no optimum");
    }
    for (std::size_t i = 0; i < kept.size(); ++i) {
      const std::int64_t x = simplex.flow(graph.arc(kept_arc_id[i]));
      if (x == 0) continue;
      const std::int64_t c = x * cost_per_person_fen[static_cast<std::size_t>(kept[i].resource)];
      solution.assignments.push_back(Assignment{kept[i].demand, kept[i].resource, x, c});
      solution.demands[static_cast<std::size_t>(kept[i].demand)].matched += x;
      solution.matched_headcount += x;
      solution.total_cost_fen += c;
    }
  }
  solution.unmatched_headcount = sum_need - solution.matched_headcount;
  for (std::size_t d = 0; d < need.size(); ++d) {
    DemandOutcome& o = solution.demands[d];
    if (o.matched < need[d]) {
      o.reason =
          o.compatible == 0 ? Unmatched::kNoCompatibleResource : Unmatched::kCapacityExhausted;
    }
  }
  return solution;
}

}  // namespace lianyin::match
