#include "domain/account/security_admin_service.hpp"

#include <boost/json.hpp>

#include "domain/account/scope.hpp"

namespace lianyin::domain::account {

Page<SessionInfo> SecurityAdminService::ListSessions(const Actor& actor,
                                                     std::optional<std::int64_t> user_id,
                                                     std::int64_t limit, std::int64_t offset) {
  store::Session session = writer_.db().Acquire();
  SessionRepo repo(session);
  const Scope scope = ScopeOf(actor);
  return {repo.List(scope, user_id, limit, offset), repo.Count(scope, user_id)};
}

core::Result<void> SecurityAdminService::EndSession(const Actor& actor, std::int64_t session_id) {
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    SessionRepo repo(tx.session());
    // Outside the scope looks exactly like a missing id.
    auto info = repo.FindInScope(ScopeOf(actor), session_id);
    if (!info) return OutOfScope();
    repo.DeleteSession(session_id);
    tx.Record({"end_session", "session", std::to_string(session_id),
               boost::json::object{{"user_id", info->user_id}, {"ip", info->ip}}, nullptr, true,
               info->unit_id});
    return {};
  });
}

Page<LoginLogEntry> SecurityAdminService::ListLoginLog(const Actor& actor,
                                                       const LoginLogFilter& filter,
                                                       std::int64_t limit, std::int64_t offset) {
  store::Session session = writer_.db().Acquire();
  LoginRepo repo(session);
  const Scope scope = ScopeOf(actor);
  const std::int64_t skip = filter.before_id ? 0 : offset;
  return {repo.List(scope, filter, limit, skip), repo.Count(scope, filter)};
}

SecuritySettings SecurityAdminService::Settings() {
  store::Session session = writer_.db().Acquire();
  return LoadSecuritySettings(session);
}

core::Result<SecuritySettings> SecurityAdminService::UpdateSettings(
    const Actor& actor, const std::vector<SettingChange>& changes) {
  if (!actor.platform_level) return PlatformLevelOnly();
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<SecuritySettings> {
    const SecuritySettings before = LoadSecuritySettings(tx.session());
    auto after = ApplySettingChanges(before, changes);
    if (!after) return after.error();
    SaveSecuritySettings(tx.session(), *after);
    tx.Record({"update", "setting", "security", SettingsJson(before), SettingsJson(*after), true,
               std::nullopt});
    return *after;
  });
}

}  // namespace lianyin::domain::account
