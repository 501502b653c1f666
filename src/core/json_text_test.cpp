#include "core/json_text.hpp"

#include <gtest/gtest.h>

namespace lianyin::core {
namespace {

std::string Quoted(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

TEST(JsonText, EscapesQuotesBackslashesAndControlsOnly) {
  EXPECT_EQ(Quoted(""), "\"\"");
  EXPECT_EQ(Quoted("工会 / é \x7f"), "\"工会 / é \x7f\"");
  EXPECT_EQ(Quoted("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(Quoted("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
  EXPECT_EQ(Quoted(std::string_view("\x00\x01\x1f", 3)), "\"\\u0000\\u0001\\u001f\"");
}

// The eight-byte scan must find an escape at every offset of a word and across words.
TEST(JsonText, FindsAnEscapeAtEveryPositionOfLongText) {
  for (std::size_t at = 0; at < 24; ++at) {
    std::string text(24, 'x');
    text[at] = '\n';
    std::string expected = "\"" + std::string(at, 'x') + "\\n" + std::string(23 - at, 'x') + "\"";
    EXPECT_EQ(Quoted(text), expected) << at;
  }
}

}  // namespace
}  // namespace lianyin::core
