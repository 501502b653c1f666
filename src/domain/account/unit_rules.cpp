#include "domain/account/unit_rules.hpp"

namespace lianyin::domain::account {

bool KindFitsParent(UnitKind kind, const Unit& parent) {
  if (kind == UnitKind::kOther || !parent.parent_id) return true;
  return parent.kind == kind;
}

core::Result<void> CheckUnitName(std::string_view name) {
  if (name.empty()) return core::Error::Invalid("name", "is required");
  return {};
}

core::Result<void> CheckEstablishedOn(const std::optional<std::string>& date, core::Date today) {
  if (!date) return {};
  constexpr std::string_view kField = "leading_group_established_on";
  auto parsed = core::ParseDate(*date, kField);
  if (!parsed) return parsed.error();
  if (*parsed > today)
    return core::Error::Invalid(std::string(kField), "must not be in the future");
  return {};
}

}  // namespace lianyin::domain::account
