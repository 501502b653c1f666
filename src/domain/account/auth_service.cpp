#include "domain/account/auth_service.hpp"

#include <boost/json.hpp>

#include "core/totp.hpp"
#include "domain/account/actor_builder.hpp"
#include "domain/account/auth_internal.hpp"
#include "domain/account/credential_repo.hpp"
#include "domain/account/login_repo.hpp"
#include "domain/account/session_repo.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/account/user_repo.hpp"

namespace lianyin::domain::account {

using namespace internal;  // NOLINT(google-build-using-namespace): the area's own helpers

namespace {
constexpr std::int64_t kMfaChallengeSeconds = 300;

common::Origin OriginOfAttempt(const std::string& username, std::optional<std::int64_t> user_id,
                               const ClientInfo& client) {
  return common::Origin{user_id, username, client.ip, client.request_id};
}

LockoutPolicy PolicyOf(const SecuritySettings& s) {
  return {s.lockout_threshold, s.lockout_minutes * 60LL, s.lockout_minutes * 60LL};
}

}  // namespace

// One login attempt as it goes through the checks.
struct AuthService::Attempt {
  std::string username;
  ClientInfo client;
  std::int64_t now = 0;
  SecuritySettings settings;
  std::optional<User> user;
};

AuthService::AuthService(common::Writer& writer, core::Bytes secret_key, SessionCache& cache,
                         Clock clock, LoginAlias alias)
    : writer_(writer),
      db_(writer.db()),
      key_(std::move(secret_key)),
      cache_(cache),
      clock_(std::move(clock)),
      alias_(std::move(alias)) {}

PasswordPolicy AuthService::CurrentPasswordPolicy() {
  store::Session session = db_.Acquire();
  return PasswordPolicyOf(LoadSecuritySettings(session));
}

core::Error AuthService::Locked(std::int64_t locked_until, std::int64_t now) const {
  core::Error e{core::ErrorCode::kLocked, "account locked after repeated failures", {}};
  e.retry_after_seconds = std::max<std::int64_t>(1, locked_until - now);
  return e;
}

core::Result<void> AuthService::LogRefusal(const Attempt& attempt, const char* outcome,
                                           std::string reason) {
  const std::optional<std::int64_t> user_id =
      attempt.user ? std::optional<std::int64_t>(attempt.user->id) : std::nullopt;
  return writer_.Run(OriginOfAttempt(attempt.username, user_id, attempt.client),
                     [&](common::WriteTx& tx) -> core::Result<void> {
                       LoginRepo(tx.session())
                           .Log({0, At(attempt.now), attempt.username, user_id, attempt.client.ip,
                                 attempt.client.user_agent, outcome, reason});
                       return {};
                     });
}

core::Result<void> AuthService::Admit(Attempt& attempt) {
  {
    store::Session session = db_.Acquire();
    attempt.settings = LoadSecuritySettings(session);
  }
  if (auto wait =
          limiter_.Admit(attempt.client.ip, attempt.now, attempt.settings.login_rate_per_minute)) {
    if (auto logged = LogRefusal(attempt, "rate_limited", "too many attempts from this address");
        !logged) {
      return logged.error();
    }
    core::Error e{core::ErrorCode::kTooManyRequests, "too many login attempts", {}};
    e.retry_after_seconds = *wait;
    return e;
  }
  std::optional<FailureState> failures;
  {
    store::Session session = db_.Acquire();
    failures = LoginRepo(session).Failures(LockoutKey(attempt.username));
  }
  if (IsLocked(failures, attempt.now)) {
    if (auto logged = LogRefusal(attempt, "locked", "account locked"); !logged) {
      return logged.error();
    }
    return Locked(*failures->locked_until, attempt.now);
  }
  return {};
}

core::Error AuthService::RecordFailure(const Attempt& attempt, std::string reason) {
  const std::optional<std::int64_t> user_id =
      attempt.user ? std::optional<std::int64_t>(attempt.user->id) : std::nullopt;
  const std::optional<std::int64_t> owner =
      attempt.user ? std::optional<std::int64_t>(attempt.user->unit_id) : std::nullopt;
  auto outcome = writer_.Run(
      OriginOfAttempt(attempt.username, user_id, attempt.client),
      [&](common::WriteTx& tx) -> core::Result<FailureOutcome> {
        LoginRepo logins(tx.session());
        FailureOutcome counted = logins.RecordFailure(LockoutKey(attempt.username), attempt.now,
                                                      PolicyOf(attempt.settings));
        std::string why = reason;
        if (counted.was_locked) {
          why += "; account already locked";
        } else if (counted.state.locked_until) {
          why += "; account locked";
        }
        logins.Log({0, At(attempt.now), attempt.username, user_id, attempt.client.ip,
                    attempt.client.user_agent, counted.was_locked ? "locked" : "failure", why});
        tx.Record(
            {"login", "session", "", nullptr, boost::json::object{{"reason", why}}, false, owner});
        return counted;
      });
  if (!outcome) return outcome.error();
  if (outcome->was_locked) return Locked(*outcome->state.locked_until, attempt.now);
  return BadCredentials();
}

core::Result<LoginResult> AuthService::OpenSession(const User& user, const Attempt& attempt) {
  std::optional<Unit> unit;
  LoginResult result;
  {
    store::Session session = db_.Acquire();
    unit = UnitRepo(session).FindForAuthentication(user.unit_id);
    if (!unit) return BadCredentials();
    result.actor = BuildActor(session, user, *unit);
  }
  result.token = core::Base64UrlEncode(core::RandomBytes(32));
  Actor& actor = result.actor;
  actor.csrf_token = core::HexEncode(core::RandomBytes(16));
  actor.ip = attempt.client.ip;
  actor.request_id = attempt.client.request_id;
  const std::string token_hash = core::Sha256Hex(core::AsBytes(result.token));
  const std::int64_t expires = attempt.now + attempt.settings.session_absolute_hours * 3600LL;
  std::optional<std::int64_t> locked_until;
  auto opened =
      writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<std::int64_t> {
        LoginRepo logins(tx.session());
        // Checked again under the counter's row lock: a failure that locked the username while this
        // password was being verified wins.
        locked_until = logins.ClearFailuresUnlessLocked(LockoutKey(attempt.username), attempt.now);
        if (locked_until) return core::Error{core::ErrorCode::kLocked, "locked", {}};
        const std::int64_t id =
            SessionRepo(tx.session())
                .InsertSession(token_hash, actor.csrf_token, user.id, At(attempt.now), At(expires),
                               attempt.client.ip, attempt.client.user_agent);
        logins.Log({0, At(attempt.now), attempt.username, user.id, attempt.client.ip,
                    attempt.client.user_agent, "success", "logged in"});
        tx.Record({"login", "session", std::to_string(id), nullptr,
                   boost::json::object{{"user_id", user.id}, {"ip", attempt.client.ip}}, true,
                   user.unit_id});
        return id;
      });
  if (!opened) {
    if (!locked_until) return opened.error();
    if (auto logged = LogRefusal(attempt, "locked", "account locked"); !logged) {
      return logged.error();
    }
    return Locked(*locked_until, attempt.now);
  }
  actor.session_id = *opened;
  return result;
}

core::Error AuthService::CountFailedAttempt(std::string_view username, const ClientInfo& client,
                                            std::string reason) {
  Attempt attempt{std::string(username), client, clock_().unix_seconds, {}, std::nullopt};
  {
    store::Session session = db_.Acquire();
    attempt.settings = LoadSecuritySettings(session);
  }
  return RecordFailure(attempt, std::move(reason));
}

core::Result<void> AuthService::AdmitAttempt(std::string_view username, const ClientInfo& client) {
  Attempt attempt{std::string(username), client, clock_().unix_seconds, {}, std::nullopt};
  return Admit(attempt);
}

core::Result<LoginOutcome> AuthService::Login(std::string_view username, std::string_view password,
                                              const ClientInfo& client) {
  Attempt attempt{std::string(username), client, clock_().unix_seconds, {}, std::nullopt};
  std::optional<std::pair<User, std::string>> found;
  {
    store::Session session = db_.Acquire();
    UserRepo users(session);
    found = users.FindForLogin(username);
    std::optional<std::string> alias = found || !alias_ ? std::nullopt : alias_(username);
    if (alias) {
      attempt.username = *alias;
      found = users.FindForLogin(*alias);
    }
  }
  if (found) attempt.user = found->first;  // refusals name the user they concern
  if (auto ok = Admit(attempt); !ok) return ok.error();
  if (!found) {
    (void)core::VerifyPassword(password, DummyHash());
    return RecordFailure(attempt, "unknown user");
  }
  if (!core::VerifyPassword(password, found->second)) {
    return RecordFailure(attempt, "wrong password");
  }
  if (attempt.user->disabled) return RecordFailure(attempt, "account disabled");
  std::optional<Credentials> credentials;
  {
    store::Session session = db_.Acquire();
    credentials = CredentialRepo(session).Find(attempt.user->id);
  }
  if (credentials && credentials->totp_secret) {
    MfaChallenge challenge{core::Base64UrlEncode(core::RandomBytes(32))};
    const std::string hash = core::Sha256Hex(core::AsBytes(challenge.mfa_token));
    auto stored = writer_.Run(OriginOfAttempt(attempt.username, attempt.user->id, client),
                              [&](common::WriteTx& tx) -> core::Result<void> {
                                LoginRepo(tx.session())
                                    .InsertChallenge(hash, attempt.user->id,
                                                     attempt.now + kMfaChallengeSeconds);
                                return {};
                              });
    if (!stored) return stored.error();
    return LoginOutcome(std::move(challenge));
  }
  auto opened = OpenSession(*attempt.user, attempt);
  if (!opened) return opened.error();
  return LoginOutcome(std::move(*opened));
}

core::Result<LoginResult> AuthService::LoginWithTotp(std::string_view mfa_token,
                                                     std::string_view code,
                                                     const ClientInfo& client) {
  const std::int64_t now = clock_().unix_seconds;
  const std::string token_hash = core::Sha256Hex(core::AsBytes(mfa_token));
  auto taken = writer_.Run(common::Origin{std::nullopt, "", client.ip, client.request_id},
                           [&](common::WriteTx& tx) -> core::Result<std::optional<std::int64_t>> {
                             return LoginRepo(tx.session()).TakeChallenge(token_hash, now);
                           });
  if (!taken) return taken.error();
  std::optional<User> user;
  std::optional<Credentials> credentials;
  if (*taken) {
    store::Session session = db_.Acquire();
    user = UserRepo(session).FindForAuthentication(**taken);
    if (user) credentials = CredentialRepo(session).Find(user->id);
  }
  if (!user) return NoSession();
  Attempt attempt{user->username, client, now, {}, user};
  if (auto ok = Admit(attempt); !ok) return ok.error();
  auto secret = credentials && credentials->totp_secret
                    ? Unseal(user->id, *credentials->totp_secret)
                    : std::nullopt;
  auto step = secret ? core::VerifyTotp(*secret, code, now) : std::nullopt;
  if (!step || user->disabled) return RecordFailure(attempt, "wrong second factor");
  auto fresh = writer_.Run(OriginOfAttempt(user->username, user->id, client),
                           [&](common::WriteTx& tx) -> core::Result<bool> {
                             return CredentialRepo(tx.session()).AdvanceTotpStep(user->id, *step);
                           });
  if (!fresh) return fresh.error();
  if (!*fresh) return RecordFailure(attempt, "replayed second factor");
  return OpenSession(*user, attempt);
}

}  // namespace lianyin::domain::account
