#include "domain/account/user_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::account {
namespace {

TEST(UserRulesTest, UsernamesAreThreeToSixtyFourSafeCharacters) {
  EXPECT_TRUE(IsValidUsername("wang.wei_01-a"));
  EXPECT_FALSE(IsValidUsername("ab"));
  EXPECT_TRUE(IsValidUsername(std::string(64, 'a')));
  EXPECT_FALSE(IsValidUsername(std::string(65, 'a')));
  EXPECT_FALSE(IsValidUsername("wang wei"));
  EXPECT_FALSE(IsValidUsername("王伟伟"));
}

TEST(UserRulesTest, RolesMustBeKnownAndCarryTheirIds) {
  std::vector<core::FieldError> errors;
  CheckRoles({}, std::nullopt, std::nullopt, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "roles");

  errors.clear();
  CheckRoles({"org_member", "worker", "pope"}, std::nullopt, std::nullopt, errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "roles");
  EXPECT_EQ(errors[1].field, "org_id");
  EXPECT_EQ(errors[2].field, "worker_id");

  errors.clear();
  CheckRoles({"org_member"}, 7, std::nullopt, errors);
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace lianyin::domain::account
