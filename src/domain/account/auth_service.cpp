#include "domain/account/auth_service.hpp"

#include <boost/json.hpp>

#include "core/totp.hpp"
#include "domain/account/actor_builder.hpp"
#include "domain/account/auth_internal.hpp"
#include "domain/account/credential_repo.hpp"
#include "domain/account/login_repo.hpp"
#include "domain/account/security_settings.hpp"
#include "domain/account/session_repo.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/account/user_repo.hpp"

namespace lianyin::domain::account {

using namespace internal;  // NOLINT(google-build-using-namespace): the area's own helpers

namespace {
constexpr std::int64_t kMfaChallengeSeconds = 300;
}  // namespace

// One login attempt as it goes through the checks.
struct AuthService::Attempt {
  std::string username;
  ClientInfo client;
  std::int64_t now = 0;
  SecuritySettings settings;
  std::optional<User> user;
};

AuthService::AuthService(store::Database& db, core::Bytes secret_key, AuditSink audit,
                         Clock clock)
    : db_(db), key_(std::move(secret_key)), audit_(std::move(audit)), clock_(std::move(clock)) {}

PasswordPolicy AuthService::CurrentPasswordPolicy() {
  store::Session session = db_.Acquire();
  return PasswordPolicyOf(LoadSecuritySettings(session));
}

core::Result<void> AuthService::Admit(store::Session& session, Attempt& attempt) {
  attempt.settings = LoadSecuritySettings(session);
  const auto log_refusal = [&](const char* outcome, std::string reason) {
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    LoginRepo(session).Log({0, At(attempt.now), attempt.username, std::nullopt, attempt.client.ip,
                            attempt.client.user_agent, outcome, std::move(reason)});
    tx.Commit();
  };
  if (auto wait = limiter_.Admit(attempt.client.ip, attempt.now,
                                 attempt.settings.login_rate_per_minute)) {
    log_refusal("rate_limited", "too many attempts from this address");
    core::Error e{core::ErrorCode::kTooManyRequests, "too many login attempts", {}};
    e.retry_after_seconds = *wait;
    return e;
  }
  auto failures = LoginRepo(session).Failures(attempt.username);
  if (IsLocked(failures, attempt.now)) {
    log_refusal("locked", "account locked");
    core::Error e{core::ErrorCode::kLocked, "account locked after repeated failures", {}};
    e.retry_after_seconds = *failures->locked_until - attempt.now;
    return e;
  }
  return {};
}

core::Error AuthService::RecordFailure(store::Session& session, const Attempt& attempt,
                                       std::string reason) {
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  LoginRepo logins(session);
  const LockoutPolicy policy{attempt.settings.lockout_threshold,
                             attempt.settings.lockout_minutes * 60LL,
                             attempt.settings.lockout_minutes * 60LL};
  const FailureState state = AfterFailure(logins.Failures(attempt.username), attempt.now, policy);
  logins.SaveFailures(attempt.username, state);
  if (state.locked_until) reason += "; account locked";
  const std::optional<std::int64_t> user_id =
      attempt.user ? std::optional<std::int64_t>(attempt.user->id) : std::nullopt;
  logins.Log({0, At(attempt.now), attempt.username, user_id, attempt.client.ip,
              attempt.client.user_agent, "failure", reason});
  Actor who;
  who.user_id = user_id.value_or(0);
  who.username = attempt.username;
  who.ip = attempt.client.ip;
  who.request_id = attempt.client.request_id;
  audit_(session, who,
         {"login", "session", "", nullptr, boost::json::object{{"reason", reason}}, false});
  tx.Commit();
  return BadCredentials();
}

LoginResult AuthService::OpenSession(store::Session& session, const User& user,
                                     const Attempt& attempt) {
  const auto unit = UnitRepo(session).FindUnit(user.unit_id);
  LoginResult result{BuildActor(session, user, unit.value()), core::Base64UrlEncode(core::RandomBytes(32))};
  Actor& actor = result.actor;
  actor.csrf_token = core::HexEncode(core::RandomBytes(16));
  actor.ip = attempt.client.ip;
  actor.request_id = attempt.client.request_id;
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  const std::int64_t expires = attempt.now + attempt.settings.session_absolute_hours * 3600LL;
  actor.session_id = SessionRepo(session).InsertSession(
      core::Sha256Hex(core::AsBytes(result.token)), actor.csrf_token, user.id, At(attempt.now),
      At(expires), attempt.client.ip, attempt.client.user_agent);
  LoginRepo logins(session);
  logins.ClearFailures(attempt.username);
  logins.Log({0, At(attempt.now), attempt.username, user.id, attempt.client.ip,
              attempt.client.user_agent, "success", "logged in"});
  audit_(session, actor,
         {"login", "session", std::to_string(actor.session_id), nullptr,
          boost::json::object{{"user_id", user.id}, {"ip", attempt.client.ip}}});
  tx.Commit();
  return result;
}

core::Result<LoginOutcome> AuthService::Login(std::string_view username,
                                              std::string_view password,
                                              const ClientInfo& client) {
  store::Session session = db_.Acquire();
  Attempt attempt{std::string(username), client, clock_().unix_seconds, {}, std::nullopt};
  if (auto ok = Admit(session, attempt); !ok) return ok.error();
  auto found = UserRepo(session).FindCredentials(username);
  if (!found) {
    (void)core::VerifyPassword(password, DummyHash());
    return RecordFailure(session, attempt, "unknown user");
  }
  attempt.user = found->first;
  if (!core::VerifyPassword(password, found->second)) {
    return RecordFailure(session, attempt, "wrong password");
  }
  if (attempt.user->disabled) return RecordFailure(session, attempt, "account disabled");
  auto credentials = CredentialRepo(session).Find(attempt.user->id);
  if (credentials && credentials->totp_secret) {
    MfaChallenge challenge{core::Base64UrlEncode(core::RandomBytes(32))};
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    LoginRepo(session).InsertChallenge(core::Sha256Hex(core::AsBytes(challenge.mfa_token)),
                                       attempt.user->id, attempt.now + kMfaChallengeSeconds);
    tx.Commit();
    return LoginOutcome(std::move(challenge));
  }
  return LoginOutcome(OpenSession(session, *attempt.user, attempt));
}

core::Result<LoginResult> AuthService::LoginWithTotp(std::string_view mfa_token,
                                                     std::string_view code,
                                                     const ClientInfo& client) {
  store::Session session = db_.Acquire();
  const std::int64_t now = clock_().unix_seconds;
  std::optional<std::int64_t> user_id;
  {
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    user_id = LoginRepo(session).TakeChallenge(core::Sha256Hex(core::AsBytes(mfa_token)), now);
    tx.Commit();
  }
  auto user = user_id ? UserRepo(session).FindUser(*user_id) : std::nullopt;
  if (!user) return NoSession();
  Attempt attempt{user->username, client, now, {}, user};
  if (auto ok = Admit(session, attempt); !ok) return ok.error();
  auto credentials = CredentialRepo(session).Find(user->id);
  auto secret = credentials && credentials->totp_secret
                    ? Unseal(user->id, *credentials->totp_secret)
                    : std::nullopt;
  auto step = secret ? core::VerifyTotp(*secret, code, now) : std::nullopt;
  if (!step || user->disabled) return RecordFailure(session, attempt, "wrong second factor");
  {
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    const bool fresh = CredentialRepo(session).AdvanceTotpStep(user->id, *step);
    tx.Commit();
    if (!fresh) return RecordFailure(session, attempt, "replayed second factor");
  }
  return OpenSession(session, *user, attempt);
}

}  // namespace lianyin::domain::account
