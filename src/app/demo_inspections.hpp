#pragma once
// The demo's double-random inspections (issue #12 point 7): one published draw per level in
// Inner Mongolia — 内蒙古自治区民政厅 (province, 5 %), 包头市民政局 (city, 4 %) and 固阳县民政局
// (county, 3 %) — with the city and county bodies and their organisations added below the
// province's, inspectors at each body (one with a standing conflict declaration), and every
// drawn organisation's result recorded by its team. Through the same use cases people use,
// acted by each body's officer (demo.nmg, demo.bt, demo.gy; the admin's password).

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/account/account.hpp"

namespace lianyin::app {

class Services;

struct DemoInspectionsReport {
  int units = 0;
  int orgs = 0;
  int inspectors = 0;
  std::vector<std::int64_t> plan_ids;  // province, city, county: all published
};

inline constexpr const char* kDemoInnerMongoliaOfficer = "demo.nmg";

// `province_civil_id`: 内蒙古自治区民政厅 (BuildDemo's). Without it, or without 包头's regions,
// it builds nothing and reports zeros.
core::Result<DemoInspectionsReport> BuildDemoInspections(Services& services,
                                                         const domain::account::Actor& admin,
                                                         std::int64_t province_civil_id,
                                                         const std::string& password);

}  // namespace lianyin::app
