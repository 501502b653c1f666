// AuthService: turning a session token into the request's Actor, and logging out.

#include <boost/json.hpp>

#include "domain/account/actor_builder.hpp"
#include "domain/account/auth_internal.hpp"
#include "domain/account/auth_service.hpp"
#include "domain/account/security_settings.hpp"
#include "domain/account/session_repo.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/account/user_repo.hpp"

namespace lianyin::domain::account {

using namespace internal;  // NOLINT(google-build-using-namespace): the area's own helpers

namespace {
constexpr std::int64_t kTouchIntervalSeconds = 60;  // last_seen_at is written at most this often
}  // namespace

core::Result<Actor> AuthService::Authenticate(std::string_view token) {
  if (token.empty() || token.size() > 256) return NoSession();
  store::Session session = db_.Acquire();
  SessionRepo sessions(session);
  auto stored = sessions.FindSession(core::Sha256Hex(core::AsBytes(token)));
  if (!stored) return NoSession();
  const std::int64_t now = clock_().unix_seconds;
  const SecuritySettings settings = LoadSecuritySettings(session);
  auto last_seen = core::ParseDateTime(stored->last_seen_at);
  auto expires = core::ParseDateTime(stored->expires_at);
  if (!last_seen || !expires || now >= expires->unix_seconds ||
      now >= last_seen->unix_seconds + settings.session_idle_minutes * 60LL) {
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    sessions.DeleteSession(stored->id);
    tx.Commit();
    return NoSession();
  }
  auto user = UserRepo(session).FindUser(stored->user_id);
  auto unit = user ? UnitRepo(session).FindUnit(user->unit_id) : std::nullopt;
  if (!user || user->disabled || !unit) return NoSession();
  if (now >= last_seen->unix_seconds + kTouchIntervalSeconds) {
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    sessions.TouchSession(stored->id, At(now));
    tx.Commit();
  }
  Actor actor = BuildActor(session, *user, *unit);
  actor.session_id = stored->id;
  actor.csrf_token = stored->csrf_token;
  return actor;
}

void AuthService::Logout(const Actor& actor) {
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  SessionRepo(session).DeleteSession(actor.session_id);
  audit_(session, actor,
         {"logout", "session", std::to_string(actor.session_id), nullptr, nullptr});
  tx.Commit();
}

}  // namespace lianyin::domain::account
