#pragma once
// The registration units and regions that import files name by text and exports write as text
// (SPEC §4 import/export; issue #8). Pure: built from rows the caller loaded once per import or
// export (OrgImportRepo::UnitsInScope, AllRegions), so resolving a cell never queries.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/region/region.hpp"

namespace lianyin::domain::org {

// A unit in the importer's scope, with its parent's name to tell same-named units apart.
struct PlaceUnit {
  std::int64_t id = 0;
  std::string name;
  account::UnitKind kind = account::UnitKind::kOther;
  std::string region_code;
  std::string parent_name;  // "" for the root
};

class ImportPlaces {
 public:
  // `units`: every unit in the scope; `regions`: the whole region table (the nation included).
  ImportPlaces(std::vector<PlaceUnit> units, std::vector<region::RegionRecord> regions);

  // The civil-affairs unit `text` names: its id ("12"), its name, or its name followed by its
  // parent's in brackets ("民政局（西安市）", full-width or ASCII brackets). Errors
  // (Error::Invalid on registration_unit_id): unknown in scope, not a civil-affairs unit, or a
  // name several civil-affairs units share (the message names them as name（parent）).
  core::Result<std::int64_t> FindUnit(std::string_view text) const;

  // The region `text` names: its six-digit code, its full name ("陕西省西安市"), or the tail of
  // it ("西安市", "西安市碑林区") when one region alone ends so; blanks and '/' between the
  // names are ignored. Errors (Error::Invalid on region_code): unknown, or a name several
  // regions end with (the message names them by full name).
  core::Result<std::string> FindRegion(std::string_view text) const;

  // nullopt when an organisation registered by `unit_id` may be in `region_code`: the unit is a
  // civil-affairs unit in scope whose region covers it; else the problem (without a row).
  std::optional<core::FieldError> CheckPlace(std::int64_t unit_id,
                                             std::string_view region_code) const;

  // The unit as files write it: its name, or name（parent） when another unit in scope has the
  // same name, so that it re-imports; nullopt outside the scope.
  std::optional<std::string> UnitText(std::int64_t id) const;
  // The region's full name, from the province down ("陕西省西安市"); nullopt when unknown.
  std::optional<std::string> RegionText(std::string_view code) const;
  // The texts of the civil-affairs units in scope, in id order (the template's drop-down).
  std::vector<std::string> CivilAffairsUnitTexts() const;
  // A civil-affairs unit for the template's example row: `preferred` when it is one, else the
  // first below the nation level, else the first; nullptr when the scope has none.
  const PlaceUnit* ExampleUnit(std::int64_t preferred) const;

 private:
  const PlaceUnit* Unit(std::int64_t id) const;
  bool Covers(std::string_view ancestor, std::string_view code) const;

  std::vector<PlaceUnit> units_;                                             // by id
  std::map<std::string, std::vector<std::size_t>, std::less<>> unit_names_;  // text → units_
  std::map<std::string, std::string, std::less<>> parents_;     // region code → parent code
  std::map<std::string, std::string, std::less<>> full_names_;  // region code → full name
  std::map<std::string, std::string, std::less<>> full_index_;  // full name → region code
  std::map<std::string, std::vector<std::string>, std::less<>> region_tails_;  // tail → codes
};

}  // namespace lianyin::domain::org
