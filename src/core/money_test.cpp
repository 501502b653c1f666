#include "core/money.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace lianyin::core {
namespace {

TEST(Money, ParseYuanAcceptsDecimalAmounts) {
  struct Case {
    std::string_view text;
    Fen fen;
  };
  const Case cases[] = {
      {"12.34", 1234},
      {"1,234.5", 123450},
      {"0.01", 1},
      {"0", 0},
      {"-3", -300},
      {"-0.05", -5},
      {"14640000", 1464000000},
      {"1,234,567.89", 123456789},
  };
  for (const Case& c : cases) {
    Result<Fen> r = ParseYuan(c.text);
    ASSERT_TRUE(r) << c.text;
    EXPECT_EQ(*r, c.fen) << c.text;
  }
}

TEST(Money, ParseYuanRejectsMalformedText) {
  const std::string_view cases[] = {
      "",
      "-",
      "1.234",
      "1e3",
      "+1",
      "1,23.00",
      "12,345,67",
      ",123",
      "1..2",
      "100.",
      ".5",
      "1.2.3",
      "abc",
      " 1",
      "1 ",
      "1,234.5,0",
      "--1",
      "1,2345",
      "1.-2",
      "12a",
      "0x10",
      "1,000,",
      "92233720368547758.08",
  };
  for (std::string_view text : cases) {
    Result<Fen> r = ParseYuan(text, "budget_fen");
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
    EXPECT_EQ(r.error().details.at(0).field, "budget_fen");
  }
}

TEST(Money, ParseYuanReachesTheInt64Limit) {
  Result<Fen> r = ParseYuan("92233720368547758.07");
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, std::numeric_limits<Fen>::max());
}

TEST(Money, FormatYuan) {
  struct Case {
    Fen fen;
    std::string_view plain;
    std::string_view grouped;
  };
  const Case cases[] = {
      {0, "0.00", "0.00"},
      {1, "0.01", "0.01"},
      {-5, "-0.05", "-0.05"},
      {123450, "1234.50", "1,234.50"},
      {1464000000, "14640000.00", "14,640,000.00"},
      {146400000000, "1464000000.00", "1,464,000,000.00"},
      {std::numeric_limits<Fen>::min(), "-92233720368547758.08", "-92,233,720,368,547,758.08"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatYuan(c.fen), c.plain);
    EXPECT_EQ(FormatYuanGrouped(c.fen), c.grouped);
  }
}

TEST(Money, FormatThenParseRoundTrips) {
  for (Fen fen : {Fen{0}, Fen{7}, Fen{-123456789}, Fen{100000000000}}) {
    EXPECT_EQ(ParseYuan(FormatYuan(fen)).value(), fen);
    EXPECT_EQ(ParseYuan(FormatYuanGrouped(fen)).value(), fen);
  }
}

TEST(Money, CheckedArithmeticReportsOverflow) {
  constexpr Fen kMax = std::numeric_limits<Fen>::max();
  EXPECT_EQ(CheckedAdd(100, 250).value(), 350);
  EXPECT_EQ(CheckedAdd(-100, 50).value(), -50);
  EXPECT_FALSE(CheckedAdd(kMax, 1));
  EXPECT_FALSE(CheckedAdd(std::numeric_limits<Fen>::min(), -1));
  EXPECT_EQ(CheckedMultiply(1234, 3).value(), 3702);
  EXPECT_FALSE(CheckedMultiply(kMax / 2 + 1, 2));
  Result<Fen> r = CheckedMultiply(kMax, -2, "total_fen");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().details.at(0).field, "total_fen");
}

TEST(FormatWanYuan, ShowsTenThousandsAndUpInWan) {
  EXPECT_EQ(FormatWanYuan(1'000'000), "¥1万元");         // 10 000 元
  EXPECT_EQ(FormatWanYuan(12'500'000), "¥12.5万元");     // 125 000 元
  EXPECT_EQ(FormatWanYuan(123'456'789), "¥123.46万元");  // 1 234 567.89 元
  EXPECT_EQ(FormatWanYuan(3'050'000), "¥3.05万元");
  EXPECT_EQ(FormatWanYuan(100'000'000'000), "¥100,000万元");  // 10 亿元
  EXPECT_EQ(FormatWanYuan(-12'500'000), "-¥12.5万元");
}

TEST(FormatWanYuan, RoundsHalfAwayFromZeroToHundredthsOfWan) {
  EXPECT_EQ(FormatWanYuan(1'234'999), "¥1.23万元");  // 12 349.99 元
  EXPECT_EQ(FormatWanYuan(1'235'000), "¥1.24万元");  // 12 350 元
  EXPECT_EQ(FormatWanYuan(9'999'999), "¥10万元");    // 99 999.99 元
}

TEST(FormatWanYuan, ShowsLessThanTenThousandExactlyInYuan) {
  EXPECT_EQ(FormatWanYuan(0), "¥0元");
  EXPECT_EQ(FormatWanYuan(850'000), "¥8,500元");
  EXPECT_EQ(FormatWanYuan(850'050), "¥8,500.50元");
  EXPECT_EQ(FormatWanYuan(999'999), "¥9,999.99元");
  EXPECT_EQ(FormatWanYuan(5), "¥0.05元");
}

TEST(FormatWanYuan, IsTotalAtTheLimits) {
  EXPECT_EQ(FormatWanYuan(std::numeric_limits<Fen>::max()), "¥9,223,372,036,854.78万元");
  EXPECT_EQ(FormatWanYuan(std::numeric_limits<Fen>::min()), "-¥9,223,372,036,854.78万元");
}

TEST(GroupDigits, SeparatesThousands) {
  EXPECT_EQ(GroupDigits(0), "0");
  EXPECT_EQ(GroupDigits(999), "999");
  EXPECT_EQ(GroupDigits(1000), "1,000");
  EXPECT_EQ(GroupDigits(1'234'567), "1,234,567");
  EXPECT_EQ(GroupDigits(-1'234), "-1,234");
}

}  // namespace
}  // namespace lianyin::core
