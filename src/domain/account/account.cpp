#include "domain/account/account.hpp"

namespace lianyin::domain::account {

std::string_view UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kUnion: return "union";
    case UnitKind::kCivilAffairs: return "civil_affairs";
    case UnitKind::kOther: return "other";
  }
  return "other";
}

std::optional<UnitKind> ParseUnitKind(std::string_view name) {
  if (name == "union") return UnitKind::kUnion;
  if (name == "civil_affairs") return UnitKind::kCivilAffairs;
  if (name == "other") return UnitKind::kOther;
  return std::nullopt;
}

bool Actor::Can(std::string_view permission) const {
  return permissions.contains("*") || permissions.contains(std::string(permission));
}

}  // namespace lianyin::domain::account
