#pragma once
// How the booklet prints text: section numerals, fields as one paragraph, stories as
// paragraphs.

#include <string>
#include <string_view>

namespace lianyin::booklet {

// Amounts and counts print with core::FormatWanYuan and core::GroupDigits (core/money.hpp).

// The Chinese numeral of 1–99 as sections are numbered: 1 → "一", 10 → "十", 12 → "十二",
// 20 → "二十", 35 → "三十五"; other values as Arabic digits.
std::string ChineseNumeral(int value);

// A field shown as one paragraph: line breaks and tabs become spaces.
std::string OneParagraph(std::string_view text);
// `text` with its line breaks removed, as the lines of a Chinese title join ("社会组织\n服务" →
// "社会组织服务"); tabs become spaces.
std::string JoinLines(std::string_view text);
// A story as paragraphs, one per line, leading and trailing blanks (also U+3000) removed, empty
// lines dropped.
std::string StoryParagraphs(std::string_view text);

}  // namespace lianyin::booklet
