// Compatible pairs of §5.1 through a (category, region code) index of the resources.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <utility>
#include <vector>

#include "match/match.hpp"

namespace lianyin::match {
namespace {

std::uint64_t Key(std::int32_t category, std::int32_t code) {
  return (std::uint64_t{static_cast<std::uint32_t>(category)} << 32) |
         std::uint64_t{static_cast<std::uint32_t>(code)};
}

// Resources by (category, code), as a sorted table: keys[i] owns resources[first[i], first[i+1]).
struct Index {
  std::vector<std::uint64_t> keys;
  std::vector<std::size_t> first;
  std::vector<std::int32_t> resources;

  explicit Index(const std::vector<ResourceSpec>& specs) {
    std::vector<std::pair<std::uint64_t, std::int32_t>> entries;
    std::size_t total = 0;
    for (const auto& r : specs) total += r.region_codes.size();
    entries.reserve(total);
    for (std::size_t i = 0; i < specs.size(); ++i) {
      for (std::int32_t code : specs[i].region_codes) {
        entries.emplace_back(Key(specs[i].category, code), static_cast<std::int32_t>(i));
      }
    }
    std::sort(entries.begin(), entries.end());
    // A resource listing a code twice is one entry (the demand loop skips repeats anyway).
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    resources.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (i == 0 || entries[i].first != entries[i - 1].first) {
        keys.push_back(entries[i].first);
        first.push_back(i);
      }
      resources.push_back(entries[i].second);
    }
    first.push_back(entries.size());
  }

  template <typename F>
  void ForEach(std::uint64_t key, F&& f) const {
    const auto it = std::lower_bound(keys.begin(), keys.end(), key);
    if (it == keys.end() || *it != key) return;
    const auto k = static_cast<std::size_t>(it - keys.begin());
    for (std::size_t i = first[k]; i < first[k + 1]; ++i) f(resources[i]);
  }
};

}  // namespace

Compatibility Compatible(const std::vector<DemandSpec>& demands,
                         const std::vector<ResourceSpec>& resources) {
  constexpr auto kMaxIndex = static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max());
  if (demands.size() > kMaxIndex || resources.size() > kMaxIndex) {
    throw std::invalid_argument("match: too many demands or resources for int32 indices");
  }
  const Index index(resources);
  Compatibility out;
  out.compatible.assign(demands.size(), 0);
  out.same_place.assign(demands.size(), 0);
  // seen[r] == d + 1 once resource r has been counted for demand d: each pair once, whichever
  // and however many of r's codes cover d.
  std::vector<std::int32_t> seen(resources.size(), 0);
  for (std::size_t di = 0; di < demands.size(); ++di) {
    const DemandSpec& d = demands[di];
    const auto stamp = static_cast<std::int32_t>(di + 1);
    const std::size_t begin = out.arcs.size();
    std::int32_t same_place = 0;
    for (std::int32_t code : d.covering_codes) {
      index.ForEach(Key(d.category, code), [&](std::int32_t ri) {
        if (seen[static_cast<std::size_t>(ri)] == stamp) return;
        seen[static_cast<std::size_t>(ri)] = stamp;
        ++same_place;
        const ResourceSpec& r = resources[static_cast<std::size_t>(ri)];
        // Inclusive windows overlap iff some day lies in both (touching at one day counts).
        if (std::max(d.window_start, r.window_start) <= std::min(d.window_end, r.window_end)) {
          out.arcs.push_back(Arc{static_cast<std::int32_t>(di), ri});
        }
      });
    }
    std::sort(out.arcs.begin() + static_cast<std::ptrdiff_t>(begin), out.arcs.end());
    out.same_place[di] = same_place;
    out.compatible[di] = static_cast<std::int32_t>(out.arcs.size() - begin);
  }
  return out;
}

}  // namespace lianyin::match
