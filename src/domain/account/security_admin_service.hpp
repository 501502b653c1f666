#pragma once
// What security administrators do (在线用户/强退, 登录日志, 安全设置): live sessions, forced
// logout and the login log within the caller's data scope; the security settings, which apply
// to the whole deployment, changed at the platform level only.

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/account/login_repo.hpp"
#include "domain/account/security_settings.hpp"
#include "domain/account/session_repo.hpp"
#include "domain/common/writer.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

class SecurityAdminService {
 public:
  explicit SecurityAdminService(common::Writer& writer) : writer_(writer) {}

  // Sessions of users in the actor's scope (optionally one user), most recently active first.
  Page<SessionInfo> ListSessions(const Actor& actor, std::optional<std::int64_t> user_id,
                                 std::int64_t limit, std::int64_t offset);
  // Forced logout; a session outside the actor's scope → 404.
  core::Result<void> EndSession(const Actor& actor, std::int64_t session_id);
  // Login attempts of users in the actor's scope — successes, failures, locks and rate limits —
  // newest first; attempts for unknown usernames at the platform level only.
  Page<LoginLogEntry> ListLoginLog(const Actor& actor, const LoginLogFilter& filter,
                                   std::int64_t limit, std::int64_t offset);

  SecuritySettings Settings();
  // Applies `changes` all or nothing: below the platform level → 403; unknown names, values of
  // the wrong type and values out of range → 422 naming each. Audited with before and after.
  core::Result<SecuritySettings> UpdateSettings(const Actor& actor,
                                                const std::vector<SettingChange>& changes);

 private:
  common::Writer& writer_;
};

}  // namespace lianyin::domain::account
