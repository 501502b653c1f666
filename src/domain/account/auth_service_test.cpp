#include "domain/account/auth_service.hpp"

#include <gtest/gtest.h>

#include "core/totp.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/security_admin_service.hpp"
#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::account {
namespace {

constexpr const char* kPassword = "Lianyin-Test-2026";

class AuthServiceTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(region::RegionService(db()).Import({"test", "1", {{"110000", "北京市", "100000"}}}));
    ASSERT_TRUE(PlatformService(db(), ChainedAuditSink()).SetUpPlatform({"联引平台", "admin", kPassword}));
    auth_ = std::make_unique<AuthService>(db(), core::RandomBytes(32), Sink(),
                                          [this] { return core::DateTime{now_}; });
  }
  AuditSink Sink() {
    return [this](store::Session&, const Actor& who, const Change& change) {
      audited_.push_back(change.action + (change.success ? "" : "_failed") + ":" + who.username);
    };
  }
  core::Result<LoginResult> LogIn(const std::string& user, const std::string& password,
                                  const std::string& ip = "10.0.0.1") {
    auto outcome = auth_->Login(user, password, {ip, "test"});
    if (!outcome) return outcome.error();
    if (!std::holds_alternative<LoginResult>(*outcome)) return core::Error::Conflict("mfa");
    return std::get<LoginResult>(*outcome);
  }

  std::int64_t now_ = 1'700'000'000;
  std::unique_ptr<AuthService> auth_;
  std::vector<std::string> audited_;
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
  auth_->Logout(*actor);
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
  EXPECT_FALSE(auth_->LoginWithTotp(std::get<MfaChallenge>(*again).mfa_token, code,
                                    {"10.0.0.1", "test"}));

  ASSERT_TRUE(auth_->DisableTotp(session->actor, kPassword));
  EXPECT_TRUE(LogIn("admin", kPassword));
}

TEST_P(AuthServiceTest, AdminsWithoutTotpMustEnrolWhenTheSettingIsOn) {
  auto login = LogIn("admin", kPassword);
  ASSERT_TRUE(login);
  EXPECT_FALSE(auth_->Authenticate(login->token).value().mfa_enrolment_required);
  SecurityAdminService security(db(), Sink());
  ASSERT_TRUE(security.UpdateSettings(login->actor, {{"require_mfa_for_admins", 1}}));
  EXPECT_TRUE(auth_->Authenticate(login->token).value().mfa_enrolment_required);
  // The login answer itself says so, so the web app can send the admin to enrol at once.
  EXPECT_TRUE(LogIn("admin", kPassword).value().actor.mfa_enrolment_required);
}

TEST_P(AuthServiceTest, SettingsAreValidatedAllOrNothing) {
  auto login = LogIn("admin", kPassword);
  SecurityAdminService security(db(), Sink());
  auto bad = security.UpdateSettings(login->actor,
                                     {{"session_idle_minutes", 10}, {"lockout_threshold", 99},
                                      {"no_such_setting", 1}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().details.size(), 2u);
  EXPECT_EQ(security.Settings().session_idle_minutes, 30);
  ASSERT_TRUE(security.UpdateSettings(login->actor, {{"password_min_length", 12}}));
  EXPECT_EQ(auth_->CurrentPasswordPolicy().min_length, 12);
}

TEST_P(AuthServiceTest, SessionsAndLoginLogForAdministrators) {
  (void)LogIn("admin", "Wrong-Password-1");
  auto login = LogIn("admin", kPassword);
  ASSERT_TRUE(login);
  SecurityAdminService security(db(), Sink());
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

LIANYIN_INSTANTIATE_BACKEND_TESTS(AuthServiceTest);

}  // namespace
}  // namespace lianyin::domain::account
