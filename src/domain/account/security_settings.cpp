#include "domain/account/security_settings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace lianyin::domain::account {

const std::vector<SettingSpec>& SettingSpecs() {
  using S = SecuritySettings;
  static const std::vector<SettingSpec> specs = {
      {"password_min_length", &S::password_min_length, nullptr, 8, 128},
      {"password_min_classes", &S::password_min_classes, nullptr, 1, 4},
      {"require_mfa_for_admins", nullptr, &S::require_mfa_for_admins, 0, 1},
      {"session_idle_minutes", &S::session_idle_minutes, nullptr, 1, 30},
      {"session_absolute_hours", &S::session_absolute_hours, nullptr, 1, 72},
      {"lockout_threshold", &S::lockout_threshold, nullptr, 3, 10},
      {"lockout_minutes", &S::lockout_minutes, nullptr, 1, 1440},
      {"login_rate_per_minute", &S::login_rate_per_minute, nullptr, 5, 1000},
      {"audit_retention_days", &S::audit_retention_days, nullptr, 184, 3650},
  };
  return specs;
}

core::Result<SecuritySettings> ApplySettingChanges(SecuritySettings base,
                                                   const std::vector<SettingChange>& changes) {
  std::vector<core::FieldError> errors;
  for (const SettingChange& change : changes) {
    auto spec = std::find_if(SettingSpecs().begin(), SettingSpecs().end(),
                             [&](const SettingSpec& s) { return change.name == s.name; });
    if (spec == SettingSpecs().end()) {
      errors.push_back({change.name, "unknown setting", std::nullopt});
      continue;
    }
    if (spec->field_bool) {
      const bool* flag = std::get_if<bool>(&change.value);
      if (flag == nullptr) {
        errors.push_back({change.name, "must be true or false", std::nullopt});
      } else {
        base.*spec->field_bool = *flag;
      }
      continue;
    }
    const std::int64_t* number = std::get_if<std::int64_t>(&change.value);
    if (number == nullptr) {
      errors.push_back({change.name, "must be an integer", std::nullopt});
    } else if (*number < spec->min || *number > spec->max) {
      errors.push_back({change.name, fmt::format("must be between {} and {}", spec->min, spec->max),
                        std::nullopt});
    } else {
      base.*spec->field_int = static_cast<int>(*number);
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return base;
}

boost::json::object SettingsJson(const SecuritySettings& s) {
  boost::json::object o;
  for (const SettingSpec& spec : SettingSpecs()) {
    if (spec.field_int) o[spec.name] = s.*spec.field_int;
    if (spec.field_bool) o[spec.name] = s.*spec.field_bool;
  }
  return o;
}

SecuritySettings LoadSecuritySettings(store::Session& session) {
  SecuritySettings settings;
  auto stmt = session.Prepare("SELECT key, value FROM settings");
  while (stmt.Next()) {
    const std::string key = stmt.row().Text(0);
    const std::string text = stmt.row().Text(1);
    for (const SettingSpec& spec : SettingSpecs()) {
      if (key != spec.name) continue;
      int value = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc() || value < spec.min || value > spec.max) break;  // keep the default
      if (spec.field_int) settings.*spec.field_int = value;
      if (spec.field_bool) settings.*spec.field_bool = value != 0;
    }
  }
  return settings;
}

void SaveSecuritySettings(store::Session& session, const SecuritySettings& settings) {
  auto upsert = session.Prepare(
      "INSERT INTO settings (key, value) VALUES (?, ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  for (const SettingSpec& spec : SettingSpecs()) {
    const int value =
        spec.field_int ? settings.*spec.field_int : (settings.*spec.field_bool ? 1 : 0);
    upsert.BindAll({std::string(spec.name), std::to_string(value)}).Execute();
  }
}

}  // namespace lianyin::domain::account
