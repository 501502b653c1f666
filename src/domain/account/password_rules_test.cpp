#include "domain/account/password_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::account {
namespace {

TEST(PasswordRules, DefaultPolicy) {
  struct Case {
    const char* password;
    const char* username;
    bool ok;
  };
  const Case cases[] = {
      {"Abcdef12", "admin", true},       {"abcdef1!", "admin", true},
      {"ABCDEF1!", "admin", true},       {"Abc1!", "admin", false},
      {"abcdefgh", "admin", false},      {"abcdef12", "admin", false},
      {"xxAdmin12!", "admin", false},    {"xxADMIN12!", "Admin", false},
      {"工会Abc1234", "admin", true},    {"Abcdefgh", "admin", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(static_cast<bool>(CheckPasswordPolicy(c.password, c.username)), c.ok)
        << c.password;
  }
}

}  // namespace
}  // namespace lianyin::domain::account
