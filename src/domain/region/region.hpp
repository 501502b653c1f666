#pragma once
// GB/T 2260 administrative divisions: nation 100000, provinces XX0000, cities XXYY00, counties.

#include <string>
#include <vector>

namespace lianyin::domain::region {

inline constexpr const char* kNationCode = "100000";

enum class Level { kNation = 0, kProvince = 1, kCity = 2, kCounty = 3 };

struct Region {
  std::string code;
  std::string name;
  Level level = Level::kNation;
  std::string parent_code;  // "" for the nation
  bool has_children = false;
};

// One entry of an import source: its own parent link (the source decides the tree; codes alone
// cannot, e.g. counties directly under a province).
struct RegionRecord {
  std::string code;
  std::string name;
  std::string parent_code;  // kNationCode for provinces
};

struct RegionSource {
  std::string name;     // e.g. "@vant/area-data"
  std::string version;  // e.g. "2.1.0"
  std::vector<RegionRecord> regions;
};

}  // namespace lianyin::domain::region
