#pragma once
// Masking of personal data for responses, exports and logs (SPEC §2, SECURITY.md), and the
// UTF-8 helpers it needs.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lianyin::core {

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points
// above U+10FFFF). The empty string is valid.
bool ValidUtf8(std::string_view text);

// The number of code points in `text`, or nullopt when it is not valid UTF-8.
std::optional<std::size_t> CodepointCount(std::string_view text);

// Keeps the first 4 and last 4 characters, one '*' for each other byte:
// "11010519491231002X" → "1101**********002X". Input of 8 bytes or fewer is fully masked.
std::string MaskIdNumber(std::string_view id_number);

// Keeps the first 3 and last 4 characters: "13912345678" → "139****5678". Input of 7 bytes or
// fewer is fully masked.
std::string MaskPhone(std::string_view phone);

// Keeps the first character (code point) and puts one '*' for each other: "王五" → "王*",
// "王小明" → "王**", "Li Lei" → "L*****". A one-character name becomes "*" (keeping it would show
// it whole); empty stays empty; invalid UTF-8 becomes "*".
std::string MaskName(std::string_view name);

}  // namespace lianyin::core
