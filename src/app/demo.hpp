#pragma once

#include "core/error.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/org/org_service.hpp"
#include "domain/region/region_service.hpp"

namespace lianyin::app {

struct DemoReport {
  int units = 0;
  int orgs = 0;
  int links = 0;
};

// The demo deployment of SPEC §6, built up as the areas land, through the same use cases users
// call (so it is audited and indexed like real data). Now: 中华全国总工会 and 民政部 below the
// platform root, each with one body per province (省总工会 / 民政厅); 福州市总工会 and 福州市民政局
// with the 180 organisations registered at Fuzhou's shared base, all linked to the union; and four
// organisations registered in every other province. Runs as `admin` (holding "*").
core::Result<DemoReport> BuildDemo(domain::account::UnitService& units,
                                   domain::region::RegionService& regions,
                                   domain::org::OrgService& orgs,
                                   const domain::account::Actor& admin);

}  // namespace lianyin::app
