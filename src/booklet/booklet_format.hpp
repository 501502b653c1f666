#pragma once
// How the booklet prints numbers and text: amounts in 万元, counts with separators, section
// numerals, fields as one paragraph, stories as paragraphs.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.hpp"

namespace lianyin::booklet {

// A contract amount as a reader of a Chinese report expects it. From 1万元 up: in 万元 to two
// decimals, rounded half away from zero, trailing zeros dropped, thousands grouped:
// 125 000.00 元 → "¥12.5万元", 1 234 567.89 → "¥123.46万元", 1 000 000 000 → "¥100,000万元".
// Below: in 元, ".00" dropped: 8 500.00 → "¥8,500元", 8 500.50 → "¥8,500.50元", 0 → "¥0元".
// Negative amounts get a leading '-' ("-¥12.5万元"). Total for all int64.
std::string FormatWanYuan(core::Fen fen);

// A count with ',' every three digits: 1234567 → "1,234,567". Total for all int64.
std::string GroupDigits(std::int64_t value);

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
