// Compatible() against the definition (a naive D×R check), and Match()'s reasons.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

#include "match/match.hpp"
#include "match/test_reference.hpp"

namespace lianyin::match {
namespace {

// 西城区 110102 ⊂ 北京市 110100 ⊂ 北京 110000 (as a three-level chain, the way callers pass it).
const std::vector<std::int32_t> kXicheng = {110102, 110100, 110000};

DemandSpec Demand(std::int32_t category, std::vector<std::int32_t> codes, std::int32_t start,
                  std::int32_t end, std::int64_t need) {
  return DemandSpec{.id = 0,
                    .category = category,
                    .covering_codes = std::move(codes),
                    .window_start = start,
                    .window_end = end,
                    .need = need};
}

ResourceSpec Resource(std::int32_t category, std::vector<std::int32_t> codes, std::int32_t start,
                      std::int32_t end, std::int64_t remaining, std::int64_t cost = 0) {
  return ResourceSpec{.id = 0,
                      .category = category,
                      .region_codes = std::move(codes),
                      .window_start = start,
                      .window_end = end,
                      .remaining = remaining,
                      .cost_per_person_fen = cost};
}

TEST(Compatible, CoverageThroughAncestorCodes) {
  const std::vector<DemandSpec> demands = {Demand(1, kXicheng, 0, 10, 5)};
  const std::vector<ResourceSpec> resources = {
      Resource(1, {110000}, 0, 10, 1),   // the province covers its counties
      Resource(1, {110100}, 0, 10, 1),   // so does the city
      Resource(1, {110102}, 0, 10, 1),   // and the county itself
      Resource(1, {110105}, 0, 10, 1),   // a sibling county does not
      Resource(1, {310000}, 0, 10, 1),   // nor another province
      Resource(2, {110000}, 0, 10, 1),   // nor another category
      Resource(1, {110102}, 20, 30, 1),  // same place, other time
  };
  const Compatibility c = Compatible(demands, resources);
  EXPECT_EQ(c.arcs, (std::vector<Arc>{{0, 0}, {0, 1}, {0, 2}}));
  EXPECT_EQ(c.compatible, std::vector<std::int32_t>{3});
  EXPECT_EQ(c.same_place, std::vector<std::int32_t>{4});
}

TEST(Compatible, ACityDoesNotCoverItsProvinceOrCounty) {
  // A demand at the city level is covered by the city and the province, not by a county in it.
  const std::vector<DemandSpec> demands = {Demand(0, {110100, 110000}, 0, 10, 5)};
  const std::vector<ResourceSpec> resources = {Resource(0, {110102}, 0, 10, 1),
                                               Resource(0, {110100}, 0, 10, 1)};
  EXPECT_EQ(Compatible(demands, resources).arcs, (std::vector<Arc>{{0, 1}}));
}

TEST(Compatible, WindowsTouchingAtOneDayOverlap) {
  const std::vector<DemandSpec> demands = {Demand(0, {110000}, 10, 20, 1)};
  const std::vector<ResourceSpec> resources = {
      Resource(0, {110000}, 20, 30, 1),  // starts on the demand's last day
      Resource(0, {110000}, 0, 10, 1),   // ends on its first day
      Resource(0, {110000}, 21, 30, 1),  // a day after
      Resource(0, {110000}, 0, 9, 1),    // a day before
      Resource(0, {110000}, 15, 15, 1),  // one day inside
      Resource(0, {110000}, 0, 100, 1),  // all around
      Resource(0, {110000}, 16, 14, 1),  // empty window
  };
  const Compatibility c = Compatible(demands, resources);
  EXPECT_EQ(c.arcs, (std::vector<Arc>{{0, 0}, {0, 1}, {0, 4}, {0, 5}}));
  EXPECT_EQ(c.same_place[0], 7);
}

TEST(Compatible, AResourceListingAProvinceAndItsCityIsOneArc) {
  const std::vector<DemandSpec> demands = {Demand(3, kXicheng, 0, 10, 5),
                                           Demand(3, {110102, 110102, 110100, 110000}, 0, 10, 5)};
  const std::vector<ResourceSpec> resources = {
      Resource(3, {110000, 110100, 110102, 110100}, 0, 10, 2)};
  const Compatibility c = Compatible(demands, resources);
  EXPECT_EQ(c.arcs, (std::vector<Arc>{{0, 0}, {1, 0}}));
  EXPECT_EQ(c.compatible, (std::vector<std::int32_t>{1, 1}));
  EXPECT_EQ(c.same_place, (std::vector<std::int32_t>{1, 1}));
}

// A small region tree (2 provinces × 3 cities × 3 counties), random specs, and the definition.
std::int32_t Province(int p) { return 110000 + p * 10000; }
std::int32_t City(int p, int c) { return Province(p) + (c + 1) * 100; }
std::int32_t County(int p, int c, int k) { return City(p, c) + k + 1; }

struct Specs {
  std::vector<DemandSpec> demands;
  std::vector<ResourceSpec> resources;
};

Specs RandomSpecs(std::mt19937_64& rng, int max_demands, int max_resources) {
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Specs s;
  const int nd = uniform(0, max_demands), nr = uniform(0, max_resources);
  for (int i = 0; i < nd; ++i) {
    const int p = uniform(0, 1), c = uniform(0, 2), k = uniform(0, 2);
    std::vector<std::int32_t> codes;
    switch (uniform(0, 2)) {
      case 0:
        codes = {County(p, c, k), City(p, c), Province(p)};
        break;
      case 1:
        codes = {City(p, c), Province(p)};
        break;
      default:
        codes = {Province(p)};
    }
    std::shuffle(codes.begin(), codes.end(), rng);
    const int start = uniform(0, 40);
    s.demands.push_back(
        Demand(uniform(0, 2), codes, start, start + uniform(-1, 15), uniform(0, 8)));
  }
  for (int i = 0; i < nr; ++i) {
    std::vector<std::int32_t> codes;
    for (int n = uniform(0, 3); n > 0; --n) {
      const int p = uniform(0, 1), c = uniform(0, 2), k = uniform(0, 2);
      codes.push_back(uniform(0, 2) == 0 ? County(p, c, k)
                      : uniform(0, 1)    ? City(p, c)
                                         : Province(p));
    }
    const int start = uniform(0, 40);
    s.resources.push_back(Resource(uniform(0, 2), codes, start, start + uniform(0, 20),
                                   uniform(0, 10), 100 * uniform(0, 5)));
  }
  return s;
}

TEST(Compatible, EqualsTheNaiveCheckOnRandomInstances) {
  for (int seed = 0; seed < 1000; ++seed) {
    std::mt19937_64 rng(9000 + static_cast<std::uint64_t>(seed));
    const Specs s = RandomSpecs(rng, 20, 20);
    std::vector<Arc> arcs;
    std::vector<std::int32_t> compatible(s.demands.size(), 0), same_place(s.demands.size(), 0);
    for (std::size_t d = 0; d < s.demands.size(); ++d) {
      for (std::size_t r = 0; r < s.resources.size(); ++r) {
        const DemandSpec& dd = s.demands[d];
        const ResourceSpec& rr = s.resources[r];
        if (dd.category != rr.category) continue;
        const bool covers =
            std::any_of(rr.region_codes.begin(), rr.region_codes.end(), [&](int code) {
              return std::find(dd.covering_codes.begin(), dd.covering_codes.end(), code) !=
                     dd.covering_codes.end();
            });
        if (!covers) continue;
        ++same_place[d];
        bool overlap = false;  // some day in both windows, by enumeration
        for (int day = dd.window_start; day <= dd.window_end && !overlap; ++day) {
          overlap = rr.window_start <= day && day <= rr.window_end;
        }
        if (!overlap) continue;
        ++compatible[d];
        arcs.push_back(Arc{static_cast<std::int32_t>(d), static_cast<std::int32_t>(r)});
      }
    }
    const Compatibility c = Compatible(s.demands, s.resources);
    ASSERT_EQ(c.arcs, arcs) << "seed " << seed;
    ASSERT_EQ(c.compatible, compatible) << "seed " << seed;
    ASSERT_EQ(c.same_place, same_place) << "seed " << seed;
  }
}

TEST(Match, ReasonsForFallingShort) {
  const std::vector<DemandSpec> demands = {
      Demand(0, kXicheng, 0, 10, 4),                  // 0: competes for resource 0 with demand 1
      Demand(0, kXicheng, 0, 10, 4),                  // 1
      Demand(1, kXicheng, 0, 10, 2),                  // 2: no category-1 resource anywhere
      Demand(0, {310101, 310100, 310000}, 0, 10, 2),  // 3: nothing in Shanghai
      Demand(0, kXicheng, 50, 60, 2),                 // 4: the right place, the wrong time
      Demand(0, kXicheng, 0, 10, 0),                  // 5: needs nobody
  };
  const std::vector<ResourceSpec> resources = {Resource(0, {110000}, 0, 10, 5, 100)};
  const Solution s = Match(demands, resources);
  EXPECT_EQ(s.matched_headcount, 5);
  EXPECT_EQ(s.unmatched_headcount, 3 + 2 + 2 + 2);
  EXPECT_EQ(s.total_cost_fen, 500);
  EXPECT_EQ(s.arcs, 3u);
  EXPECT_EQ(s.demands[0].matched + s.demands[1].matched, 5);
  EXPECT_EQ(s.demands[0].matched < 4 ? s.demands[0].reason : s.demands[1].reason,
            Unmatched::kCapacityExhausted);
  EXPECT_EQ(s.demands[2].reason, Unmatched::kNoCompatibleResource);
  EXPECT_EQ(s.demands[3].reason, Unmatched::kNoCompatibleResource);
  EXPECT_EQ(s.demands[4].reason, Unmatched::kWindow);
  EXPECT_EQ(s.demands[4].same_place, 1);
  EXPECT_EQ(s.demands[4].compatible, 0);
  EXPECT_EQ(s.demands[5].reason, Unmatched::kNone);
  EXPECT_EQ(s.demands[0].compatible, 1);
}

TEST(Match, CapacityExhaustedWhenTheOnlyResourceHasNoneLeft) {
  const Solution s = Match({Demand(0, kXicheng, 0, 10, 3)}, {Resource(0, {110102}, 0, 10, 0)});
  EXPECT_EQ(s.matched_headcount, 0);
  EXPECT_EQ(s.demands[0].reason, Unmatched::kCapacityExhausted);
  EXPECT_EQ(s.demands[0].compatible, 1);
}

TEST(Match, RandomSpecsAreOptimalAndExplained) {
  for (int seed = 0; seed < 1000; ++seed) {
    std::mt19937_64 rng(4242 + static_cast<std::uint64_t>(seed));
    const Specs s = RandomSpecs(rng, 15, 15);
    const Solution solution = Match(s.demands, s.resources);
    const Compatibility c = Compatible(s.demands, s.resources);
    std::vector<std::int64_t> need, remaining, cost;
    for (const auto& d : s.demands) need.push_back(d.need);
    for (const auto& r : s.resources) {
      remaining.push_back(r.remaining);
      cost.push_back(r.cost_per_person_fen);
    }
    const auto reference = testing::SuccessiveShortestPaths(need, remaining, cost, c.arcs);
    ASSERT_EQ(solution.matched_headcount, reference.matched) << "seed " << seed;
    ASSERT_EQ(solution.total_cost_fen, reference.cost) << "seed " << seed;
    testing::ExpectFeasible(need, remaining, cost, c.arcs, solution);
    ASSERT_EQ(solution.arcs, c.arcs.size());
    for (std::size_t d = 0; d < s.demands.size(); ++d) {
      const DemandOutcome& o = solution.demands[d];
      ASSERT_EQ(o.compatible, c.compatible[d]);
      ASSERT_EQ(o.same_place, c.same_place[d]);
      const Unmatched expected = o.matched == need[d] ? Unmatched::kNone
                                 : o.same_place == 0  ? Unmatched::kNoCompatibleResource
                                 : o.compatible == 0  ? Unmatched::kWindow
                                                      : Unmatched::kCapacityExhausted;
      ASSERT_EQ(o.reason, expected) << "seed " << seed << " demand " << d;
    }
  }
}

TEST(Match, RejectsInvalidSpecs) {
  EXPECT_THROW(Match({Demand(0, kXicheng, 0, 10, -1)}, {}), std::invalid_argument);
  EXPECT_THROW(Match({}, {Resource(0, {110000}, 0, 10, -1)}), std::invalid_argument);
  EXPECT_THROW(Match({}, {Resource(0, {110000}, 0, 10, 1, -5)}), std::invalid_argument);
}

}  // namespace
}  // namespace lianyin::match
