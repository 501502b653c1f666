#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/region/region.hpp"

namespace lianyin::domain::region {

// True for six ASCII digits.
bool IsRegionCode(std::string_view code);

// Checks a source before import: six-digit unique codes, non-empty names, every parent known
// (the nation is implicit), no cycles. Returns the depth (nation = 0) of every code, nation included.
core::Result<std::map<std::string, int>> ValidateSource(const RegionSource& source);

}  // namespace lianyin::domain::region
