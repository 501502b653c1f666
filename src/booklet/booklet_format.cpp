#include "booklet/booklet_format.hpp"

#include <array>
#include <string_view>

namespace lianyin::booklet {
namespace {

// `line` without leading and trailing spaces, tabs and ideographic spaces (U+3000).
std::string_view TrimBlanks(std::string_view line) {
  static constexpr std::string_view kBlanks[] = {" ", "\t", "\u3000"};
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view blank : kBlanks) {
      while (line.starts_with(blank)) {
        line.remove_prefix(blank.size());
        trimmed = true;
      }
      while (line.ends_with(blank)) {
        line.remove_suffix(blank.size());
        trimmed = true;
      }
    }
  }
  return line;
}

}  // namespace

std::string ChineseNumeral(int value) {
  static constexpr std::array<const char*, 10> kDigits = {"",   "一", "二", "三", "四",
                                                          "五", "六", "七", "八", "九"};
  if (value < 1 || value > 99) return std::to_string(value);
  const int tens = value / 10;
  const int ones = value % 10;
  std::string out;
  if (tens > 1) out += kDigits[tens];
  if (tens > 0) out += "十";
  out += kDigits[ones];
  return out;
}

std::string OneParagraph(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

std::string JoinLines(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != '\n' && c != '\r') out += c == '\t' ? ' ' : c;
  }
  return out;
}

std::string StoryParagraphs(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const std::size_t end = text.find_first_of("\r\n");
    const std::string_view line = TrimBlanks(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.empty()) continue;
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

}  // namespace lianyin::booklet
