#include "domain/account/login_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::account {
namespace {

TEST(Lockout, FifthFailureWithinFifteenMinutesLocksForFifteenMinutes) {
  const LockoutPolicy policy;
  std::optional<FailureState> state;
  for (int i = 0; i < 4; ++i) {
    state = AfterFailure(state, 1000 + i * 200, policy);
    EXPECT_FALSE(IsLocked(state, 1000 + i * 200)) << i;
  }
  state = AfterFailure(state, 1850, policy);  // the 5th, 850 s after the first
  EXPECT_TRUE(IsLocked(state, 1850));
  EXPECT_TRUE(IsLocked(state, 1850 + 899));
  EXPECT_FALSE(IsLocked(state, 1850 + 900));
}

TEST(Lockout, FailuresOutsideTheWindowStartAgain) {
  const LockoutPolicy policy;
  std::optional<FailureState> state;
  for (int i = 0; i < 4; ++i) state = AfterFailure(state, 1000 + i, policy);
  state = AfterFailure(state, 1000 + 900, policy);  // the window has passed: count 1
  EXPECT_EQ(state->failures, 1);
  EXPECT_FALSE(IsLocked(state, 1900));
}

TEST(Lockout, AFailureAfterALockExpiredStartsANewCount) {
  const LockoutPolicy policy;
  std::optional<FailureState> state;
  for (int i = 0; i < 5; ++i) state = AfterFailure(state, 1000, policy);
  ASSERT_TRUE(IsLocked(state, 1000));
  state = AfterFailure(state, 1000 + 901, policy);
  EXPECT_EQ(state->failures, 1);
  EXPECT_FALSE(IsLocked(state, 1901));
}

TEST(RateLimiter, ThirtyAMinutePerKeyThenRetryAfter) {
  RateLimiter limiter;
  for (int i = 0; i < 30; ++i) EXPECT_FALSE(limiter.Admit("10.0.0.1", 100 + i, 30)) << i;
  auto refused = limiter.Admit("10.0.0.1", 140, 30);
  ASSERT_TRUE(refused);
  EXPECT_EQ(*refused, 20);  // the attempt at 100 leaves the window at 160
  EXPECT_FALSE(limiter.Admit("10.0.0.2", 140, 30));  // other addresses are unaffected
  EXPECT_FALSE(limiter.Admit("10.0.0.1", 160, 30));  // the window slid
}

}  // namespace
}  // namespace lianyin::domain::account
