#include "core/json_text.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace lianyin::core {

namespace {

// The bytes a JSON string must escape: controls, '"' and '\\'.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] = true;
  table['"'] = table['\\'] = true;
  return table;
}();

// Index of the first byte at or after `from` that must be escaped, or text.size(). Eight bytes
// are tested at a time (a word holds one when it has a byte below 0x20, a '"' or a '\\'), the
// bytes of a word that may hold one one by one: a page is mostly plain text (measured: a list
// page spent a tenth of its time here testing byte by byte).
std::size_t NextEscaped(std::string_view text, std::size_t from) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHigh = 0x8080808080808080;
  // Nonzero when some byte of v is below n (n <= 0x80); may also flag bytes after such a byte.
  const auto has_below = [](std::uint64_t v, std::uint64_t n) {
    return (v - kOnes * n) & ~v & kHigh;
  };
  std::size_t i = from;
  while (i + 8 <= text.size()) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    if ((has_below(word, 0x20) | has_below(word ^ (kOnes * '"'), 1) |
         has_below(word ^ (kOnes * '\\'), 1)) == 0) {
      i += 8;
      continue;
    }
    for (const std::size_t end = i + 8; i < end; ++i) {
      if (kEscaped[static_cast<unsigned char>(text[i])]) return i;
    }
  }
  for (; i < text.size(); ++i) {
    if (kEscaped[static_cast<unsigned char>(text[i])]) return i;
  }
  return text.size();
}

void AppendEscape(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
  }
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  for (std::size_t plain = 0;;) {  // plain: start of the run copied as is
    const std::size_t i = NextEscaped(text, plain);
    out.append(text.substr(plain, i - plain));
    if (i == text.size()) break;
    AppendEscape(out, static_cast<unsigned char>(text[i]));
    plain = i + 1;
  }
  out += '"';
}

}  // namespace lianyin::core
