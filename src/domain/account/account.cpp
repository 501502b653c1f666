#include "domain/account/account.hpp"

#include <boost/json.hpp>

namespace lianyin::domain::account {

std::string_view UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kUnion:
      return "union";
    case UnitKind::kCivilAffairs:
      return "civil_affairs";
    case UnitKind::kOther:
      return "other";
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

common::Origin OriginOf(const Actor& actor) {
  common::Origin origin;
  if (actor.user_id != 0) origin.user_id = actor.user_id;
  origin.username = actor.username;
  origin.ip = actor.ip;
  origin.request_id = actor.request_id;
  return origin;
}

namespace {

boost::json::value Opt(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}
boost::json::value Opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace

boost::json::value AuditJson(const Unit& unit) {
  return boost::json::object{
      {"id", unit.id},
      {"name", unit.name},
      {"kind", UnitKindName(unit.kind)},
      {"region_code", unit.region_code},
      {"parent_id", Opt(unit.parent_id)},
      {"leading_group_established_on", Opt(unit.leading_group_established_on)}};
}

boost::json::value AuditJson(const User& user) {
  return boost::json::object{{"id", user.id},
                             {"username", user.username},
                             {"display_name", user.display_name},
                             {"unit_id", user.unit_id},
                             {"roles", boost::json::array(user.roles.begin(), user.roles.end())},
                             {"org_id", Opt(user.org_id)},
                             {"worker_id", Opt(user.worker_id)},
                             {"must_change_password", user.must_change_password},
                             {"disabled", user.disabled}};
}

}  // namespace lianyin::domain::account
