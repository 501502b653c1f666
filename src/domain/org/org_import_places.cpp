#include "domain/org/org_import_places.hpp"

#include <algorithm>
#include <charconv>

namespace lianyin::domain::org {
namespace {

constexpr std::size_t kMaxDepth = 16;        // deeper than any region tree; stops a cycle
constexpr std::size_t kNamedCandidates = 5;  // an ambiguity names at most this many

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
}

// A unit text with ASCII brackets made full-width, as UnitText writes them.
std::string UnitKey(std::string_view text) {
  std::string key(Trim(text));
  ReplaceAll(key, "(", "（");
  ReplaceAll(key, ")", "）");
  return key;
}

// A region text without the blanks and slashes people put between the names.
std::string RegionKey(std::string_view text) {
  std::string key(Trim(text));
  for (const char* separator : {" ", "\t", "/", "／", "　"}) ReplaceAll(key, separator, "");
  return key;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kNamedCandidates; ++i) {
    out += (i == 0 ? "" : "、") + names[i];
  }
  if (names.size() > kNamedCandidates) out += "…";
  return out;
}

std::string WithParent(const PlaceUnit& unit) { return unit.name + "（" + unit.parent_name + "）"; }

}  // namespace

ImportPlaces::ImportPlaces(std::vector<PlaceUnit> units, std::vector<region::RegionRecord> regions)
    : units_(std::move(units)) {
  std::sort(units_.begin(), units_.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  for (std::size_t i = 0; i < units_.size(); ++i) {
    unit_names_[UnitKey(units_[i].name)].push_back(i);
    unit_names_[UnitKey(WithParent(units_[i]))].push_back(i);
  }
  std::map<std::string, std::string, std::less<>> names;
  for (const region::RegionRecord& r : regions) {
    parents_[r.code] = r.parent_code;
    names[r.code] = r.name;
  }
  for (const region::RegionRecord& r : regions) {
    std::vector<std::string> path;  // from the region up, the nation left out
    std::string code = r.code;
    for (std::size_t depth = 0; depth < kMaxDepth && code != region::kNationCode; ++depth) {
      auto name = names.find(code);
      if (name == names.end()) break;
      path.push_back(name->second);
      code = parents_[code];
    }
    std::string tail;
    for (const std::string& name : path) {
      tail = name + tail;
      region_tails_[RegionKey(tail)].push_back(r.code);
    }
    full_names_[r.code] = tail;
    if (!tail.empty()) full_index_[RegionKey(tail)] = r.code;
    if (r.code == region::kNationCode) region_tails_[RegionKey(r.name)].push_back(r.code);
  }
}

core::Result<std::int64_t> ImportPlaces::FindUnit(std::string_view text) const {
  const auto invalid = [](std::string message) {
    return core::Error::Invalid("registration_unit_id", std::move(message));
  };
  const std::string_view trimmed = Trim(text);
  if (AllDigits(trimmed)) {
    std::int64_t id = 0;
    std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), id);
    const PlaceUnit* unit = Unit(id);
    if (unit == nullptr) return invalid("no such unit");
    if (unit->kind != account::UnitKind::kCivilAffairs) {
      return invalid("must be a civil-affairs unit");
    }
    return id;
  }
  auto named = unit_names_.find(UnitKey(trimmed));
  if (named == unit_names_.end())
    return invalid("no civil-affairs unit of this name in your scope");
  std::vector<const PlaceUnit*> civil;
  for (std::size_t i : named->second) {
    if (units_[i].kind == account::UnitKind::kCivilAffairs) civil.push_back(&units_[i]);
  }
  if (civil.empty()) return invalid("must be a civil-affairs unit");
  if (civil.size() > 1) {
    std::vector<std::string> candidates;
    for (const PlaceUnit* unit : civil) candidates.push_back(WithParent(*unit));
    return invalid("names several units: " + Joined(candidates) +
                   "; write the name with its parent in brackets");
  }
  return civil.front()->id;
}

core::Result<std::string> ImportPlaces::FindRegion(std::string_view text) const {
  const std::string_view trimmed = Trim(text);
  if (AllDigits(trimmed) && trimmed.size() == 6) {
    if (!parents_.contains(trimmed)) return core::Error::Invalid("region_code", "unknown region");
    return std::string(trimmed);
  }
  const std::string key = RegionKey(trimmed);
  if (auto full = full_index_.find(key); full != full_index_.end()) return full->second;
  auto tail = region_tails_.find(key);
  if (tail == region_tails_.end()) {
    return core::Error::Invalid("region_code", "no region of this name or code");
  }
  if (tail->second.size() > 1) {
    std::vector<std::string> candidates;
    for (const std::string& code : tail->second) candidates.push_back(full_names_.at(code));
    return core::Error::Invalid(
        "region_code", "names several regions: " + Joined(candidates) + "; write the full name");
  }
  return tail->second.front();
}

std::optional<core::FieldError> ImportPlaces::CheckPlace(std::int64_t unit_id,
                                                         std::string_view region_code) const {
  const PlaceUnit* unit = Unit(unit_id);
  if (unit == nullptr) return core::FieldError{"registration_unit_id", "no such unit", {}};
  if (unit->kind != account::UnitKind::kCivilAffairs) {
    return core::FieldError{"registration_unit_id", "must be a civil-affairs unit", {}};
  }
  if (!parents_.contains(region_code)) return core::FieldError{"region_code", "unknown region", {}};
  if (!Covers(unit->region_code, region_code)) {
    return core::FieldError{"region_code", "must be covered by the registration unit's region", {}};
  }
  return std::nullopt;
}

std::optional<std::string> ImportPlaces::UnitText(std::int64_t id) const {
  const PlaceUnit* unit = Unit(id);
  if (unit == nullptr) return std::nullopt;
  if (unit->kind != account::UnitKind::kCivilAffairs) return unit->name;
  const std::vector<std::size_t>& same = unit_names_.find(UnitKey(unit->name))->second;
  const auto civil = std::count_if(same.begin(), same.end(), [&](std::size_t i) {
    return units_[i].kind == account::UnitKind::kCivilAffairs;
  });
  return civil > 1 ? WithParent(*unit) : unit->name;
}

std::optional<std::string> ImportPlaces::RegionText(std::string_view code) const {
  auto full = full_names_.find(code);
  if (full == full_names_.end()) return std::nullopt;
  return full->second;
}

std::vector<std::string> ImportPlaces::CivilAffairsUnitTexts() const {
  std::vector<std::string> out;
  for (const PlaceUnit& unit : units_) {
    if (unit.kind == account::UnitKind::kCivilAffairs) out.push_back(*UnitText(unit.id));
  }
  return out;
}

const PlaceUnit* ImportPlaces::ExampleUnit(std::int64_t preferred) const {
  const PlaceUnit* own = Unit(preferred);
  if (own != nullptr && own->kind == account::UnitKind::kCivilAffairs) return own;
  const PlaceUnit* first = nullptr;
  for (const PlaceUnit& unit : units_) {
    if (unit.kind != account::UnitKind::kCivilAffairs) continue;
    if (unit.region_code != region::kNationCode) return &unit;
    if (first == nullptr) first = &unit;
  }
  return first;
}

const PlaceUnit* ImportPlaces::Unit(std::int64_t id) const {
  auto it = std::lower_bound(units_.begin(), units_.end(), id,
                             [](const PlaceUnit& u, std::int64_t value) { return u.id < value; });
  return it != units_.end() && it->id == id ? &*it : nullptr;
}

bool ImportPlaces::Covers(std::string_view ancestor, std::string_view code) const {
  std::string at(code);
  for (std::size_t depth = 0; depth < kMaxDepth; ++depth) {
    if (at == ancestor) return true;
    auto parent = parents_.find(at);
    if (parent == parents_.end() || parent->second.empty()) return false;
    at = parent->second;
  }
  return false;
}

}  // namespace lianyin::domain::org
