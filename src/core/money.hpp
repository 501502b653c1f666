#pragma once
// Money as integer fen (分). SPEC §2: every amount is an int64 count of fen; yuan strings exist
// only at the edges (import files, display).

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace lianyin::core {

using Fen = std::int64_t;

// Parses a yuan amount: optional leading '-', digits with optional ',' thousands separators
// (groups of exactly three after the first), optional '.' and one or two decimals.
// "12.34" → 1234, "1,234.5" → 123450, "0.01" → 1, "-3" → -300. Rejects blanks, exponents, '+',
// more than two decimals and values outside int64 fen: Error::Invalid(field, ...).
Result<Fen> ParseYuan(std::string_view text, std::string_view field = "amount");

// "1464000000.00", "-0.05": always two decimals, no separators. Total for all int64.
std::string FormatYuan(Fen fen);

// "1,464,000,000.00": as FormatYuan with ',' every three integer digits.
std::string FormatYuanGrouped(Fen fen);

// A contract amount as a reader of a Chinese report expects it. From 1万元 up: in 万元 to two
// decimals, rounded half away from zero, trailing zeros dropped, thousands grouped:
// 125 000.00 元 → "¥12.5万元", 1 234 567.89 → "¥123.46万元", 1 000 000 000 → "¥100,000万元".
// Below: in 元, ".00" dropped: 8 500.00 → "¥8,500元", 8 500.50 → "¥8,500.50元", 0 → "¥0元".
// Negative amounts get a leading '-' ("-¥12.5万元"). Total for all int64.
std::string FormatWanYuan(Fen fen);

// A count with ',' every three digits: 1234567 → "1,234,567". Total for all int64.
std::string GroupDigits(std::int64_t value);

// a + b, or Error::Invalid(field, "amount is too large") on int64 overflow.
Result<Fen> CheckedAdd(Fen a, Fen b, std::string_view field = "amount");

// fen * factor (e.g. a unit price times a quantity), or Error::Invalid on overflow.
Result<Fen> CheckedMultiply(Fen fen, std::int64_t factor, std::string_view field = "amount");

}  // namespace lianyin::core
