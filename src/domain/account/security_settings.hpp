#pragma once
// The security settings (等保 2.0 level 3 defaults), kept in the `settings` table by name.

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.hpp"
#include "domain/account/password_rules.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

struct SecuritySettings {
  int password_min_length = 8;
  int password_min_classes = 3;  // of upper-case, lower-case, digits, symbols
  bool require_mfa_for_admins = false;
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  int lockout_threshold = 5;
  int lockout_minutes = 15;
  int login_rate_per_minute = 30;
  int audit_retention_days = 184;  // read by domain/audit when pruning
};

// One setting by its JSON name with its allowed range; booleans use 0..1.
struct SettingSpec {
  const char* name;
  int SecuritySettings::*field_int;
  bool SecuritySettings::*field_bool;
  int min;
  int max;
};
const std::vector<SettingSpec>& SettingSpecs();

// One requested change: a boolean setting takes a bool, an integer setting an integer.
struct SettingChange {
  std::string name;
  std::variant<std::int64_t, bool> value;
};

// `base` with `changes` applied, or a 422 naming every unknown setting, every value of the wrong
// type (true for an integer setting, 1 for a boolean one) and every value out of its range.
core::Result<SecuritySettings> ApplySettingChanges(SecuritySettings base,
                                                   const std::vector<SettingChange>& changes);

// The password policy part of the settings.
inline PasswordPolicy PasswordPolicyOf(const SecuritySettings& s) {
  return {s.password_min_length, s.password_min_classes};
}

// {"password_min_length": 8, "require_mfa_for_admins": false, ...}: every setting by name, the
// shape of GET /settings and of the audit entry of a change.
boost::json::object SettingsJson(const SecuritySettings& settings);

// Reads every setting, defaulting those never stored.
SecuritySettings LoadSecuritySettings(store::Session& session);
// Stores every setting (inside the caller's write transaction).
void SaveSecuritySettings(store::Session& session, const SecuritySettings& settings);

}  // namespace lianyin::domain::account
