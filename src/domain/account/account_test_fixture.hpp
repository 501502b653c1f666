#pragma once
// Test-only: a set-up platform on every backend with regions of two provinces, the account
// services wired to a recording audit sink, and helpers to build a unit tree and log users in.

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

#include "domain/account/auth_service.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/role_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/account/user_service.hpp"
#include "domain/common/recording_sink.hpp"
#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::account {

inline constexpr const char* kTestPassword = "Lianyin-Test-2026";

class AccountFixture : public test_support::BackendTest {
 protected:
  void SetUp() override {
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    region::RegionService regions(db());
    ASSERT_TRUE(regions.Import({"test",
                                "1",
                                {{"110000", "北京市", "100000"},
                                 {"110100", "北京市", "110000"},
                                 {"110101", "东城区", "110100"},
                                 {"610000", "陕西省", "100000"},
                                 {"610100", "西安市", "610000"}}}));
    writer_ = std::make_unique<common::Writer>(
        db(), std::vector<common::ChangeSink*>{&cache_, &recorder_});
    ASSERT_TRUE(PlatformService(*writer_).SetUpPlatform({"联引平台", "admin", kTestPassword}));
    auth_ = std::make_unique<AuthService>(*writer_, core::RandomBytes(32), cache_);
    units_ = std::make_unique<UnitService>(*writer_, [this] { return now_; });
    users_ = std::make_unique<UserService>(*writer_, OrgCheck(), [this] { return now_; });
    roles_ = std::make_unique<RoleService>(*writer_);
    admin_ = LogIn("admin");
    root_ = admin_.unit_id;
    recorder_.Clear();
  }

  // Logins are changes too; these tests look at the changes of units, users and roles only.
  std::vector<common::Change> Changes() {
    std::vector<common::Change> out;
    for (common::Change& c : recorder_.changes()) {
      if (c.entity != "session") out.push_back(std::move(c));
    }
    return out;
  }

  // Organisations live in the org area, above this one: tests name org ids 1-99 as existing
  // and in every scope.
  static OrgInScopeCheck OrgCheck() {
    return [](store::Session&, const Scope&, std::int64_t id) { return id >= 1 && id < 100; };
  }

  // A session of `username` (the password step only).
  core::Result<LoginResult> SessionOf(const std::string& username, const std::string& password) {
    const ClientInfo client{"10.1.0." + std::to_string(++logins_ % 250), "test"};
    auto login = auth_->Login(username, password, client);
    if (!login) return login.error();
    return std::get<LoginResult>(*login);
  }

  Actor LogIn(const std::string& username, const std::string& password = kTestPassword) {
    // A fresh address per login keeps many logins clear of the per-address rate limit.
    const ClientInfo client{"10.0.0." + std::to_string(++logins_ % 250), "test"};
    auto login = auth_->Login(username, password, client);
    EXPECT_TRUE(login && std::holds_alternative<LoginResult>(*login)) << username;
    return login && std::holds_alternative<LoginResult>(*login)
               ? std::get<LoginResult>(*login).actor
               : Actor{};
  }

  // A unit created by the admin; fails the test on error.
  std::int64_t MakeUnit(const std::string& name, UnitKind kind, const std::string& region,
                        std::int64_t parent) {
    auto unit = units_->Create(admin_, {name, kind, region, parent, std::nullopt});
    EXPECT_TRUE(unit) << name << ": " << (unit ? "" : unit.error().message);
    return unit ? unit->unit.id : 0;
  }

  // A user created by the admin with kTestPassword; returns its logged-in actor.
  Actor MakeUser(const std::string& username, std::int64_t unit, std::vector<std::string> roles) {
    auto user = users_->Create(admin_, {username, kTestPassword, username, unit, roles});
    EXPECT_TRUE(user) << username << ": " << (user ? "" : user.error().message);
    return LogIn(username);
  }

  core::DateTime now_{1'700'000'000};  // 2023-11-15
  int logins_ = 0;
  SessionCache cache_;
  common::RecordingSink recorder_;
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<UnitService> units_;
  std::unique_ptr<UserService> users_;
  std::unique_ptr<RoleService> roles_;
  Actor admin_;
  std::int64_t root_ = 0;
};

}  // namespace lianyin::domain::account
