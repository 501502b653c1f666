#pragma once
// The region area's only SQL (tables regions, region_closure, settings key regions_source).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/region/region.hpp"
#include "store/store.hpp"

namespace lianyin::domain::region {

class RegionRepo {
 public:
  explicit RegionRepo(store::Session& session) : session_(session) {}

  // Upserts every region (names and parents may change between source versions; codes are never
  // deleted because records keep retired codes), then rebuilds the closure table. `depth` comes
  // from ValidateSource. Runs inside the caller's write transaction.
  void Replace(const RegionSource& source, const std::map<std::string, int>& depth);

  // Children of `parent_code` ordered by code, with has_children set.
  std::vector<Region> Children(std::string_view parent_code);
  std::optional<Region> Find(std::string_view code);
  // The known ones of `codes`, ordered by code; one query.
  std::vector<Region> FindMany(const std::vector<std::string>& codes);
  // Ancestors from the nation down to `code` itself; empty when `code` is unknown.
  std::vector<Region> Path(std::string_view code);
  // True when `ancestor` equals `code` or is an ancestor of it in the table. O(log n).
  bool Covers(std::string_view ancestor, std::string_view code);
  // "name@version" of the imported source, or "" before any import.
  std::string SourceVersion();
  std::int64_t Count();

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::region
