#include "domain/account/login_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::account {
namespace {

TEST(Lockout, KeysIgnoreLetterCase) {
  EXPECT_EQ(LockoutKey("Admin"), "admin");
  EXPECT_EQ(LockoutKey("DupUser2"), LockoutKey("dupuser2"));
  EXPECT_EQ(LockoutKey("王伟"), "王伟");  // unknown usernames of any script stay as typed
}

TEST(Lockout, LockedOnlyUntilTheEnd) {
  const std::optional<FailureState> locked = FailureState{5, 1000, 1900};
  EXPECT_TRUE(IsLocked(locked, 1899));
  EXPECT_FALSE(IsLocked(locked, 1900));
  EXPECT_FALSE(IsLocked(FailureState{4, 1000, std::nullopt}, 1000));
  EXPECT_FALSE(IsLocked(std::nullopt, 1000));
}

TEST(RateLimiter, ThirtyAMinutePerKeyThenRetryAfter) {
  RateLimiter limiter;
  for (int i = 0; i < 30; ++i) EXPECT_FALSE(limiter.Admit("10.0.0.1", 100 + i, 30)) << i;
  auto refused = limiter.Admit("10.0.0.1", 140, 30);
  ASSERT_TRUE(refused);
  EXPECT_EQ(*refused, 20);                           // the attempt at 100 leaves the window at 160
  EXPECT_FALSE(limiter.Admit("10.0.0.2", 140, 30));  // other addresses are unaffected
  EXPECT_FALSE(limiter.Admit("10.0.0.1", 160, 30));  // the window slid
}

}  // namespace
}  // namespace lianyin::domain::account
