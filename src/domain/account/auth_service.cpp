#include "domain/account/auth_service.hpp"

#include "core/crypto.hpp"
#include "domain/account/role_repo.hpp"
#include "domain/account/session_repo.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/account/user_repo.hpp"

namespace lianyin::domain::account {
namespace {

core::Error BadCredentials() {
  return {core::ErrorCode::kUnauthenticated, "wrong username or password", {}};
}
core::Error NoSession() {
  return {core::ErrorCode::kUnauthenticated, "not logged in or session expired", {}};
}

// Verifying against this when the user does not exist makes both answers cost the same.
const std::string& DummyHash() {
  static const std::string hash = core::HashPassword("lianyin-dummy-password");
  return hash;
}

std::string At(core::DateTime t) { return core::FormatDateTime(t); }

core::DateTime Plus(core::DateTime t, std::chrono::seconds s) {
  return core::DateTime{t.unix_seconds + s.count()};
}

Actor MakeActor(store::Session& session, const User& user, const Unit& unit) {
  Actor actor;
  actor.user_id = user.id;
  actor.username = user.username;
  actor.display_name = user.display_name;
  actor.unit_id = unit.id;
  actor.unit_name = unit.name;
  actor.roles = user.roles;
  actor.permissions = RoleRepo(session).PermissionsOf(user.roles);
  actor.org_id = user.org_id;
  actor.worker_id = user.worker_id;
  actor.must_change_password = user.must_change_password;
  return actor;
}

}  // namespace

AuthService::AuthService(store::Database& db, SessionPolicy policy, Clock clock)
    : db_(db), policy_(policy), clock_(std::move(clock)) {}

core::Result<LoginResult> AuthService::Login(std::string_view username,
                                                std::string_view password, std::string_view ip,
                                                std::string_view user_agent) {
  store::Session session = db_.Acquire();
  UserRepo users(session);
  auto credentials = users.FindCredentials(username);
  if (!credentials) {
    (void)core::VerifyPassword(password, DummyHash());
    return BadCredentials();
  }
  auto& [user, hash] = *credentials;
  if (!core::VerifyPassword(password, hash) || user.disabled) return BadCredentials();
  auto unit = UnitRepo(session).FindUnit(user.unit_id);
  if (!unit) return BadCredentials();

  LoginResult result{MakeActor(session, user, *unit), core::Base64UrlEncode(core::RandomBytes(32))};
  result.actor.csrf_token = core::HexEncode(core::RandomBytes(16));
  const core::DateTime now = clock_();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  result.actor.session_id =
      SessionRepo(session).InsertSession(core::Sha256Hex(core::AsBytes(result.token)), result.actor.csrf_token, user.id, At(now),
                         At(Plus(now, policy_.absolute_timeout)), ip, user_agent);
  tx.Commit();
  return result;
}

core::Result<Actor> AuthService::Authenticate(std::string_view token) {
  if (token.empty() || token.size() > 256) return NoSession();
  store::Session session = db_.Acquire();
  SessionRepo sessions(session);
  auto stored = sessions.FindSession(core::Sha256Hex(core::AsBytes(token)));
  if (!stored) return NoSession();
  const core::DateTime now = clock_();
  auto last_seen = core::ParseDateTime(stored->last_seen_at);
  auto expires = core::ParseDateTime(stored->expires_at);
  if (!last_seen || !expires || now >= *expires ||
      now >= Plus(*last_seen, policy_.idle_timeout)) {
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    sessions.DeleteSession(stored->id);
    tx.Commit();
    return NoSession();
  }
  auto user = UserRepo(session).FindUser(stored->user_id);
  auto unit = user ? UnitRepo(session).FindUnit(user->unit_id) : std::nullopt;
  if (!user || user->disabled || !unit) return NoSession();
  if (now >= Plus(*last_seen, policy_.touch_interval)) {
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    sessions.TouchSession(stored->id, At(now));
    tx.Commit();
  }
  Actor actor = MakeActor(session, *user, *unit);
  actor.session_id = stored->id;
  actor.csrf_token = stored->csrf_token;
  return actor;
}

void AuthService::Logout(std::int64_t session_id) {
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  SessionRepo(session).DeleteSession(session_id);
  tx.Commit();
}

}  // namespace lianyin::domain::account
