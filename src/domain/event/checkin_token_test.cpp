#include "domain/event/checkin_token.hpp"

#include <gtest/gtest.h>

#include <set>

namespace lianyin::domain::event {
namespace {

core::DateTime At(const std::string& text) { return core::ParseDateTime(text).value(); }

class CheckinTokenTest : public ::testing::Test {
 protected:
  const core::Bytes key_ = CheckinKey(core::AsBytes("deployment key"));
};

TEST_F(CheckinTokenTest, SlotsAreThirtySecondsLong) {
  const core::DateTime t = At("2023-05-10T09:00:00");
  EXPECT_EQ(SlotOf(t), SlotOf({t.unix_seconds + 29}));
  EXPECT_EQ(SlotOf(t) + 1, SlotOf({t.unix_seconds + 30}));
  EXPECT_EQ(SlotEnd(SlotOf(t)).unix_seconds, t.unix_seconds + 30);
  EXPECT_EQ(SlotOf({-1}), -1);
  EXPECT_EQ(SlotOf({-30}), -1);
  EXPECT_EQ(SlotOf({-31}), -2);
}

TEST_F(CheckinTokenTest, TheCurrentAndThePreviousSlotAreAccepted) {
  const core::DateTime t = At("2023-05-10T09:00:10");
  const std::string token = TokenFor(key_, 7, SlotOf(t));
  const std::string code = CodeFor(key_, 7, SlotOf(t));
  EXPECT_EQ(token.size(), 22u);
  EXPECT_EQ(code.size(), kCodeDigits);
  EXPECT_TRUE(AcceptsToken(key_, 7, token, t));
  EXPECT_TRUE(AcceptsToken(key_, 7, token, {t.unix_seconds + 49}));   // the next slot
  EXPECT_FALSE(AcceptsToken(key_, 7, token, {t.unix_seconds + 50}));  // two slots on
  EXPECT_FALSE(AcceptsToken(key_, 7, token, {t.unix_seconds - 11}));  // before it was shown
  EXPECT_TRUE(AcceptsCode(key_, 7, code, {t.unix_seconds + 49}));
  EXPECT_FALSE(AcceptsCode(key_, 7, code, {t.unix_seconds + 50}));
  // Another event, another key, a tampered token.
  EXPECT_FALSE(AcceptsToken(key_, 8, token, t));
  EXPECT_FALSE(AcceptsToken(CheckinKey(core::AsBytes("other")), 7, token, t));
  EXPECT_FALSE(AcceptsToken(key_, 7, token.substr(1), t));
  EXPECT_FALSE(AcceptsCode(key_, 7, "", t));
}

TEST_F(CheckinTokenTest, TokensRotateAndCodesAreSixDigits) {
  std::set<std::string> tokens, codes;
  const std::int64_t first = SlotOf(At("2023-05-10T09:00:00"));
  for (std::int64_t s = first; s < first + 200; ++s) {
    tokens.insert(TokenFor(key_, 7, s));
    const std::string code = CodeFor(key_, 7, s);
    ASSERT_EQ(code.size(), 6u);
    ASSERT_EQ(code.find_first_not_of("0123456789"), std::string::npos);
    codes.insert(code);
  }
  EXPECT_EQ(tokens.size(), 200u);
  EXPECT_GT(codes.size(), 195u);  // collisions of 6 digits are rare, not impossible
  EXPECT_EQ(TokenFor(key_, 7, first), TokenFor(key_, 7, first)) << "deterministic";
}

}  // namespace
}  // namespace lianyin::domain::event
