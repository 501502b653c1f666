#include "domain/account/security_admin_service.hpp"

#include <boost/json.hpp>

#include "domain/account/unit_repo.hpp"

namespace lianyin::domain::account {
Page<SessionInfo> SecurityAdminService::ListSessions(const Actor& actor,
                                                     std::optional<std::int64_t> user_id,
                                                     std::int64_t limit, std::int64_t offset) {
  store::Session session = db_.Acquire();
  SessionRepo repo(session);
  return {repo.List(actor.unit_id, user_id, limit, offset), repo.Count(actor.unit_id, user_id)};
}

core::Result<void> SecurityAdminService::EndSession(const Actor& actor, std::int64_t session_id) {
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  SessionRepo repo(session);
  auto info = repo.Find(session_id);
  // Outside the subtree looks exactly like a missing id.
  if (!info || repo.Count(actor.unit_id, info->user_id) == 0) return core::Error::NotFound();
  repo.DeleteSession(session_id);
  audit_(session, actor,
         {"end_session", "session", std::to_string(session_id),
          boost::json::object{{"user_id", info->user_id}, {"ip", info->ip}}, nullptr});
  tx.Commit();
  return {};
}

Page<LoginLogEntry> SecurityAdminService::ListLoginLog(const Actor& actor, LoginLogFilter filter,
                                                       std::int64_t limit, std::int64_t offset) {
  store::Session session = db_.Acquire();
  auto root = UnitRepo(session).FindRootUnit();
  filter.scope_unit_id = actor.unit_id;
  filter.include_unknown_users = root && root->id == actor.unit_id;
  LoginRepo repo(session);
  return {repo.List(filter, limit, offset), repo.Count(filter)};
}

SecuritySettings SecurityAdminService::Settings() {
  store::Session session = db_.Acquire();
  return LoadSecuritySettings(session);
}

core::Result<SecuritySettings> SecurityAdminService::UpdateSettings(
    const Actor& actor, const std::vector<std::pair<std::string, std::int64_t>>& changes) {
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  const SecuritySettings before = LoadSecuritySettings(session);
  auto after = ApplySettingChanges(before, changes);
  if (!after) return after.error();
  SaveSecuritySettings(session, *after);
  audit_(session, actor, {"update", "setting", "security", SettingsJson(before), SettingsJson(*after)});
  tx.Commit();
  return *after;
}

}  // namespace lianyin::domain::account
