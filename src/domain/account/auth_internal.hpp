#pragma once
// Helpers shared by the files of AuthService (internal to the account area).

#include <string>

#include "core/date.hpp"
#include "core/error.hpp"

namespace lianyin::domain::account::internal {

inline core::Error BadCredentials() {
  return {core::ErrorCode::kUnauthenticated, "wrong username or password", {}};
}
inline core::Error NoSession() {
  return {core::ErrorCode::kUnauthenticated, "not logged in or session expired", {}};
}
inline std::string At(std::int64_t unix_seconds) { return core::FormatDateTime({unix_seconds}); }

// Roles whose holders must use a second factor when require_mfa_for_admins is on.
inline bool IsAdminRole(const std::string& role) {
  return role == "admin" || role == "sys_admin" || role == "security_admin" ||
         role == "audit_admin";
}

// A password hash to verify against when the user does not exist, so both answers cost the same.
const std::string& DummyHash();

}  // namespace lianyin::domain::account::internal
