#include "domain/account/auth_service.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "core/totp.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/security_admin_service.hpp"
#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::account {
namespace {

constexpr const char* kPassword = "Lianyin-Test-2026";

// Records "action[_failed]:username" for every change.
class AuditNames final : public common::ChangeSink {
 public:
  explicit AuditNames(std::vector<std::string>& out) : out_(out) {}
  void Apply(store::Session&, const common::Origin& origin,
             const std::vector<common::Change>& changes) override {
    std::lock_guard lock(mutex_);
    for (const common::Change& c : changes) {
      out_.push_back(c.action + (c.success ? "" : "_failed") + ":" + origin.username);
    }
  }

 private:
  std::mutex mutex_;
  std::vector<std::string>& out_;
};

class AuthServiceTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    writer_ =
        std::make_unique<common::Writer>(db(), std::vector<common::ChangeSink*>{&cache_, &names_});
    ASSERT_TRUE(
        region::RegionService(db()).Import({"test", "1", {{"110000", "北京市", "100000"}}}));
    ASSERT_TRUE(PlatformService(*writer_).SetUpPlatform({"联引平台", "admin", kPassword}));
    audited_.clear();
    auth_ = std::make_unique<AuthService>(*writer_, core::RandomBytes(32), cache_,
                                          [this] { return core::DateTime{now_}; });
  }
  SecurityAdminService Security() { return SecurityAdminService(*writer_); }
  core::Result<LoginResult> LogIn(const std::string& user, const std::string& password,
                                  const std::string& ip = "10.0.0.1") {
    auto outcome = auth_->Login(user, password, {ip, "test"});
    if (!outcome) return outcome.error();
    if (!std::holds_alternative<LoginResult>(*outcome)) return core::Error::Conflict("mfa");
    return std::get<LoginResult>(*outcome);
  }

  std::int64_t now_ = 1'700'000'000;
  std::vector<std::string> audited_;
  AuditNames names_{audited_};
  SessionCache cache_;
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<AuthService> auth_;
};

TEST_P(AuthServiceTest, LoginAuthenticateLogout) {
  auto login = LogIn("admin", kPassword);
  ASSERT_TRUE(login) << login.error().message;
  EXPECT_EQ(login->actor.unit_name, "联引平台");
  EXPECT_TRUE(login->actor.Can("anything:at:all"));
  EXPECT_GE(login->token.size(), 43u);  // 256 bits in base64url
  auto actor = auth_->Authenticate(login->token);
  ASSERT_TRUE(actor);
  EXPECT_EQ(actor->csrf_token, login->actor.csrf_token);
  ASSERT_TRUE(auth_->Logout(*actor));
  EXPECT_FALSE(auth_->Authenticate(login->token));
  EXPECT_EQ(audited_, (std::vector<std::string>{"login:admin", "logout:admin"}));
}

TEST_P(AuthServiceTest, WrongPasswordAndUnknownUserLookTheSameAndAreAudited) {
  auto wrong = LogIn("admin", "Wrong-Password-1");
  auto unknown = LogIn("nobody", kPassword);
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, core::ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_EQ(audited_, (std::vector<std::string>{"login_failed:admin", "login_failed:nobody"}));
}

TEST_P(AuthServiceTest, FifthFailureLocksForFifteenMinutesEvenWithTheRightPassword) {
  for (int i = 1; i <= 5; ++i) {
    auto r = LogIn("admin", "Wrong-Password-1");
    ASSERT_EQ(r.error().code, core::ErrorCode::kUnauthenticated) << i;  // the 5th is still 401
    now_ += 60;
  }
  auto locked = LogIn("admin", kPassword);
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, core::ErrorCode::kLocked);
  EXPECT_GT(locked.error().retry_after_seconds.value_or(0), 0);
  now_ += 15 * 60;
  EXPECT_TRUE(LogIn("admin", kPassword));
}

TEST_P(AuthServiceTest, MoreThanThirtyAttemptsAMinuteFromOneAddressAre429) {
  for (int i = 0; i < 30; ++i) {
    // Different usernames, so the lockout does not interfere.
    EXPECT_EQ(LogIn("user" + std::to_string(i), "x").error().code,
              core::ErrorCode::kUnauthenticated);
  }
  auto limited = LogIn("admin", kPassword);
  EXPECT_EQ(limited.error().code, core::ErrorCode::kTooManyRequests);
  EXPECT_TRUE(limited.error().retry_after_seconds);
  EXPECT_TRUE(LogIn("admin", kPassword, "10.0.0.2"));  // another address
}

TEST_P(AuthServiceTest, SessionExpiresAfterThirtyIdleMinutes) {
  auto login = LogIn("admin", kPassword);
  ASSERT_TRUE(login);
  now_ += 29 * 60;
  ASSERT_TRUE(auth_->Authenticate(login->token));  // activity resets the idle clock
  now_ += 29 * 60;
  ASSERT_TRUE(auth_->Authenticate(login->token));
  now_ += 31 * 60;
  EXPECT_FALSE(auth_->Authenticate(login->token));
}

TEST_P(AuthServiceTest, UnknownTokensAreRejected) {
  EXPECT_FALSE(auth_->Authenticate(""));
  EXPECT_FALSE(auth_->Authenticate("not-a-token"));
  EXPECT_FALSE(auth_->Authenticate(std::string(1000, 'a')));
}

TEST_P(AuthServiceTest, ChangePasswordChecksOldAndPolicyAndEndsOtherSessions) {
  auto first = LogIn("admin", kPassword);
  auto second = LogIn("admin", kPassword);
  ASSERT_TRUE(first && second);
  auto wrong_old = auth_->ChangePassword(second->actor, "nope", "Another-Passw0rd");
  EXPECT_EQ(wrong_old.error().details.at(0).field, "old_password");
  auto weak = auth_->ChangePassword(second->actor, kPassword, "short");
  EXPECT_EQ(weak.error().details.at(0).field, "new_password");
  ASSERT_TRUE(auth_->ChangePassword(second->actor, kPassword, "Another-Passw0rd"));
  EXPECT_FALSE(auth_->Authenticate(first->token));
  EXPECT_TRUE(auth_->Authenticate(second->token));
  EXPECT_FALSE(LogIn("admin", kPassword));
  EXPECT_TRUE(LogIn("admin", "Another-Passw0rd"));
}

TEST_P(AuthServiceTest, TotpEnrolmentThenTwoStepLoginWithoutReplay) {
  auto login = LogIn("admin", kPassword);
  ASSERT_TRUE(login);
  auto enrolment = auth_->BeginTotp(login->actor);
  ASSERT_TRUE(enrolment);
  const core::Bytes secret = core::Base32Decode(enrolment->secret).value();
  EXPECT_EQ(auth_->EnableTotp(login->actor, "000000").error().details.at(0).field, "code");
  ASSERT_TRUE(auth_->EnableTotp(login->actor, core::TotpCode(secret, core::TotpStep(now_))));
  EXPECT_EQ(auth_->BeginTotp(login->actor).error().code, core::ErrorCode::kConflict);

  now_ += 60;
  auto outcome = auth_->Login("admin", kPassword, {"10.0.0.1", "test"});
  ASSERT_TRUE(outcome);
  const std::string token = std::get<MfaChallenge>(*outcome).mfa_token;
  const std::string code = core::TotpCode(secret, core::TotpStep(now_));
  auto session = auth_->LoginWithTotp(token, code, {"10.0.0.1", "test"});
  ASSERT_TRUE(session) << session.error().message;
  EXPECT_TRUE(auth_->Authenticate(session->token).value().mfa_enabled);
  // The token was single-use, and the same code cannot open another session.
  EXPECT_FALSE(auth_->LoginWithTotp(token, code, {"10.0.0.1", "test"}));
  auto again = auth_->Login("admin", kPassword, {"10.0.0.1", "test"});
  EXPECT_FALSE(
      auth_->LoginWithTotp(std::get<MfaChallenge>(*again).mfa_token, code, {"10.0.0.1", "test"}));

  ASSERT_TRUE(auth_->DisableTotp(session->actor, kPassword));
  EXPECT_TRUE(LogIn("admin", kPassword));
}

TEST_P(AuthServiceTest, AdminsWithoutTotpMustEnrolWhenTheSettingIsOn) {
  auto login = LogIn("admin", kPassword);
  ASSERT_TRUE(login);
  EXPECT_FALSE(auth_->Authenticate(login->token).value().mfa_enrolment_required);
  SecurityAdminService security = Security();
  ASSERT_TRUE(security.UpdateSettings(login->actor, {{"require_mfa_for_admins", true}}));
  EXPECT_TRUE(auth_->Authenticate(login->token).value().mfa_enrolment_required);
  // The login answer itself says so, so the web app can send the admin to enrol at once.
  EXPECT_TRUE(LogIn("admin", kPassword).value().actor.mfa_enrolment_required);
}

TEST_P(AuthServiceTest, SettingsAreValidatedAllOrNothing) {
  auto login = LogIn("admin", kPassword);
  SecurityAdminService security = Security();
  auto bad = security.UpdateSettings(login->actor, {{"session_idle_minutes", std::int64_t{10}},
                                                    {"lockout_threshold", std::int64_t{99}},
                                                    {"no_such_setting", std::int64_t{1}},
                                                    {"require_mfa_for_admins", std::int64_t{1}},
                                                    {"password_min_length", true}});
  ASSERT_FALSE(bad);
  // Out of range, unknown, and a boolean and an integer of the wrong type.
  EXPECT_EQ(bad.error().details.size(), 4u);
  EXPECT_EQ(security.Settings().session_idle_minutes, 30);
  ASSERT_TRUE(security.UpdateSettings(login->actor, {{"password_min_length", std::int64_t{12}}}));
  EXPECT_EQ(auth_->CurrentPasswordPolicy().min_length, 12);
}

TEST_P(AuthServiceTest, SessionsAndLoginLogForAdministrators) {
  (void)LogIn("admin", "Wrong-Password-1");
  auto login = LogIn("admin", kPassword);
  ASSERT_TRUE(login);
  SecurityAdminService security = Security();
  auto sessions = security.ListSessions(login->actor, std::nullopt, 20, 0);
  ASSERT_EQ(sessions.total, 1);
  auto log = security.ListLoginLog(login->actor, {}, 20, 0);
  ASSERT_EQ(log.total, 2);
  EXPECT_EQ(log.items[0].outcome, "success");
  EXPECT_EQ(log.items[1].outcome, "failure");
  EXPECT_EQ(security.EndSession(login->actor, 999999).error().code, core::ErrorCode::kNotFound);
  ASSERT_TRUE(security.EndSession(login->actor, sessions.items[0].id));
  EXPECT_FALSE(auth_->Authenticate(login->token));
}

// 12 wrong passwords at once: the counter is one atomic statement, so exactly the 5th locks —
// five answers 401, the rest 423 — and the right password is refused afterwards.
TEST_P(AuthServiceTest, ParallelFailuresLockAtExactlyTheFifth) {
  std::atomic<int> unauthenticated{0};
  std::atomic<int> locked{0};
  std::atomic<int> other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 12; ++i) {
    threads.emplace_back([&, i] {
      auto r = auth_->Login("admin", "Wrong-Password-" + std::to_string(i), {"10.0.1.1", "test"});
      if (r) {
        ++other;
      } else if (r.error().code == core::ErrorCode::kUnauthenticated) {
        ++unauthenticated;
      } else if (r.error().code == core::ErrorCode::kLocked) {
        ++locked;
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(unauthenticated, 5);
  EXPECT_EQ(locked, 7);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(LogIn("admin", kPassword).error().code, core::ErrorCode::kLocked);
}

TEST_P(AuthServiceTest, UsernamesAndTheirLockoutIgnoreLetterCase) {
  EXPECT_TRUE(LogIn("ADMIN", kPassword));
  for (const char* variant : {"Admin", "aDmin", "adMin", "admIn", "admiN"}) {
    EXPECT_EQ(LogIn(variant, "Wrong-Password-1").error().code, core::ErrorCode::kUnauthenticated);
  }
  EXPECT_EQ(LogIn("admin", kPassword).error().code, core::ErrorCode::kLocked);
}

// The login log shows locks and rate limits with the user they concern, so a local
// administrator sees them among its users' attempts.
TEST_P(AuthServiceTest, LockRefusalsNameTheirUser) {
  for (int i = 0; i < 5; ++i) (void)LogIn("admin", "Wrong-Password-1");
  EXPECT_EQ(LogIn("admin", kPassword).error().code, core::ErrorCode::kLocked);
  store::Session session = db().Acquire();
  auto rows =
      session.Prepare("SELECT count(*), count(user_id) FROM login_log WHERE outcome = 'locked'");
  ASSERT_TRUE(rows.Next());
  EXPECT_GE(rows.row().Int(0), 1);
  EXPECT_EQ(rows.row().Int(0), rows.row().Int(1));  // every lock refusal names the user
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(AuthServiceTest);

}  // namespace
}  // namespace lianyin::domain::account
