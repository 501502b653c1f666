// AuthService: turning a session token into the request's Actor, and logging out.

#include <boost/json.hpp>

#include "domain/account/actor_builder.hpp"
#include "domain/account/auth_internal.hpp"
#include "domain/account/auth_service.hpp"
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
  const std::int64_t now = clock_().unix_seconds;
  const std::string token_hash = core::Sha256Hex(core::AsBytes(token));
  auto cached = cache_.Fresh(token_hash, now);
  if (!cached) return LoadSession(token_hash, now);
  if (now >= cached->expires || now >= cached->last_seen + cached->idle_seconds) {
    cache_.Erase(token_hash);
    return NoSession();
  }
  cache_.Seen(token_hash, now);
  if (now >= cached->persisted_seen + kTouchIntervalSeconds) {
    Touch(token_hash, cached->actor.session_id, now);
  }
  return cached->actor;
}

core::Result<Actor> AuthService::LoadSession(const std::string& token_hash, std::int64_t now) {
  const std::uint64_t generation = cache_.generation();
  SessionCache::Entry entry;
  {
    store::Session session = db_.Acquire();
    auto stored = SessionRepo(session).FindSession(token_hash);
    if (!stored) {
      cache_.Erase(token_hash);
      return NoSession();
    }
    const SecuritySettings settings = LoadSecuritySettings(session);
    auto last_seen = core::ParseDateTime(stored->last_seen_at);
    auto expires = core::ParseDateTime(stored->expires_at);
    if (!last_seen || !expires) return NoSession();
    entry.persisted_seen = last_seen->unix_seconds;
    // This process may know of requests the stored time does not show yet.
    entry.last_seen = std::max(entry.persisted_seen, cache_.LastSeen(token_hash).value_or(0));
    entry.expires = expires->unix_seconds;
    entry.idle_seconds = settings.session_idle_minutes * 60LL;
    if (now >= entry.expires || now >= entry.last_seen + entry.idle_seconds) {
      cache_.Erase(token_hash);
      return NoSession();  // expired sessions are left for the next login of their user
    }
    auto user = UserRepo(session).FindForAuthentication(stored->user_id);
    auto unit = user ? UnitRepo(session).FindForAuthentication(user->unit_id) : std::nullopt;
    if (!user || user->disabled || !unit) {
      cache_.Erase(token_hash);
      return NoSession();
    }
    entry.actor = BuildActor(session, *user, *unit);
    entry.actor.session_id = stored->id;
    entry.actor.csrf_token = stored->csrf_token;
    entry.validated_at = now;
  }
  cache_.Put(token_hash, entry, generation);
  if (now >= entry.persisted_seen + kTouchIntervalSeconds) {
    Touch(token_hash, entry.actor.session_id, now);
  }
  return entry.actor;
}

void AuthService::Touch(const std::string& token_hash, std::int64_t session_id, std::int64_t now) {
  try {
    store::Session session = db_.Acquire();
    store::Transaction tx = session.Begin(store::TxMode::kWriteIfFree);
    SessionRepo(session).TouchSession(session_id, At(now));
    tx.Commit();
    cache_.Seen(token_hash, now, now);
  } catch (const store::DbError& e) {
    // Another writer holds the database: the time stays in the cache and a later request
    // stores it. Reads never wait for writers.
    if (!store::IsTransient(e) && e.kind() != store::DbError::Kind::kTimeout) throw;
    cache_.Seen(token_hash, now);
  }
}

core::Result<void> AuthService::Logout(const Actor& actor) {
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    SessionRepo(tx.session()).DeleteSession(actor.session_id);
    tx.Record({"logout", "session", std::to_string(actor.session_id), nullptr, nullptr, true,
               actor.unit_id});
    return {};
  });
}

}  // namespace lianyin::domain::account
