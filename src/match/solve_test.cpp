// Solve() against independent references on thousands of random instances, and its checks.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "match/match.hpp"
#include "match/test_reference.hpp"

namespace lianyin::match {
namespace {

using testing::BruteForce;
using testing::ExpectFeasible;
using testing::Optimum;
using testing::SuccessiveShortestPaths;

struct Instance {
  std::vector<std::int64_t> need, remaining, cost;
  std::vector<Arc> arcs;
};

enum class Kind { kGeneral, kDegenerate, kTies, kLarge, kInfeasible };

std::int64_t Uniform(std::mt19937_64& rng, std::int64_t lo, std::int64_t hi) {
  return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
}

Instance Random(std::mt19937_64& rng, Kind kind, int max_demands, int max_resources) {
  Instance in;
  const auto nd = static_cast<int>(Uniform(rng, kind == Kind::kInfeasible ? 0 : 1, max_demands));
  const auto nr = static_cast<int>(Uniform(rng, 0, max_resources));
  const std::int64_t equal_capacity = Uniform(rng, 1, 6);
  const std::int64_t equal_cost = Uniform(rng, 0, 100);
  for (int d = 0; d < nd; ++d) {
    switch (kind) {
      case Kind::kLarge:
        in.need.push_back(Uniform(rng, 900'000, 1'000'000));
        break;
      case Kind::kDegenerate:
        in.need.push_back(Uniform(rng, 0, 2) == 0 ? 0 : Uniform(rng, 1, 5));
        break;
      default:
        in.need.push_back(Uniform(rng, 0, 9));
    }
  }
  for (int r = 0; r < nr; ++r) {
    switch (kind) {
      case Kind::kLarge:
        in.remaining.push_back(Uniform(rng, 0, 2'000'000));
        in.cost.push_back(1'000'000'000 - Uniform(rng, 0, 1000));
        break;
      case Kind::kDegenerate:
        in.remaining.push_back(Uniform(rng, 0, 2) == 0 ? 0 : Uniform(rng, 1, 5));
        in.cost.push_back(equal_cost);
        break;
      case Kind::kTies:
        in.remaining.push_back(Uniform(rng, 0, 4) == 0 ? Uniform(rng, 0, 9) : equal_capacity);
        in.cost.push_back(10 * Uniform(rng, 0, 2));
        break;
      default:
        in.remaining.push_back(Uniform(rng, 0, 12));
        in.cost.push_back(Uniform(rng, 0, 50'000));
    }
  }
  if (kind != Kind::kInfeasible && nd > 0 && nr > 0) {
    const double density = std::uniform_real_distribution<double>(0.05, 0.7)(rng);
    for (int d = 0; d < nd; ++d) {
      for (int r = 0; r < nr; ++r) {
        if (std::bernoulli_distribution(density)(rng)) in.arcs.push_back(Arc{d, r});
      }
    }
    // Sometimes repeated pairs, sometimes shuffled: Solve takes either.
    if (!in.arcs.empty() && Uniform(rng, 0, 3) == 0) {
      in.arcs.push_back(in.arcs[static_cast<std::size_t>(
          Uniform(rng, 0, static_cast<std::int64_t>(in.arcs.size()) - 1))]);
    }
    if (Uniform(rng, 0, 1) == 0) std::shuffle(in.arcs.begin(), in.arcs.end(), rng);
  }
  return in;
}

Optimum Of(const Solution& s) { return Optimum{s.matched_headcount, s.total_cost_fen}; }

void ExpectOptimal(const Instance& in, const Optimum& reference, int seed) {
  const Solution s = Solve(in.need, in.remaining, in.cost, in.arcs);
  ASSERT_EQ(Of(s).matched, reference.matched) << "seed " << seed;
  ASSERT_EQ(Of(s).cost, reference.cost) << "seed " << seed;
  ExpectFeasible(in.need, in.remaining, in.cost, in.arcs, s);
  ASSERT_EQ(s.arcs, in.arcs.size());
}

TEST(Solve, EqualsSuccessiveShortestPathsOnRandomInstances) {
  int count = 0;
  for (Kind kind :
       {Kind::kGeneral, Kind::kDegenerate, Kind::kTies, Kind::kLarge, Kind::kInfeasible}) {
    for (int seed = 0; seed < 1000; ++seed) {
      std::mt19937_64 rng(static_cast<std::uint64_t>(seed) * 31 + static_cast<std::uint64_t>(kind));
      const int size = seed % 10 == 0 ? 60 : seed % 3 == 0 ? 25 : 10;
      const Instance in = Random(rng, kind, size, size);
      ExpectOptimal(in, SuccessiveShortestPaths(in.need, in.remaining, in.cost, in.arcs), seed);
      if (::testing::Test::HasFatalFailure()) return;
      ++count;
    }
  }
  EXPECT_EQ(count, 5000);
}

TEST(Solve, EqualsBruteForceOnTinyInstances) {
  int compared = 0;
  for (int seed = 0; seed < 4000 && compared < 2000; ++seed) {
    std::mt19937_64 rng(1'000'003 + static_cast<std::uint64_t>(seed));
    const Kind kind = seed % 4 == 0   ? Kind::kTies
                      : seed % 4 == 1 ? Kind::kDegenerate
                                      : Kind::kGeneral;
    Instance in = Random(rng, kind, 3, 3);
    for (auto& n : in.need) n = std::min<std::int64_t>(n, 4);
    for (auto& r : in.remaining) r = std::min<std::int64_t>(r, 4);
    if (testing::Distinct(in.arcs).size() > 6) continue;
    ExpectOptimal(in, BruteForce(in.need, in.remaining, in.cost, in.arcs), seed);
    if (::testing::Test::HasFatalFailure()) return;
    ++compared;
  }
  EXPECT_EQ(compared, 2000);
}

TEST(Solve, ReferencesAgreeWithEachOther) {  // the two references check each other too
  for (int seed = 0; seed < 500; ++seed) {
    std::mt19937_64 rng(77 + static_cast<std::uint64_t>(seed));
    Instance in = Random(rng, Kind::kGeneral, 3, 3);
    for (auto& n : in.need) n = std::min<std::int64_t>(n, 3);
    if (testing::Distinct(in.arcs).size() > 6) continue;
    ASSERT_EQ(SuccessiveShortestPaths(in.need, in.remaining, in.cost, in.arcs),
              BruteForce(in.need, in.remaining, in.cost, in.arcs))
        << "seed " << seed;
  }
}

TEST(Solve, PrefersMoreHeadcountOverLowerCost) {
  // Demand 0 can use the free resource 0 or the dear resource 1; demand 1 only resource 0. The
  // cheapest assignment of demand 0 would block demand 1: the maximum comes first.
  const Solution s = Solve({1, 1}, {1, 1}, {0, 40'000}, {{0, 0}, {0, 1}, {1, 0}});
  EXPECT_EQ(s.matched_headcount, 2);
  EXPECT_EQ(s.total_cost_fen, 40'000);
  EXPECT_EQ(s.assignments, (std::vector<Assignment>{{0, 1, 1, 40'000}, {1, 0, 1, 0}}));
}

TEST(Solve, PicksTheCheapestAmongMaximumMatchings) {
  const Solution s = Solve({5}, {3, 3, 3}, {300, 100, 200}, {{0, 0}, {0, 1}, {0, 2}});
  EXPECT_EQ(s.matched_headcount, 5);
  EXPECT_EQ(s.total_cost_fen, 3 * 100 + 2 * 200);
  EXPECT_EQ(s.unmatched_headcount, 0);
  EXPECT_EQ(s.assignments, (std::vector<Assignment>{{0, 1, 3, 300}, {0, 2, 2, 400}}));
}

TEST(Solve, EmptyAndInfeasibleInputs) {
  const Solution none = Solve({}, {}, {}, {});
  EXPECT_EQ(none.matched_headcount, 0);
  EXPECT_TRUE(none.demands.empty());
  const Solution no_arcs = Solve({3, 4}, {10}, {5}, {});
  EXPECT_EQ(no_arcs.matched_headcount, 0);
  EXPECT_EQ(no_arcs.unmatched_headcount, 7);
  EXPECT_EQ(no_arcs.demands[1].reason, Unmatched::kNoCompatibleResource);
  const Solution zero = Solve({3, 0}, {0, 5}, {5, 5}, {{0, 0}, {1, 1}});  // dropped arcs
  EXPECT_EQ(zero.matched_headcount, 0);
  EXPECT_EQ(zero.demands[0].reason, Unmatched::kCapacityExhausted);
  EXPECT_EQ(zero.demands[0].compatible, 1);
  EXPECT_EQ(zero.demands[1].reason, Unmatched::kNone);
}

TEST(Solve, IsDeterministicAndIgnoresArcOrder) {
  std::mt19937_64 rng(5);
  for (int round = 0; round < 50; ++round) {
    Instance in = Random(rng, Kind::kTies, 30, 30);
    const Solution a = Solve(in.need, in.remaining, in.cost, in.arcs);
    std::shuffle(in.arcs.begin(), in.arcs.end(), rng);
    const Solution b = Solve(in.need, in.remaining, in.cost, in.arcs);
    ASSERT_EQ(a.assignments, b.assignments);
  }
}

TEST(Solve, RejectsInvalidInput) {
  EXPECT_THROW(Solve({-1}, {1}, {1}, {{0, 0}}), std::invalid_argument);
  EXPECT_THROW(Solve({1}, {-1}, {1}, {{0, 0}}), std::invalid_argument);
  EXPECT_THROW(Solve({1}, {1}, {-1}, {{0, 0}}), std::invalid_argument);
  EXPECT_THROW(Solve({1}, {1}, {1}, {{1, 0}}), std::invalid_argument);
  EXPECT_THROW(Solve({1}, {1}, {1}, {{0, 1}}), std::invalid_argument);
  EXPECT_THROW(Solve({1}, {1}, {1}, {{-1, 0}}), std::invalid_argument);
  EXPECT_THROW(Solve({1}, {1}, {1}, {{0, -1}}), std::invalid_argument);
  EXPECT_THROW(Solve({1}, {1, 2}, {1}, {}), std::invalid_argument);
  EXPECT_THROW(Solve({kMaxHeadcount + 1}, {1}, {1}, {}), std::invalid_argument);
  EXPECT_THROW(Solve({kMaxHeadcount, 1}, {1}, {1}, {}), std::invalid_argument);  // Σ need
  EXPECT_THROW(Solve({1}, {kMaxHeadcount + 1}, {1}, {}), std::invalid_argument);
  EXPECT_THROW(Solve({1}, {1}, {kMaxCostFen + 1}, {}), std::invalid_argument);
  // Each value within its limit, but the total cost could overflow int64.
  EXPECT_THROW(Solve({kMaxHeadcount}, {kMaxHeadcount}, {kMaxCostFen}, {{0, 0}}),
               std::invalid_argument);
}

TEST(Solve, LargestValuesWithinTheLimits) {
  // 2^50 persons at 2^12 fen: the total cost 2^62 still fits.
  const Solution s = Solve({kMaxHeadcount}, {kMaxHeadcount}, {4096}, {{0, 0}});
  EXPECT_EQ(s.matched_headcount, kMaxHeadcount);
  EXPECT_EQ(s.total_cost_fen, kMaxHeadcount * 4096);
  // The largest cost with a modest headcount.
  const Solution dear = Solve({1000, 1000}, {1500}, {kMaxCostFen}, {{0, 0}, {1, 0}});
  EXPECT_EQ(dear.matched_headcount, 1500);
  EXPECT_EQ(dear.total_cost_fen, 1500 * kMaxCostFen);
}

}  // namespace
}  // namespace lianyin::match
