#pragma once

#include "core/error.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/region/region_service.hpp"

namespace lianyin::app {

// The demo deployment of SPEC §6, built up as the areas land. Now: 中华全国总工会 and 民政部 below
// the platform root, each with one body per province (省总工会 / 民政厅), created (and audited)
// as `admin`, an actor at the platform root. Returns units created.
core::Result<int> BuildDemo(domain::account::UnitService& units,
                            domain::region::RegionService& regions,
                            const domain::account::Actor& admin);

}  // namespace lianyin::app
