#include "domain/account/auth_service.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"

#include <gtest/gtest.h>

#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::account {
namespace {

constexpr const char* kPassword = "Lianyin-Test-2026";

class AccountTest : public ::testing::Test {
 protected:
  void SetUp() override {
    region::RegionService regions(*db_);
    ASSERT_TRUE(regions.Import({"test", "1",
                                {{"110000", "北京市", "100000"},
                                 {"110100", "北京市", "110000"},
                                 {"610000", "陕西省", "100000"}}}));
    auto admin = PlatformService(*db_).SetUpPlatform({"联引平台", "admin", kPassword});
    ASSERT_TRUE(admin) << admin.error().message;
  }

  std::unique_ptr<store::Database> db_ = test_support::OpenTestDatabase();
  core::DateTime now_{1'700'000'000};
  AuthService service_{*db_, SessionPolicy{}, [this] { return now_; }};
  AuditSink units_audit_ = [](store::Session&, const Actor&, const Change&) {};
  UnitService units_{*db_, units_audit_};
};

TEST_F(AccountTest, SetUpOnlyOnce) {
  auto again = PlatformService(*db_).SetUpPlatform({"联引平台", "admin2", kPassword});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(units_.RootUnit().value().name, "联引平台");
}

TEST_F(AccountTest, SetUpRejectsAWeakAdminPassword) {
  auto fresh = test_support::OpenTestDatabase();
  auto r = PlatformService(*fresh).SetUpPlatform({"联引平台", "admin", "password"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().details.at(0).field, "admin_password");
  EXPECT_FALSE(UnitService(*fresh, units_audit_).RootUnit());
}

TEST_F(AccountTest, LoginAuthenticateLogout) {
  auto login = service_.Login("admin", kPassword, "127.0.0.1", "test");
  ASSERT_TRUE(login) << login.error().message;
  EXPECT_EQ(login->actor.unit_name, "联引平台");
  EXPECT_TRUE(login->actor.Can("anything:at:all"));
  EXPECT_GE(login->token.size(), 43u);  // 256 bits in base64url

  auto actor = service_.Authenticate(login->token);
  ASSERT_TRUE(actor);
  EXPECT_EQ(actor->user_id, login->actor.user_id);
  EXPECT_EQ(actor->csrf_token, login->actor.csrf_token);

  service_.Logout(actor->session_id);
  EXPECT_EQ(service_.Authenticate(login->token).error().code,
            core::ErrorCode::kUnauthenticated);
}

TEST_F(AccountTest, WrongPasswordAndUnknownUserLookTheSame) {
  auto wrong = service_.Login("admin", "Wrong-Password-1", "127.0.0.1", "test");
  auto unknown = service_.Login("nobody", kPassword, "127.0.0.1", "test");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, core::ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_F(AccountTest, SessionExpiresAfterThirtyIdleMinutes) {
  auto login = service_.Login("admin", kPassword, "127.0.0.1", "test");
  ASSERT_TRUE(login);
  now_.unix_seconds += 29 * 60;
  ASSERT_TRUE(service_.Authenticate(login->token));  // activity resets the idle clock
  now_.unix_seconds += 29 * 60;
  ASSERT_TRUE(service_.Authenticate(login->token));
  now_.unix_seconds += 31 * 60;
  EXPECT_FALSE(service_.Authenticate(login->token));
}

TEST_F(AccountTest, UnknownTokensAreRejected) {
  EXPECT_FALSE(service_.Authenticate(""));
  EXPECT_FALSE(service_.Authenticate("not-a-token"));
  EXPECT_FALSE(service_.Authenticate(std::string(1000, 'a')));
}

}  // namespace
}  // namespace lianyin::domain::account
