#pragma once
// What security administrators do (在线用户/强退, 登录日志, 安全设置), each within the caller's
// unit subtree: live sessions, forced logout, the login log and the security settings.

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/account/audit_sink.hpp"
#include "domain/account/login_repo.hpp"
#include "domain/account/security_settings.hpp"
#include "domain/account/session_repo.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

class SecurityAdminService {
 public:
  SecurityAdminService(store::Database& db, AuditSink audit) : db_(db), audit_(std::move(audit)) {}

  // Sessions of users in the actor's subtree (optionally one user), most recently active first.
  Page<SessionInfo> ListSessions(const Actor& actor, std::optional<std::int64_t> user_id,
                                 std::int64_t limit, std::int64_t offset);
  // Forced logout; a session outside the actor's subtree → 404.
  core::Result<void> EndSession(const Actor& actor, std::int64_t session_id);
  // Login attempts of users in the actor's subtree, newest first; attempts for unknown usernames
  // only for actors of the platform root unit.
  Page<LoginLogEntry> ListLoginLog(const Actor& actor, LoginLogFilter filter, std::int64_t limit,
                                   std::int64_t offset);

  SecuritySettings Settings();
  // Applies `changes` (setting name → value) all or nothing: unknown names and values out of
  // range → 422 naming each. Audited with before and after.
  core::Result<SecuritySettings> UpdateSettings(
      const Actor& actor, const std::vector<std::pair<std::string, std::int64_t>>& changes);

 private:
  store::Database& db_;
  AuditSink audit_;
};

}  // namespace lianyin::domain::account
