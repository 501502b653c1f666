#pragma once
// Use cases of the region area: import a source, browse the tree, test coverage.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/region/region.hpp"
#include "store/store.hpp"

namespace lianyin::domain::region {

struct RegionDetail {
  Region region;
  std::vector<Region> path;  // nation .. region
};

class RegionService {
 public:
  explicit RegionService(store::Database& db) : db_(db) {}

  // Validates and imports `source` in one transaction; returns the number of regions then
  // stored. Invalid sources change nothing (422 with field "regions").
  core::Result<std::int64_t> Import(const RegionSource& source);
  // Children of `parent_code` (the provinces for the nation); unknown parent → 404.
  core::Result<std::vector<Region>> Children(std::string_view parent_code);
  core::Result<RegionDetail> Get(std::string_view code);
  // The regions of `codes` (at most kMaxCodes, each six digits, else 422 on `codes`) that
  // exist, ordered by code: names for codes shown to people (the audit detail), in one query.
  static constexpr std::size_t kMaxCodes = 100;
  core::Result<std::vector<Region>> Several(const std::vector<std::string>& codes);
  // True when `ancestor` covers `code` (SPEC §2); false for unknown codes.
  bool Covers(std::string_view ancestor, std::string_view code);
  std::string SourceVersion();

 private:
  store::Database& db_;
};

}  // namespace lianyin::domain::region
