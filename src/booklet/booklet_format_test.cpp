#include "booklet/booklet_format.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace lianyin::booklet {
namespace {

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
  EXPECT_EQ(FormatWanYuan(std::numeric_limits<core::Fen>::max()), "¥9,223,372,036,854.78万元");
  EXPECT_EQ(FormatWanYuan(std::numeric_limits<core::Fen>::min()), "-¥9,223,372,036,854.78万元");
}

TEST(GroupDigits, SeparatesThousands) {
  EXPECT_EQ(GroupDigits(0), "0");
  EXPECT_EQ(GroupDigits(999), "999");
  EXPECT_EQ(GroupDigits(1000), "1,000");
  EXPECT_EQ(GroupDigits(1'234'567), "1,234,567");
  EXPECT_EQ(GroupDigits(-1'234), "-1,234");
}

TEST(ChineseNumeral, NumbersSections) {
  EXPECT_EQ(ChineseNumeral(1), "一");
  EXPECT_EQ(ChineseNumeral(8), "八");
  EXPECT_EQ(ChineseNumeral(10), "十");
  EXPECT_EQ(ChineseNumeral(12), "十二");
  EXPECT_EQ(ChineseNumeral(20), "二十");
  EXPECT_EQ(ChineseNumeral(35), "三十五");
  EXPECT_EQ(ChineseNumeral(99), "九十九");
  EXPECT_EQ(ChineseNumeral(0), "0");
  EXPECT_EQ(ChineseNumeral(100), "100");
}

TEST(OneParagraph, TurnsLineBreaksAndTabsIntoSpaces) {
  EXPECT_EQ(OneParagraph("西安市\r\n碑林区\t工会"), "西安市  碑林区 工会");
}

TEST(JoinLines, JoinsTheLinesOfATitle) {
  EXPECT_EQ(JoinLines("全国工会联系引导社会组织\r\n服务职工\t优秀项目选编"),
            "全国工会联系引导社会组织服务职工 优秀项目选编");
}

TEST(StoryParagraphs, DropsTypedIndentsAndBlankLines) {
  EXPECT_EQ(StoryParagraphs("　　第一段。\r\n\r\n  　第二段。  \n\n"), "第一段。\n第二段。");
  EXPECT_EQ(StoryParagraphs(" \n　\n"), "");
  EXPECT_EQ(StoryParagraphs("一段"), "一段");
}

}  // namespace
}  // namespace lianyin::booklet
