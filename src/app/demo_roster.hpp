#pragma once
// The demo's roster of 福州市总工会 (职工名册; issue #11 point 6): workers with plausible names,
// mobile numbers of one reserved-looking block, GB 11643 ID numbers with their check digits,
// employers, Fuzhou districts and target groups that follow from them. Planned by a fixed-seed
// sequence (no real randomness), so the same districts give the same roster, byte for byte;
// imported as one table through WorkerService::Import (demo_events.cpp). Pure.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/region/region.hpp"

namespace lianyin::app {

// Mobile numbers 19905910001…: 199 0591 (Fuzhou's area code) and the worker's number.
inline constexpr const char* kDemoPhonePrefix = "1990591";
inline constexpr int kDemoRosterMax = 9999;

struct DemoWorker {
  std::string name;
  std::string phone;      // 11 digits
  std::string id_number;  // 18 characters, a valid check character
  std::string employer;
  std::string region_code;          // a district of Fuzhou (or the city)
  std::vector<std::string> groups;  // worker_group codes, in code order
  bool female = false;
  int birth_year = 0;
};

// `count` workers (1–kDemoRosterMax) living in `districts` (the city "350100" when empty),
// aged as of `year`: couriers, riders and drivers (新就业形态劳动者), sanitation workers, factory,
// shipyard and building-site workers (many of them migrants, with ID numbers from elsewhere),
// hotel and domestic-service staff, bus drivers; women, the young, the retired, a few in
// hardship and a few model workers among them. Worker i has phone kDemoPhonePrefix + (i + 1) in
// four digits. Worker 0, the demo worker who logs in on the phone pages, lives in 鼓楼区
// (kDemoWorkerHome) when it is among `districts`, where the city union's main venues are, so its
// "events near me" lists the upcoming ones. O(count).
inline constexpr const char* kDemoWorkerHome = "350102";
std::vector<DemoWorker> PlanDemoRoster(int count,
                                       const std::vector<domain::region::Region>& districts,
                                       int year);

// The roster as WorkerService::Import reads it: the Chinese header row of the template, then one
// row per worker (groups by their dictionary labels, separated by 、).
std::vector<std::vector<std::string>> RosterTable(const std::vector<DemoWorker>& roster);

// A fixed-seed sequence (splitmix64): the same numbers on every platform and compiler.
class DemoSequence {
 public:
  explicit DemoSequence(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next();
  // Uniform enough in [lo, hi] (lo ≤ hi).
  int Between(int lo, int hi);
  // True `percent` times in a hundred.
  bool Chance(int percent) { return Between(0, 99) < percent; }
  // Shuffles `items` (Fisher–Yates).
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[Next() % i]);
    }
  }

 private:
  std::uint64_t state_;
};

}  // namespace lianyin::app
