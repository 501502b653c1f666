#include "booklet/booklet_format.hpp"

#include <gtest/gtest.h>

namespace lianyin::booklet {
namespace {

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
