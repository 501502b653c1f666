#pragma once
// Independent references for the tests (no LEMON): successive shortest paths with Bellman–Ford,
// and a brute-force enumerator for tiny instances; plus a feasibility checker.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>
#include <vector>

#include "match/match.hpp"

namespace lianyin::match::testing {

struct Optimum {
  std::int64_t matched = 0;
  std::int64_t cost = 0;
  friend bool operator==(const Optimum&, const Optimum&) = default;
};

inline std::vector<Arc> Distinct(std::vector<Arc> arcs) {
  std::sort(arcs.begin(), arcs.end());
  arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
  return arcs;
}

// Source → demand (need), demand → resource (cost of the resource), resource → sink
// (remaining). Starting from zero flow with non-negative costs, augmenting along a cheapest path
// each time keeps the flow of minimum cost for its value; stopping when no path is left gives the
// maximum flow at minimum cost. Bellman–Ford copes with the negative residual arcs.
inline Optimum SuccessiveShortestPaths(const std::vector<std::int64_t>& need,
                                       const std::vector<std::int64_t>& remaining,
                                       const std::vector<std::int64_t>& cost,
                                       const std::vector<Arc>& arcs) {
  struct Edge {
    int to;
    std::int64_t cap, cost;
  };
  const int nd = static_cast<int>(need.size()), nr = static_cast<int>(remaining.size());
  const int s = nd + nr, t = nd + nr + 1, n = nd + nr + 2;
  std::vector<Edge> edges;
  std::vector<std::vector<int>> out(static_cast<std::size_t>(n));
  auto add = [&](int u, int v, std::int64_t cap, std::int64_t c) {
    out[static_cast<std::size_t>(u)].push_back(static_cast<int>(edges.size()));
    edges.push_back({v, cap, c});
    out[static_cast<std::size_t>(v)].push_back(static_cast<int>(edges.size()));
    edges.push_back({u, 0, -c});
  };
  for (int d = 0; d < nd; ++d) add(s, d, need[static_cast<std::size_t>(d)], 0);
  for (int r = 0; r < nr; ++r) add(nd + r, t, remaining[static_cast<std::size_t>(r)], 0);
  for (const Arc& a : Distinct(arcs)) {
    add(a.demand, nd + a.resource, std::numeric_limits<std::int64_t>::max() / 4,
        cost[static_cast<std::size_t>(a.resource)]);
  }
  Optimum result;
  constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max();
  for (;;) {
    std::vector<std::int64_t> dist(static_cast<std::size_t>(n), kInf);
    std::vector<int> via(static_cast<std::size_t>(n), -1);
    dist[static_cast<std::size_t>(s)] = 0;
    for (int round = 0; round < n; ++round) {
      bool changed = false;
      for (int u = 0; u < n; ++u) {
        if (dist[static_cast<std::size_t>(u)] == kInf) continue;
        for (int e : out[static_cast<std::size_t>(u)]) {
          const Edge& edge = edges[static_cast<std::size_t>(e)];
          if (edge.cap == 0) continue;
          const std::int64_t nd2 = dist[static_cast<std::size_t>(u)] + edge.cost;
          if (nd2 < dist[static_cast<std::size_t>(edge.to)]) {
            dist[static_cast<std::size_t>(edge.to)] = nd2;
            via[static_cast<std::size_t>(edge.to)] = e;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[static_cast<std::size_t>(t)] == kInf) break;
    std::int64_t push = kInf;
    for (int v = t; v != s;) {
      const int e = via[static_cast<std::size_t>(v)];
      push = std::min(push, edges[static_cast<std::size_t>(e)].cap);
      v = edges[static_cast<std::size_t>(e ^ 1)].to;
    }
    for (int v = t; v != s;) {
      const int e = via[static_cast<std::size_t>(v)];
      edges[static_cast<std::size_t>(e)].cap -= push;
      edges[static_cast<std::size_t>(e ^ 1)].cap += push;
      v = edges[static_cast<std::size_t>(e ^ 1)].to;
    }
    result.matched += push;
    result.cost += push * dist[static_cast<std::size_t>(t)];
  }
  return result;
}

// Every integer x over the distinct arcs, lexicographically best. Tiny instances only.
inline Optimum BruteForce(const std::vector<std::int64_t>& need,
                          const std::vector<std::int64_t>& remaining,
                          const std::vector<std::int64_t>& cost, const std::vector<Arc>& arcs) {
  const std::vector<Arc> distinct = Distinct(arcs);
  std::vector<std::int64_t> left_need = need, left_rem = remaining;
  Optimum best;
  auto visit = [&](auto&& self, std::size_t i, Optimum so_far) -> void {
    if (i == distinct.size()) {
      if (so_far.matched > best.matched ||
          (so_far.matched == best.matched && so_far.cost < best.cost)) {
        best = so_far;
      }
      return;
    }
    const auto d = static_cast<std::size_t>(distinct[i].demand);
    const auto r = static_cast<std::size_t>(distinct[i].resource);
    const std::int64_t most = std::min(left_need[d], left_rem[r]);
    for (std::int64_t x = 0; x <= most; ++x) {
      left_need[d] -= x;
      left_rem[r] -= x;
      self(self, i + 1, Optimum{so_far.matched + x, so_far.cost + x * cost[r]});
      left_need[d] += x;
      left_rem[r] += x;
    }
  };
  visit(visit, 0, Optimum{});
  return best;
}

// The solution is feasible, its totals add up, and it says what it does.
inline void ExpectFeasible(const std::vector<std::int64_t>& need,
                           const std::vector<std::int64_t>& remaining,
                           const std::vector<std::int64_t>& cost, const std::vector<Arc>& arcs,
                           const Solution& s) {
  const std::set<Arc> allowed(arcs.begin(), arcs.end());
  std::vector<std::int64_t> per_demand(need.size(), 0), per_resource(remaining.size(), 0);
  std::int64_t matched = 0, total_cost = 0;
  for (std::size_t i = 0; i < s.assignments.size(); ++i) {
    const Assignment& a = s.assignments[i];
    ASSERT_TRUE(allowed.contains(Arc{a.demand, a.resource})) << a.demand << "→" << a.resource;
    ASSERT_GT(a.headcount, 0);
    ASSERT_EQ(a.cost_fen, a.headcount * cost[static_cast<std::size_t>(a.resource)]);
    if (i > 0) {
      const Assignment& p = s.assignments[i - 1];
      ASSERT_TRUE(Arc(p.demand, p.resource) < Arc(a.demand, a.resource)) << "order";
    }
    per_demand[static_cast<std::size_t>(a.demand)] += a.headcount;
    per_resource[static_cast<std::size_t>(a.resource)] += a.headcount;
    matched += a.headcount;
    total_cost += a.cost_fen;
  }
  ASSERT_EQ(s.demands.size(), need.size());
  std::int64_t sum_need = 0;
  for (std::size_t d = 0; d < need.size(); ++d) {
    ASSERT_LE(per_demand[d], need[d]);
    ASSERT_EQ(s.demands[d].matched, per_demand[d]);
    sum_need += need[d];
  }
  for (std::size_t r = 0; r < remaining.size(); ++r) ASSERT_LE(per_resource[r], remaining[r]);
  ASSERT_EQ(s.matched_headcount, matched);
  ASSERT_EQ(s.total_cost_fen, total_cost);
  ASSERT_EQ(s.unmatched_headcount, sum_need - matched);
  // A demand left short has every compatible resource used up (else the flow was not maximum).
  for (const Arc& a : arcs) {
    const auto d = static_cast<std::size_t>(a.demand), r = static_cast<std::size_t>(a.resource);
    if (per_demand[d] < need[d]) {
      ASSERT_EQ(per_resource[r], remaining[r]) << "demand " << d << " short, resource " << r;
    }
  }
}

}  // namespace lianyin::match::testing
