#pragma once
// Logging in (password, then TOTP when enrolled), sessions, password changes and TOTP enrolment:
// SPEC §3 and SECURITY.md "Identity and sessions".

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/crypto.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/account/login_rules.hpp"
#include "domain/account/password_rules.hpp"
#include "domain/account/security_settings.hpp"
#include "domain/account/session_cache.hpp"
#include "domain/common/writer.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

struct ClientInfo {
  std::string ip;
  std::string user_agent;
  std::string request_id;  // for the audit trail
};

struct LoginResult {
  Actor actor;
  std::string token;  // the session cookie value; only its SHA-256 is stored
};

// The password was right and the user has TOTP: present this token with a code.
struct MfaChallenge {
  std::string mfa_token;
};

using LoginOutcome = std::variant<LoginResult, MfaChallenge>;

struct TotpEnrolment {
  std::string secret;       // base32, for manual entry
  std::string otpauth_uri;  // for authenticator apps
};

class AuthService {
 public:
  using Clock = std::function<core::DateTime()>;
  // The username a login name typed as something else stands for (a worker's mobile number →
  // its account's username, worker::WorkerKeys), or nullopt. Consulted when no account has the
  // typed name; the attempt is then logged and locked out under the alias, never the typed text.
  using LoginAlias = std::function<std::optional<std::string>(std::string_view typed)>;
  // `secret_key`: the deployment's 32-byte key sealing TOTP secrets (never stored in the DB).
  // `cache` must also be one of `writer`'s sinks, so committed changes reach it.
  AuthService(common::Writer& writer, core::Bytes secret_key, SessionCache& cache,
              Clock clock = core::Now, LoginAlias alias = {});

  // Unknown user, wrong password and disabled account → the same 401 at the same cost.
  // Usernames match whatever their letter case, and so does the lockout. Failures are counted
  // atomically: of any number of parallel wrong passwords for one username exactly the
  // lockout_threshold-th answers 401 and locks it, later ones 423; while locked every attempt,
  // even with the right password, → 423 with retry_after_seconds (a right password checked in
  // parallel with the locking failure is refused too). Over the per-IP rate → 429. Every
  // attempt is written to the login log (locks and rate limits with the user they concern, if
  // known) and failures and successes to the audit trail.
  core::Result<LoginOutcome> Login(std::string_view username, std::string_view password,
                                   const ClientInfo& client);
  // Second step: a wrong or replayed code counts as a failed login; the token is single-use.
  core::Result<LoginResult> LoginWithTotp(std::string_view mfa_token, std::string_view code,
                                          const ClientInfo& client);
  // The actor of a live session; missing, idle or expired → 401. Served from the SessionCache
  // when fresh (no database access); last_seen_at is written at most once a minute and only
  // when no other writer holds the database (kWriteIfFree), so authenticating a request never
  // waits for, or fails because of, another user's write.
  core::Result<Actor> Authenticate(std::string_view token);
  core::Result<void> Logout(const Actor& actor);

  // Wrong old password → 422 on old_password; policy breach → 422 on new_password. Clears
  // must_change_password and ends the user's other sessions.
  core::Result<void> ChangePassword(const Actor& actor, std::string_view old_password,
                                    std::string_view new_password);
  // Starts enrolment with a fresh secret (409 when TOTP is already on).
  core::Result<TotpEnrolment> BeginTotp(const Actor& actor);
  // Finishes enrolment with a current code (422 on code; 409 without BeginTotp).
  core::Result<void> EnableTotp(const Actor& actor, std::string_view code);
  // Turns TOTP off after checking the password (422 on password).
  core::Result<void> DisableTotp(const Actor& actor, std::string_view password);

  PasswordPolicy CurrentPasswordPolicy();

  // For sign-ins other than a password login (a worker's first activation): the per-address
  // rate limit and `username`'s lockout, checked and logged as Login checks them (429 / 423).
  core::Result<void> AdmitAttempt(std::string_view username, const ClientInfo& client);
  // Counts a failed attempt for `username` toward its lockout like a wrong password, logged and
  // audited with `reason`: 401 unauthenticated, or 423 when the username is (now) locked.
  core::Error CountFailedAttempt(std::string_view username, const ClientInfo& client,
                                 std::string reason);

 private:
  struct Attempt;
  core::Result<void> Admit(Attempt& attempt);
  core::Result<void> LogRefusal(const Attempt& attempt, const char* outcome, std::string reason);
  core::Error RecordFailure(const Attempt& attempt, std::string reason);
  core::Result<LoginResult> OpenSession(const User& user, const Attempt& attempt);
  core::Error Locked(std::int64_t locked_until, std::int64_t now) const;
  core::Result<Actor> LoadSession(const std::string& token_hash, std::int64_t now);
  void Touch(const std::string& token_hash, std::int64_t session_id, std::int64_t now);
  std::string Seal(std::int64_t user_id, core::ByteView secret) const;
  std::optional<core::Bytes> Unseal(std::int64_t user_id, std::string_view sealed) const;

  common::Writer& writer_;
  store::Database& db_;
  core::Bytes key_;
  SessionCache& cache_;
  Clock clock_;
  LoginAlias alias_;
  RateLimiter limiter_;
};

}  // namespace lianyin::domain::account
