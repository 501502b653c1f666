#include "domain/account/role_service.hpp"

#include <gtest/gtest.h>

#include "domain/account/account_test_fixture.hpp"

namespace lianyin::domain::account {
namespace {

class RoleServiceTest : public AccountFixture {};

TEST_P(RoleServiceTest, SetUpSeedsTheDefaultsAndActorsReadThem) {
  for (const RoleView& role : roles_->List()) {
    EXPECT_EQ(role.permissions, DefaultPermissions(role.code)) << role.code;
    EXPECT_FALSE(role.name.empty()) << role.code;
  }
  EXPECT_TRUE(admin_.Can("system:unit:delete"));
  Actor officer = MakeUser("officer", root_, {"union_officer"});
  EXPECT_TRUE(officer.Can("system:unit:list"));
  EXPECT_FALSE(officer.Can("system:unit:create"));
  recorder_.Clear();

  auto changed = roles_->SetPermissions(
      admin_, "union_officer", {"system:unit:list", "system:unit:create", "system:unit:list"});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->permissions,
            (std::vector<std::string>{"system:unit:create", "system:unit:list"}));
  EXPECT_TRUE(LogIn("officer").Can("system:unit:create"));
  ASSERT_EQ(Changes().size(), 1u);
  EXPECT_EQ(Changes()[0].entity, "role");
  EXPECT_EQ(Changes()[0].entity_id, "union_officer");
  EXPECT_EQ(Changes()[0].before.at("permissions").as_array().size(),
            DefaultPermissions("union_officer").size());
  EXPECT_EQ(Changes()[0].after.at("permissions").as_array().size(), 2u);
}

TEST_P(RoleServiceTest, UnknownPermissionsAndRolesAreRefused) {
  auto bad = roles_->SetPermissions(admin_, "expert", {"system:unit:list", "nope", "x:y:z"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, core::ErrorCode::kValidationFailed);
  EXPECT_EQ(bad.error().details.at(0).field, "permissions");
  EXPECT_NE(bad.error().details.at(0).message.find("nope, x:y:z"), std::string::npos);
  EXPECT_EQ(roles_->SetPermissions(admin_, "pope", {}).error().code, core::ErrorCode::kNotFound);
  EXPECT_TRUE(Changes().empty());
}

// The role → permission map is deployment-wide: a provincial administrator cannot change it,
// though it holds "*" in its subtree.
TEST_P(RoleServiceTest, OnlyThePlatformLevelChangesTheMap) {
  const std::int64_t province = MakeUnit("北京市总工会", UnitKind::kUnion, "110000", root_);
  Actor local = MakeUser("bj.admin", province, {"admin"});
  EXPECT_FALSE(local.platform_level);
  EXPECT_TRUE(admin_.platform_level);
  EXPECT_EQ(roles_->SetPermissions(local, "union_officer", {"system:unit:list"}).error().code,
            core::ErrorCode::kForbidden);
  EXPECT_EQ(roles_->List()[0].permissions, DefaultPermissions(roles_->List()[0].code));
}

TEST_P(RoleServiceTest, OnlyFullAdministratorsEscalate) {
  Actor security = MakeUser("security", root_, {"security_admin"});
  EXPECT_EQ(roles_->SetPermissions(security, "admin", {}).error().code,
            core::ErrorCode::kForbidden);
  EXPECT_EQ(roles_->SetPermissions(security, "expert", {"*"}).error().code,
            core::ErrorCode::kForbidden);
  EXPECT_EQ(roles_->SetPermissions(security, "security_admin", {"system:user:create"}).error().code,
            core::ErrorCode::kForbidden);
  EXPECT_TRUE(roles_->SetPermissions(security, "expert", {"system:login-log:list"}));
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(RoleServiceTest);

}  // namespace
}  // namespace lianyin::domain::account
