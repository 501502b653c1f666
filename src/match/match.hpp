#pragma once
// The optimal matching of SPEC §5.1: demands (headcounts to serve) against resources (capacities),
// maximum headcount first, then minimum cost. No I/O, no database: plain vectors in, plain vectors
// out. The solver is LEMON's NetworkSimplex (solve.cpp); its headers stay out of this one.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lianyin::match {

// Region codes are GB/T 2260 six-digit codes as integers (110105); days are any monotone day
// number (a window [start, end] with start > end is empty and overlaps nothing).
struct DemandSpec {
  std::int64_t id = 0;
  std::int32_t category = 0;  // dense category index
  // The demand's region code and each of its ancestors (the caller computes them), any order;
  // duplicates are allowed and harmless.
  std::vector<std::int32_t> covering_codes;
  std::int32_t window_start = 0, window_end = 0;  // inclusive
  std::int64_t need = 0;                          // headcount still to serve, >= 0
};

struct ResourceSpec {
  std::int64_t id = 0;
  std::int32_t category = 0;
  std::vector<std::int32_t> region_codes;         // codes the resource covers (duplicates harmless)
  std::int32_t window_start = 0, window_end = 0;  // inclusive
  std::int64_t remaining = 0;                     // capacity - already reserved, >= 0
  std::int64_t cost_per_person_fen = 0;           // >= 0
};

// Why a demand got less than its need. kNone when it got all of it (or needed nothing).
enum class Unmatched { kNone, kNoCompatibleResource, kWindow, kCapacityExhausted };

struct Arc {  // indices into the input vectors
  std::int32_t demand;
  std::int32_t resource;
  friend bool operator==(const Arc&, const Arc&) = default;
  friend auto operator<=>(const Arc&, const Arc&) = default;
};

struct Assignment {
  std::int32_t demand;
  std::int32_t resource;
  std::int64_t headcount;
  std::int64_t cost_fen;  // headcount * cost_per_person_fen(resource)
  friend bool operator==(const Assignment&, const Assignment&) = default;
};

struct DemandOutcome {
  std::int64_t matched = 0;
  Unmatched reason = Unmatched::kNone;  // set when matched < need
  std::int32_t compatible = 0;          // resources with category + coverage + window
  std::int32_t same_place = 0;          // resources with category + coverage (any window)
};

struct Solution {
  std::int64_t matched_headcount = 0, unmatched_headcount = 0, total_cost_fen = 0;
  std::vector<Assignment> assignments;  // headcount > 0 only, sorted by (demand, resource)
  std::vector<DemandOutcome> demands;   // one per input demand, same order
  std::size_t arcs = 0;                 // compatible pairs considered
};

// The limits Solve() checks so that no int64 overflows, neither ours nor inside LEMON: every need
// and remaining <= kMaxHeadcount, every cost <= kMaxCostFen, Σ need <= kMaxHeadcount;
// min(Σ need, Σ remaining) x (largest cost) <= INT64_MAX, so that total_cost_fen and every
// cost_fen fit; and (2·nodes + 2) x (largest cost + 1) <= 2^62 with nodes = D + R + 1, because
// LEMON's node potentials reach its artificial cost 2^62 plus one arc cost per node of a tree
// path, and its reduced costs add two of them (solve.cpp). Nodes and arcs, with LEMON's
// artificial arcs, must fit its int indices.
inline constexpr std::int64_t kMaxHeadcount = std::int64_t{1} << 50;  // ~1.1e15 people
inline constexpr std::int64_t kMaxCostFen = std::int64_t{1} << 40;    // ~1.1e12 fen per person

// Compatible pairs (same category, some code of r.region_codes in d.covering_codes, windows
// overlap; remaining may be 0), each pair once even when several of r's codes cover d, sorted by
// (demand, resource); plus, per demand, `compatible` (= its number of arcs) and `same_place`
// (category + coverage, any window).
// Resources are indexed by (category, region code) in a sorted table, so the cost is
// O(R·k log(R·k) + Σ_d Σ_{c in covering_codes(d)} (log(R·k) + |bucket(category(d), c)|) +
// arcs·log) with k codes per resource — never D×R. Deterministic.
struct Compatibility {
  std::vector<Arc> arcs;
  std::vector<std::int32_t> compatible, same_place;  // one per demand
};
Compatibility Compatible(const std::vector<DemandSpec>& demands,
                         const std::vector<ResourceSpec>& resources);

// The optimum of §5.1 over the given arcs: x[a] >= 0 integers, Σ x over a demand's arcs <=
// need, over a resource's arcs <= remaining; maximise Σ x, then minimise Σ x·cost. Exact in both
// values. One LEMON NetworkSimplex run on a network with a bypass arc (solve.cpp says why one
// min-cost run gives the lexicographic optimum). Arcs may come in any order; a repeated pair is
// the same pair; arcs whose demand needs 0 or whose resource has 0 remaining are dropped. The
// result depends only on the input (same input, same assignments).
// Per demand it fills `matched`, `compatible` = `same_place` = its number of distinct arcs (Solve
// knows no regions or windows), and `reason` when matched < need: kNoCompatibleResource without
// arcs, else kCapacityExhausted. `arcs` = arcs.size().
// Throws std::invalid_argument when remaining and cost_per_person_fen differ in size, a value is
// negative or above the limits above, or an arc's index is out of range.
// Cost: about LEMON's network simplex on D + R + 1 nodes and arcs + D + R arcs (fast in practice,
// docs/BENCHMARKS.md), plus O(arcs) (O(arcs log arcs) when the arcs are not sorted).
Solution Solve(const std::vector<std::int64_t>& need, const std::vector<std::int64_t>& remaining,
               const std::vector<std::int64_t>& cost_per_person_fen, const std::vector<Arc>& arcs);

// Compatible() + Solve() + the unmatched reason per demand: kNoCompatibleResource when
// same_place == 0, kWindow when same_place > 0 but compatible == 0, else kCapacityExhausted
// (then every compatible resource is used up in the optimum: a compatible resource with capacity
// left would give a path to serve one more person). Throws as Solve() does.
Solution Match(const std::vector<DemandSpec>& demands, const std::vector<ResourceSpec>& resources);

}  // namespace lianyin::match
