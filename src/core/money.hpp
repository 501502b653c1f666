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

// a + b, or Error::Invalid(field, "amount is too large") on int64 overflow.
Result<Fen> CheckedAdd(Fen a, Fen b, std::string_view field = "amount");

// fen * factor (e.g. a unit price times a quantity), or Error::Invalid on overflow.
Result<Fen> CheckedMultiply(Fen fen, std::int64_t factor, std::string_view field = "amount");

}  // namespace lianyin::core
