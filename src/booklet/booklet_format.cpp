#include "booklet/booklet_format.hpp"

#include <array>
#include <string_view>

namespace lianyin::booklet {
namespace {

constexpr std::uint64_t kFenPerWan = 1'000'000;  // 1万元 = 10 000 元
constexpr std::uint64_t kFenPerHundredthWan = kFenPerWan / 100;

std::string GroupMagnitude(std::uint64_t magnitude) {
  const std::string digits = std::to_string(magnitude);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// 1250 hundredths → "12.5" (trailing zeros and a bare point dropped), or with `keep_zeros`
// always two decimals: "12.50".
std::string WithHundredths(std::uint64_t hundredths, bool keep_zeros) {
  std::string out = GroupMagnitude(hundredths / 100);
  const std::uint64_t rest = hundredths % 100;
  if (rest == 0 && !keep_zeros) return out;
  out += '.';
  out += static_cast<char>('0' + rest / 10);
  if (rest % 10 != 0 || keep_zeros) out += static_cast<char>('0' + rest % 10);
  return out;
}

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

std::string FormatWanYuan(core::Fen fen) {
  const std::uint64_t magnitude =
      fen < 0 ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  std::string out = fen < 0 ? "-¥" : "¥";
  if (magnitude < kFenPerWan) {
    // Below 1万元 the fen are shown exactly, both decimals ("8,500.5元" would read oddly).
    return out + WithHundredths(magnitude, magnitude % 100 != 0) + "元";
  }
  // Rounded half away from zero; the quotient cannot overflow since the divisor is 10 000.
  const std::uint64_t hundredths = magnitude / kFenPerHundredthWan +
                                   (magnitude % kFenPerHundredthWan >= kFenPerHundredthWan / 2);
  return out + WithHundredths(hundredths, false) + "万元";
}

std::string GroupDigits(std::int64_t value) {
  const std::uint64_t magnitude =
      value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  return (value < 0 ? "-" : "") + GroupMagnitude(magnitude);
}

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
