#include "domain/account/user_rules.hpp"

#include <algorithm>

#include "domain/account/roles.hpp"

namespace lianyin::domain::account {

bool IsValidUsername(std::string_view username) {
  if (username.size() < 3 || username.size() > 64) return false;
  return std::all_of(username.begin(), username.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

void CheckRoles(const std::vector<std::string>& roles, const std::optional<std::int64_t>& org_id,
                const std::optional<std::int64_t>& worker_id,
                std::vector<core::FieldError>& errors) {
  if (roles.empty()) errors.push_back({"roles", "must name at least one role", {}});
  for (const std::string& role : roles) {
    if (!IsKnownRole(role)) errors.push_back({"roles", "unknown role " + role, {}});
  }
  auto has = [&](std::string_view r) {
    return std::find(roles.begin(), roles.end(), r) != roles.end();
  };
  if (has("org_member") && !org_id) {
    errors.push_back({"org_id", "is required for the org_member role", {}});
  }
  if (has("worker") && !worker_id) {
    errors.push_back({"worker_id", "is required for the worker role", {}});
  }
}

}  // namespace lianyin::domain::account
