#include "domain/region/region_rules.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace lianyin::domain::region {

bool IsRegionCode(std::string_view code) {
  return code.size() == 6 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

core::Result<std::map<std::string, int>> ValidateSource(const RegionSource& source) {
  std::map<std::string, const RegionRecord*> by_code;
  for (const RegionRecord& r : source.regions) {
    if (!IsRegionCode(r.code) || r.code == kNationCode) {
      return core::Error::Invalid("regions", fmt::format("bad region code '{}'", r.code));
    }
    if (r.name.empty()) return core::Error::Invalid("regions", fmt::format("{} has no name", r.code));
    if (!by_code.emplace(r.code, &r).second) {
      return core::Error::Invalid("regions", fmt::format("duplicate region code {}", r.code));
    }
  }
  std::map<std::string, int> depth{{kNationCode, 0}};
  for (const RegionRecord& r : source.regions) {
    // Walk up until a code of known depth; a chain longer than the table is a cycle.
    std::vector<const RegionRecord*> chain;
    const RegionRecord* at = &r;
    while (!depth.contains(at->code)) {
      chain.push_back(at);
      if (chain.size() > by_code.size()) {
        return core::Error::Invalid("regions", fmt::format("cycle through {}", r.code));
      }
      if (depth.contains(at->parent_code)) break;
      auto parent = by_code.find(at->parent_code);
      if (parent == by_code.end()) {
        return core::Error::Invalid("regions",
                                    fmt::format("{} has unknown parent {}", at->code, at->parent_code));
      }
      at = parent->second;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      depth[(*it)->code] = depth.at((*it)->parent_code) + 1;
    }
  }
  for (const auto& [code, d] : depth) {
    if (d > 3) return core::Error::Invalid("regions", fmt::format("{} is nested too deep", code));
  }
  return depth;
}

}  // namespace lianyin::domain::region
