// Authentication and security administration over HTTP (SPEC §3, docs/api.md).

#include <gtest/gtest.h>

#include "api/api_fixture.hpp"
#include "core/crypto.hpp"
#include "core/totp.hpp"

namespace lianyin::test {
namespace {

using AuthApiTest = ApiFixture;

HttpResult LoginAttempt(std::uint16_t port, const std::string& user, const std::string& password) {
  return Send(
      port, "POST", "/api/v1/auth/login", {},
      boost::json::serialize(boost::json::object{{"username", user}, {"password", password}}));
}

TEST_P(AuthApiTest, FifthFailureAnswers401ThenLocked423EvenWithTheRightPassword) {
  for (int i = 1; i <= 5; ++i) {
    EXPECT_EQ(LoginAttempt(port_, "admin", "Wrong-Passw0rd").status, 401) << i;
  }
  auto locked = LoginAttempt(port_, "admin", kPassword);
  EXPECT_EQ(locked.status, 423);
  EXPECT_EQ(ErrorCode(locked), "locked");
  EXPECT_FALSE(locked.Header("retry-after").empty());
}

TEST_P(AuthApiTest, MoreThanThirtyAttemptsAMinuteFromOneAddressAre429) {
  for (int i = 0; i < 30; ++i) {
    ASSERT_EQ(LoginAttempt(port_, "nobody" + std::to_string(i), "x").status, 401) << i;
  }
  auto limited = LoginAttempt(port_, "admin", kPassword);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(ErrorCode(limited), "too_many_requests");
  EXPECT_GT(std::stoi(limited.Header("retry-after")), 0);
}

TEST_P(AuthApiTest, PasswordChangeEndsOtherSessions) {
  const Session first = Login();
  const Session second = Login();
  auto weak = Call(second, "POST", "/api/v1/auth/password",
                   R"({"old_password":"Api-Test-Passw0rd","new_password":"short"})");
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(Json(weak).at("error").at("details").at(0).at("field").as_string(), "new_password");
  auto ok = Call(second, "POST", "/api/v1/auth/password",
                 R"({"old_password":"Api-Test-Passw0rd","new_password":"Changed-Passw0rd"})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Call(first, "GET", "/api/v1/auth/me").status, 401);
  EXPECT_EQ(Call(second, "GET", "/api/v1/auth/me").status, 200);
  EXPECT_EQ(LoginAttempt(port_, "admin", "Changed-Passw0rd").status, 200);
}

TEST_P(AuthApiTest, TotpEnrolmentAndTwoStepLogin) {
  const Session admin = Login();
  auto setup = Call(admin, "POST", "/api/v1/auth/totp/setup");
  ASSERT_EQ(setup.status, 200) << setup.body;
  EXPECT_TRUE(Json(setup).at("otpauth_uri").as_string().starts_with("otpauth://totp/"));
  const auto secret = core::Base32Decode(Json(setup).at("secret").as_string()).value();
  const auto code = [&] {
    return core::TotpCode(secret, core::TotpStep(core::Now().unix_seconds));
  };
  auto enable = Call(admin, "POST", "/api/v1/auth/totp/enable",
                     boost::json::serialize(boost::json::object{{"code", code()}}));
  ASSERT_EQ(enable.status, 200) << enable.body;
  EXPECT_TRUE(Json(Call(admin, "GET", "/api/v1/auth/me")).at("user").at("mfa_enabled").as_bool());

  auto first = LoginAttempt(port_, "admin", kPassword);
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(Json(first).at("mfa_required").as_bool());
  EXPECT_TRUE(first.Header("set-cookie").empty());
  const std::string token(Json(first).at("mfa_token").as_string());
  auto wrong = Send(port_, "POST", "/api/v1/auth/login/totp", {},
                    R"({"mfa_token":")" + token + R"(","code":"000000"})");
  EXPECT_EQ(wrong.status, 401);
  // The wrong code used the token up: start again.
  auto again = LoginAttempt(port_, "admin", kPassword);
  const std::string token2(Json(again).at("mfa_token").as_string());
  // The code that enabled TOTP is spent (no replay); the next step's code is inside the window.
  auto second =
      Send(port_, "POST", "/api/v1/auth/login/totp", {},
           boost::json::serialize(boost::json::object{
               {"mfa_token", token2},
               {"code", core::TotpCode(secret, core::TotpStep(core::Now().unix_seconds) + 1)}}));
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_FALSE(second.Header("set-cookie").empty());
}

TEST_P(AuthApiTest, SessionsLoginLogAndSettingsForAdministrators) {
  (void)LoginAttempt(port_, "admin", "Wrong-Passw0rd");
  const Session admin = Login();
  const Session other = Login();
  auto sessions = Call(admin, "GET", "/api/v1/sessions");
  ASSERT_EQ(sessions.status, 200) << sessions.body;
  EXPECT_EQ(Json(sessions).at("total").as_int64(), 2);
  std::int64_t other_id = 0;
  const boost::json::object list = Json(sessions);
  for (const auto& s : list.at("items").as_array()) {
    if (!s.at("current").as_bool()) other_id = s.at("id").as_int64();
  }
  ASSERT_GT(other_id, 0);
  EXPECT_EQ(Call(admin, "DELETE", "/api/v1/sessions/" + std::to_string(other_id)).status, 200);
  EXPECT_EQ(Call(other, "GET", "/api/v1/auth/me").status, 401);
  EXPECT_EQ(Call(admin, "DELETE", "/api/v1/sessions/999999").status, 404);

  auto log = Call(admin, "GET", "/api/v1/login-log?outcome=failure");
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_EQ(Json(log).at("total").as_int64(), 1);
  // The reason is stored as a message id and read in Chinese (English on request).
  EXPECT_EQ(Json(log).at("items").at(0).at("reason").as_string(), "密码错误");
  auto log_en = Send(port_, "GET", "/api/v1/login-log?outcome=failure",
                     {{"Cookie", admin.cookie}, {"Accept-Language", "en"}});
  EXPECT_EQ(Json(log_en).at("items").at(0).at("reason").as_string(), "wrong password");
  EXPECT_EQ(Call(admin, "GET", "/api/v1/login-log?outcome=maybe&from=soon").status, 422);

  auto bad = Call(admin, "PATCH", "/api/v1/settings",
                  R"({"lockout_threshold":99,"nonsense":1,"session_idle_minutes":"x"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Json(bad).at("error").at("details").as_array().size(), 3u);  // every field at once
  auto good = Call(admin, "PATCH", "/api/v1/settings", R"({"password_min_length":10})");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(Json(Call(admin, "GET", "/api/v1/settings")).at("password_min_length").as_int64(), 10);
}

TEST_P(AuthApiTest, AdminsMustEnrolTotpWhenRequired) {
  const Session admin = Login();
  ASSERT_EQ(Call(admin, "PATCH", "/api/v1/settings", R"({"require_mfa_for_admins":true})").status,
            200);
  auto blocked = Call(admin, "GET", "/api/v1/regions");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(ErrorCode(blocked), "mfa_enrolment_required");
  auto me = Call(admin, "GET", "/api/v1/auth/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_TRUE(Json(me).at("user").at("mfa_enrolment_required").as_bool());
  EXPECT_EQ(Call(admin, "POST", "/api/v1/auth/totp/setup").status, 200);
}

TEST_P(AuthApiTest, RefusedRequestsAreAuditedAsDenied) {
  const Session admin = Login();
  Session forged = admin;
  forged.csrf = "forged";
  EXPECT_EQ(Call(forged, "PATCH", "/api/v1/settings", R"({"password_min_length":10})").status, 403);
  auto denied = Call(admin, "GET", "/api/v1/audit?outcome=denied");
  ASSERT_EQ(denied.status, 200) << denied.body;
  ASSERT_EQ(Json(denied).at("total").as_int64(), 1);
  EXPECT_EQ(Json(denied).at("items").at(0).at("after").at("code").as_string(), "csrf_failed");
  EXPECT_TRUE(Json(Call(admin, "GET", "/api/v1/audit/verify")).at("ok").as_bool());
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(AuthApiTest);

}  // namespace
}  // namespace lianyin::test
