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
    ASSERT_TRUE(PlatformService(db(), ChainedAuditSink()).SetUpPlatform({"联引平台", "admin", kTestPassword}));
    // Logins are audited too, but these tests look at the changes of units, users and roles only.
    auth_ = std::make_unique<AuthService>(db(), core::RandomBytes(32),
                                          [](store::Session&, const Actor&, const Change&) {});
    units_ = std::make_unique<UnitService>(db(), Sink(), [this] { return now_; });
    users_ = std::make_unique<UserService>(db(), Sink(), [this] { return now_; });
    roles_ = std::make_unique<RoleService>(db(), Sink());
    admin_ = LogIn("admin");
    root_ = admin_.unit_id;
  }

  AuditSink Sink() {
    return [this](store::Session&, const Actor&, const Change& change) {
      std::lock_guard<std::mutex> lock(changes_mutex_);
      changes_.push_back(change);
    };
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
  std::mutex changes_mutex_;
  std::vector<Change> changes_;  // guarded by changes_mutex_ while other threads run
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<UnitService> units_;
  std::unique_ptr<UserService> users_;
  std::unique_ptr<RoleService> roles_;
  Actor admin_;
  std::int64_t root_ = 0;
};

}  // namespace lianyin::domain::account
