#include "tabular/encoding.hpp"

#include <gtest/gtest.h>

namespace lianyin::tabular {
namespace {

constexpr std::string_view kChinese = "社会组织名称,陕西省西安市\r\n";

TEST(Encoding, Gb18030RoundTripsChineseText) {
  core::Result<std::string> gb = FromUtf8ToGb18030(kChinese);
  ASSERT_TRUE(gb);
  EXPECT_NE(*gb, kChinese);
  EXPECT_EQ(gb->size(), 27u);  // two bytes per Han character, three ASCII
  EXPECT_EQ(DetectEncoding(*gb), Encoding::kGb18030);
  core::Result<std::string> back = ToUtf8(*gb, Encoding::kGb18030);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, kChinese);
}

TEST(Encoding, DetectsUtf8WithAndWithoutBom) {
  EXPECT_EQ(DetectEncoding(kChinese), Encoding::kUtf8);
  EXPECT_EQ(DetectEncoding(std::string(kUtf8Bom) + std::string(kChinese)), Encoding::kUtf8);
  EXPECT_EQ(DetectEncoding("plain,ascii\n"), Encoding::kUtf8);
  EXPECT_EQ(DetectEncoding(""), Encoding::kUtf8);
}

TEST(Encoding, ToUtf8StripsTheBom) {
  core::Result<std::string> text = ToUtf8(std::string(kUtf8Bom) + "a,b", Encoding::kUtf8);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "a,b");
}

TEST(Encoding, RejectsMalformedUtf8NamingTheOffset) {
  const std::string_view cases[] = {
      "ab\xC0\xAF",          // overlong '/'
      "ab\xED\xA0\x80",      // surrogate
      "ab\xE4\xBD",          // truncated
      "ab\xF5\x80\x80\x80",  // beyond U+10FFFF
  };
  for (std::string_view bytes : cases) {
    EXPECT_FALSE(IsValidUtf8(bytes)) << bytes;
    core::Result<std::string> text = ToUtf8(bytes, Encoding::kUtf8);
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().code, core::ErrorCode::kBadRequest);
    EXPECT_NE(text.error().message.find("offset 2"), std::string::npos) << text.error().message;
  }
}

TEST(Encoding, RejectsTruncatedGb18030NamingTheOffset) {
  core::Result<std::string> gb = FromUtf8ToGb18030("名称");
  ASSERT_TRUE(gb);
  const std::string truncated = "xy" + gb->substr(0, 3);
  core::Result<std::string> text = ToUtf8(truncated, Encoding::kGb18030);
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message.find("offset 4"), std::string::npos) << text.error().message;
}

TEST(Encoding, FromUtf8ToGb18030RejectsInvalidUtf8) { EXPECT_FALSE(FromUtf8ToGb18030("\xFF")); }

}  // namespace
}  // namespace lianyin::tabular
