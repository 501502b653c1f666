// The optimal matching (src/match, SPEC §5.1, issue #10) at national scale, against LEMON alone.
//
//   match_bench [demands=100000] [resources=10000] [runs=5] [networkx_file]
//
// Generates a realistic instance (8 categories; 31 provinces with their cities and counties as
// GB/T 2260 codes; demands at a county or a city; resources covering counties, cities or a
// province; random windows over a year (demands 14–90 days, resources 60–240); needs 5–200,
// capacities 10–500, costs 0–50 000 fen) and times, median of `runs`:
//  - end to end: match::Match() from the specs (index, compatible pairs, network, solve,
//    assignments);
//  - LEMON alone on the same, prebuilt network (ours: demand supplies, a bypass arc per demand),
//    NetworkSimplex constructed and run, nothing else;
//  - LEMON alone, the textbook formulation on a prebuilt source→demand→resource→sink graph: Preflow
//    for the maximum flow F, then NetworkSimplex with supply F at the source and -F at the sink.
// All three must reach the same (matched headcount, total cost) or the bench exits 1.
// With a networkx_file it also writes a second, ~200 k-arc instance (demands / 5, same
// resources) there for bench/match_networkx.py, and prints Match()'s time and optimum on it.

#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/static_graph.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "match/match.hpp"

namespace {

namespace match = lianyin::match;
using Clock = std::chrono::steady_clock;

struct Instance {
  std::vector<match::DemandSpec> demands;
  std::vector<match::ResourceSpec> resources;
};

// 31 provinces (their real GB/T 2260 prefixes), 5–15 cities each, 4–12 counties per city.
struct Regions {
  struct City {
    std::int32_t code;
    std::vector<std::int32_t> counties;
  };
  struct Province {
    std::int32_t code;
    std::vector<City> cities;
  };
  std::vector<Province> provinces;
};

Regions MakeRegions(std::mt19937_64& rng) {
  const int prefixes[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41,
                          42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65};
  Regions regions;
  for (int p : prefixes) {
    Regions::Province province{p * 10000, {}};
    const int cities = std::uniform_int_distribution<int>(5, 15)(rng);
    for (int c = 1; c <= cities; ++c) {
      Regions::City city{province.code + c * 100, {}};
      const int counties = std::uniform_int_distribution<int>(4, 12)(rng);
      for (int k = 1; k <= counties; ++k) city.counties.push_back(city.code + k);
      province.cities.push_back(std::move(city));
    }
    regions.provinces.push_back(std::move(province));
  }
  return regions;
}

Instance Generate(int num_demands, int num_resources, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const Regions regions = MakeRegions(rng);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto pick = [&](const auto& v) -> const auto& {
    return v[static_cast<std::size_t>(uniform(0, static_cast<int>(v.size()) - 1))];
  };
  Instance in;
  for (int i = 0; i < num_demands; ++i) {
    const auto& province = pick(regions.provinces);
    const auto& city = pick(province.cities);
    match::DemandSpec d;
    d.id = i + 1;
    d.category = uniform(0, 7);
    if (uniform(0, 4) != 0) d.covering_codes.push_back(pick(city.counties));  // 80 % a county
    d.covering_codes.push_back(city.code);
    d.covering_codes.push_back(province.code);
    d.window_start = uniform(0, 364);
    d.window_end = d.window_start + uniform(14, 90) - 1;
    d.need = uniform(5, 200);
    in.demands.push_back(std::move(d));
  }
  for (int i = 0; i < num_resources; ++i) {
    const auto& province = pick(regions.provinces);
    match::ResourceSpec r;
    r.id = i + 1;
    r.category = uniform(0, 7);
    const int kind = uniform(0, 99);
    if (kind < 50) {  // a province
      r.region_codes.push_back(province.code);
    } else if (kind < 80) {  // one or two of its cities
      for (int n = uniform(1, 2); n > 0; --n) r.region_codes.push_back(pick(province.cities).code);
    } else {  // one to three counties of a city
      const auto& city = pick(province.cities);
      for (int n = uniform(1, 3); n > 0; --n) r.region_codes.push_back(pick(city.counties));
    }
    r.window_start = uniform(0, 364);
    r.window_end = r.window_start + uniform(60, 240) - 1;
    r.remaining = uniform(10, 500);
    r.cost_per_person_fen = uniform(0, 9) == 0 ? 0 : uniform(0, 50'000);
    in.resources.push_back(std::move(r));
  }
  return in;
}

struct Optimum {
  std::int64_t matched = 0, cost = 0;
  bool operator==(const Optimum&) const = default;
};

// Seconds per run of each candidate; the runs interleave the candidates, so a change in the
// machine's load hits them alike.
struct Samples {
  std::vector<double> seconds;
  template <typename F>
  void Time(F&& f) {
    const auto start = Clock::now();
    f();
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  double Median() const {
    std::vector<double> v = seconds;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  }
};

using Graph = lemon::StaticDigraph;
using Simplex = lemon::NetworkSimplex<Graph, std::int64_t, std::int64_t>;

// A network prebuilt outside the timings: graph, capacities, costs, supplies.
struct Network {
  Graph graph;
  Graph::ArcMap<std::int64_t> upper{graph}, cost{graph};
  Graph::NodeMap<std::int64_t> supply{graph, 0};
  std::vector<int> real_arcs;       // the demand→resource arcs' ids
  std::vector<std::int64_t> price;  // and their cost per person

  void Build(int nodes, const std::vector<std::pair<int, int>>& list,
             const std::vector<std::int64_t>& caps, const std::vector<std::int64_t>& costs) {
    graph.build(nodes, list.begin(), list.end());
    for (std::size_t i = 0; i < list.size(); ++i) {
      upper[graph.arc(static_cast<int>(i))] = caps[i];
      cost[graph.arc(static_cast<int>(i))] = costs[i];
    }
  }
  Optimum Read(const Simplex& simplex) const {
    Optimum o;
    for (std::size_t i = 0; i < real_arcs.size(); ++i) {
      const std::int64_t x = simplex.flow(graph.arc(real_arcs[i]));
      o.matched += x;
      o.cost += x * price[i];
    }
    return o;
  }
};

// Ours: demands 0..D-1 with supply need, resources D.., sink with -Σ need; d→r, d→t bypass
// (cost max + 1), r→t.
void BuildBypass(const Instance& in, const std::vector<match::Arc>& arcs, Network& net) {
  const int nd = static_cast<int>(in.demands.size()), nr = static_cast<int>(in.resources.size());
  const int t = nd + nr;
  std::int64_t max_cost = 0;
  for (const auto& r : in.resources) max_cost = std::max(max_cost, r.cost_per_person_fen);
  std::vector<std::pair<int, int>> list;
  std::vector<std::int64_t> caps, costs;
  std::size_t a = 0;
  for (int d = 0; d < nd; ++d) {
    const std::int64_t need = in.demands[static_cast<std::size_t>(d)].need;
    for (; a < arcs.size() && arcs[a].demand == d; ++a) {
      const auto& r = in.resources[static_cast<std::size_t>(arcs[a].resource)];
      net.real_arcs.push_back(static_cast<int>(list.size()));
      net.price.push_back(r.cost_per_person_fen);
      list.emplace_back(d, nd + arcs[a].resource);
      caps.push_back(std::min(need, r.remaining));
      costs.push_back(r.cost_per_person_fen);
    }
    list.emplace_back(d, t);
    caps.push_back(need);
    costs.push_back(max_cost + 1);
  }
  for (int r = 0; r < nr; ++r) {
    list.emplace_back(nd + r, t);
    caps.push_back(in.resources[static_cast<std::size_t>(r)].remaining);
    costs.push_back(0);
  }
  net.Build(t + 1, list, caps, costs);
  std::int64_t total = 0;
  for (int d = 0; d < nd; ++d) {
    net.supply[net.graph.node(d)] = in.demands[static_cast<std::size_t>(d)].need;
    total += in.demands[static_cast<std::size_t>(d)].need;
  }
  net.supply[net.graph.node(t)] = -total;
}

// The textbook network: source s, demands, resources, sink t; s→d (need), d→r, r→t (remaining).
void BuildTextbook(const Instance& in, const std::vector<match::Arc>& arcs, Network& net) {
  const int nd = static_cast<int>(in.demands.size()), nr = static_cast<int>(in.resources.size());
  const int s = 0, t = nd + nr + 1;  // demands 1..D, resources D+1..D+R
  std::vector<std::pair<int, int>> list;
  std::vector<std::int64_t> caps, costs;
  for (int d = 0; d < nd; ++d) {
    list.emplace_back(s, 1 + d);
    caps.push_back(in.demands[static_cast<std::size_t>(d)].need);
    costs.push_back(0);
  }
  for (const auto& a : arcs) {
    const auto& r = in.resources[static_cast<std::size_t>(a.resource)];
    net.real_arcs.push_back(static_cast<int>(list.size()));
    net.price.push_back(r.cost_per_person_fen);
    list.emplace_back(1 + a.demand, 1 + nd + a.resource);
    caps.push_back(in.demands[static_cast<std::size_t>(a.demand)].need);
    costs.push_back(r.cost_per_person_fen);
  }
  for (int r = 0; r < nr; ++r) {
    list.emplace_back(1 + nd + r, t);
    caps.push_back(in.resources[static_cast<std::size_t>(r)].remaining);
    costs.push_back(0);
  }
  net.Build(t + 1, list, caps, costs);
}

void WriteInstance(const Instance& in, const std::vector<match::Arc>& arcs, const char* path) {
  std::ofstream out(path);
  out << in.demands.size() << ' ' << in.resources.size() << ' ' << arcs.size() << '\n';
  for (const auto& d : in.demands) out << d.need << '\n';
  for (const auto& r : in.resources) out << r.remaining << ' ' << r.cost_per_person_fen << '\n';
  for (const auto& a : arcs) out << a.demand << ' ' << a.resource << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  const int num_demands = argc > 1 ? std::stoi(argv[1]) : 100'000;
  const int num_resources = argc > 2 ? std::stoi(argv[2]) : 10'000;
  const int runs = argc > 3 ? std::stoi(argv[3]) : 5;
  const char* networkx_file = argc > 4 ? argv[4] : nullptr;

  const Instance in = Generate(num_demands, num_resources, 20261202);
  const auto compat = match::Compatible(in.demands, in.resources);
  std::int64_t total_need = 0, total_capacity = 0;
  for (const auto& d : in.demands) total_need += d.need;
  for (const auto& r : in.resources) total_capacity += r.remaining;
  std::printf("instance: %d demands (need %lld), %d resources (capacity %lld), %zu arcs\n",
              num_demands, static_cast<long long>(total_need), num_resources,
              static_cast<long long>(total_capacity), compat.arcs.size());

  Network bypass;
  BuildBypass(in, compat.arcs, bypass);
  Network textbook;
  BuildTextbook(in, compat.arcs, textbook);
  const Graph::Node s = textbook.graph.node(0);
  const Graph::Node t = textbook.graph.node(textbook.graph.nodeNum() - 1);

  match::Solution solution;
  Optimum lemon_bypass, lemon_textbook;
  Samples ours, compatible, alone, two_phase, preflow;
  for (int run = 0; run < runs; ++run) {
    ours.Time([&] { solution = match::Match(in.demands, in.resources); });
    compatible.Time([&] { (void)match::Compatible(in.demands, in.resources); });
    alone.Time([&] {
      Simplex simplex(bypass.graph);
      simplex.upperMap(bypass.upper).costMap(bypass.cost).supplyMap(bypass.supply);
      if (simplex.run() != Simplex::OPTIMAL) std::abort();
      lemon_bypass = bypass.Read(simplex);
    });
    two_phase.Time([&] {
      std::int64_t flow = 0;
      preflow.Time([&] {
        lemon::Preflow<Graph, Graph::ArcMap<std::int64_t>> max_flow(textbook.graph, textbook.upper,
                                                                    s, t);
        max_flow.runMinCut();
        flow = max_flow.flowValue();
      });
      Simplex simplex(textbook.graph);
      simplex.upperMap(textbook.upper).costMap(textbook.cost).stSupply(s, t, flow);
      if (simplex.run() != Simplex::OPTIMAL) std::abort();
      lemon_textbook = textbook.Read(simplex);
    });
  }
  const Optimum end_to_end{solution.matched_headcount, solution.total_cost_fen};

  std::printf("optimum: matched %lld (unmatched %lld), cost %lld fen, %zu assignments\n",
              static_cast<long long>(end_to_end.matched),
              static_cast<long long>(solution.unmatched_headcount),
              static_cast<long long>(end_to_end.cost), solution.assignments.size());
  std::printf("medians of %d interleaved runs:\n", runs);
  std::printf("end to end, match::Match()             %8.3f s\n", ours.Median());
  std::printf("  of which match::Compatible()         %8.3f s\n", compatible.Median());
  std::printf("LEMON alone, same bypass network       %8.3f s   end to end / this = %.2f\n",
              alone.Median(), ours.Median() / alone.Median());
  std::printf(
      "LEMON alone, Preflow + NetworkSimplex  %8.3f s   end to end / this = %.2f"
      " (Preflow %.3f s of it)\n",
      two_phase.Median(), ours.Median() / two_phase.Median(), preflow.Median());
  if (!(end_to_end == lemon_bypass && end_to_end == lemon_textbook)) {
    std::printf("MISMATCH: bypass %lld/%lld, Preflow + NS %lld/%lld\n",
                static_cast<long long>(lemon_bypass.matched),
                static_cast<long long>(lemon_bypass.cost),
                static_cast<long long>(lemon_textbook.matched),
                static_cast<long long>(lemon_textbook.cost));
    return 1;
  }
  std::printf("all three optima equal\n");

  if (networkx_file != nullptr) {
    const Instance small = Generate(num_demands / 5, num_resources, 20261203);
    const auto small_compat = match::Compatible(small.demands, small.resources);
    WriteInstance(small, small_compat.arcs, networkx_file);
    match::Solution s2;
    Samples small_runs;
    for (int run = 0; run < runs; ++run) {
      small_runs.Time([&] { s2 = match::Match(small.demands, small.resources); });
    }
    const double t2 = small_runs.Median();
    std::printf("networkx instance: %zu demands, %zu resources, %zu arcs -> %s\n",
                small.demands.size(), small.resources.size(), small_compat.arcs.size(),
                networkx_file);
    std::printf("networkx instance, match::Match() %.4f s: matched %lld cost %lld\n", t2,
                static_cast<long long>(s2.matched_headcount),
                static_cast<long long>(s2.total_cost_fen));
  }
  return 0;
}
