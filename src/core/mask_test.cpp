#include "core/mask.hpp"

#include <gtest/gtest.h>

namespace lianyin::core {
namespace {

TEST(Mask, ValidUtf8AndCodepointCount) {
  struct Case {
    std::string_view text;
    std::optional<std::size_t> count;
  };
  const Case cases[] = {
      {"", 0},
      {"abc", 3},
      {"王五", 2},
      {"工会 union", 8},
      {"\xF0\x9F\x98\x80", 1},         // U+1F600
      {"\xF4\x8F\xBF\xBF", 1},         // U+10FFFF
      {"\xEF\xBF\xBD", 1},             // U+FFFD
      {"\xC3", std::nullopt},          // truncated
      {"\xE7\x8E", std::nullopt},      // truncated 3-byte
      {"\x80", std::nullopt},          // lone continuation
      {"\xC0\xAF", std::nullopt},      // overlong '/'
      {"\xE0\x80\xAF", std::nullopt},  // overlong 3-byte
      {"\xF0\x80\x80\xAF", std::nullopt},
      {"\xED\xA0\x80", std::nullopt},      // surrogate U+D800
      {"\xF4\x90\x80\x80", std::nullopt},  // above U+10FFFF
      {"\xF5\x80\x80\x80", std::nullopt},
      {"\xFF", std::nullopt},
      {"ok\xE7\x8Ex", std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CodepointCount(c.text), c.count) << c.text;
    EXPECT_EQ(ValidUtf8(c.text), c.count.has_value()) << c.text;
  }
}

TEST(Mask, MaskIdNumber) {
  struct Case {
    std::string_view in;
    std::string_view out;
  };
  const Case cases[] = {
      {"11010519491231002X", "1101**********002X"},
      {"440304200002291236", "4403**********1236"},
      {"123456789", "1234*6789"},
      {"12345678", "********"},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(MaskIdNumber(c.in), c.out) << c.in;
}

TEST(Mask, MaskPhone) {
  struct Case {
    std::string_view in;
    std::string_view out;
  };
  const Case cases[] = {
      {"13912345678", "139****5678"},
      {"13812345678", "138****5678"},
      {"0755-62345678", "075******5678"},
      {"1234567", "*******"},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(MaskPhone(c.in), c.out) << c.in;
}

TEST(Mask, MaskNameKeepsTheFirstCharacter) {
  struct Case {
    std::string_view in;
    std::string_view out;
  };
  const Case cases[] = {
      {"王五", "王*"},
      {"王小明", "王**"},
      {"欧阳娜娜", "欧***"},
      {"Li Lei", "L*****"},
      {"\xF0\xA0\x80\x80\xE6\x98\x8E", "\xF0\xA0\x80\x80*"},  // 𠀀明: 4-byte first character
      {"王", "*"},
      {"", ""},
      {"\xE7\x8E", "*"},
  };
  for (const Case& c : cases) EXPECT_EQ(MaskName(c.in), c.out) << c.in;
}

}  // namespace
}  // namespace lianyin::core
