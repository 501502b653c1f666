#pragma once
// Units, users, roles and the authenticated actor (SPEC §1, §4 "Units and users").

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/change.hpp"

namespace lianyin::domain::account {

enum class UnitKind { kUnion, kCivilAffairs, kOther };
std::string_view UnitKindName(UnitKind kind);  // "union", "civil_affairs", "other"
std::optional<UnitKind> ParseUnitKind(std::string_view name);

struct Unit {
  std::int64_t id = 0;
  std::string name;
  UnitKind kind = UnitKind::kOther;
  std::string region_code;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> leading_group_established_on;
  std::string created_at;
  std::string updated_at;
};

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> org_id;
  std::optional<std::int64_t> worker_id;
  bool must_change_password = false;
  bool disabled = false;
  std::vector<std::string> roles;
  std::string created_at;
  std::string updated_at;
};

// A unit as lists and detail views show it.
struct UnitView {
  Unit unit;
  std::string region_name;
  bool has_children = false;
  // The parent's name, which tells same-named units apart (雁塔区总工会 of 西安市总工会); none
  // for the root.
  std::optional<std::string> parent_name;
};

// A user as lists and detail views show it; never carries the password hash.
struct UserView {
  User user;
  std::string unit_name;
  bool mfa_enabled = false;  // TOTP is on
};

// GET /units filters; absent fields do not filter.
struct UnitFilter {
  std::optional<std::int64_t> parent_id;  // direct children of this unit
  std::optional<std::string> q;           // substring of the name
  std::optional<UnitKind> kind;
  std::vector<std::int64_t> ids;  // only these (names for ids shown to people)
};

// GET /users filters; absent fields do not filter.
struct UserFilter {
  std::optional<std::int64_t> unit_id;  // users of exactly this unit
  std::optional<std::string> q;         // substring of username or display_name
  std::optional<std::string> role;
  std::optional<bool> disabled;
};

// Paging of a list use case: page ≥ 1, page_size ≥ 1 (the HTTP layer enforces the 200 cap).
// Lists that go deep also take a keyset cursor (the last id of the page before), which makes any
// page cost what the first does.
struct PageRequest {
  std::int64_t page = 1;
  std::int64_t page_size = 20;

  std::int64_t Offset() const { return (page - 1) * page_size; }
};

template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;  // rows matching the filter in scope, over all pages
};

// Who is making a request: built once per request from the session, read by every service.
struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::vector<std::string> roles;
  std::set<std::string> permissions;  // "*" grants everything
  std::optional<std::int64_t> org_id;
  std::optional<std::int64_t> worker_id;
  // The actor's unit is the platform root: deployment-wide objects (the role → permission map,
  // security settings) are changed only at this level.
  bool platform_level = false;
  bool must_change_password = false;
  bool mfa_enabled = false;
  // An admin-type role without TOTP while require_mfa_for_admins is on: only enrolment allowed.
  bool mfa_enrolment_required = false;
  std::int64_t session_id = 0;
  std::string csrf_token;
  std::string ip;          // of the request, for the audit trail
  std::string request_id;  // of the request, for the audit trail

  // True when the actor holds `permission` ("area:resource:action") or "*".
  bool Can(std::string_view permission) const;
};

// The origin of the actor's changes, for the change sinks.
common::Origin OriginOf(const Actor& actor);

// Snapshots for the audit trail (Change::before/after): every stored field, no secrets.
boost::json::value AuditJson(const Unit& unit);
boost::json::value AuditJson(const User& user);

}  // namespace lianyin::domain::account
