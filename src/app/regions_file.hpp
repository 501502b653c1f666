#pragma once

#include <filesystem>

#include "core/error.hpp"
#include "domain/region/region.hpp"

namespace lianyin::app {

// Reads the regions file written by scripts/regions.mjs at build time:
// {"source","version","regions":[{"code","name","parent"}...]}. A missing or malformed file →
// Error::Invalid("regions_file", ...).
core::Result<domain::region::RegionSource> ReadRegionsFile(const std::filesystem::path& file);

}  // namespace lianyin::app
