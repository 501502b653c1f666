#include "core/mask.hpp"

namespace lianyin::core {
namespace {

unsigned char Byte(std::string_view text, std::size_t at) {
  return static_cast<unsigned char>(text[at]);
}

bool IsContinuation(std::string_view text, std::size_t at) {
  return at < text.size() && (Byte(text, at) & 0xC0) == 0x80;
}

// Bytes in the well-formed code point starting at `at`, or 0 when it is malformed.
// The second-byte ranges follow the Unicode table of well-formed byte sequences.
std::size_t CodepointLength(std::string_view text, std::size_t at) {
  unsigned char lead = Byte(text, at);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (at + 1 >= text.size() || Byte(text, at + 1) < low || Byte(text, at + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!IsContinuation(text, at + i)) return 0;
  }
  return length;
}

std::string KeepEnds(std::string_view text, std::size_t head, std::size_t tail) {
  if (text.size() <= head + tail) return std::string(text.size(), '*');
  std::string out(text.substr(0, head));
  out.append(text.size() - head - tail, '*');
  out.append(text.substr(text.size() - tail));
  return out;
}

}  // namespace

std::optional<std::size_t> CodepointCount(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size(); ++count) {
    std::size_t length = CodepointLength(text, at);
    if (length == 0) return std::nullopt;
    at += length;
  }
  return count;
}

bool ValidUtf8(std::string_view text) { return CodepointCount(text).has_value(); }

std::string MaskIdNumber(std::string_view id_number) { return KeepEnds(id_number, 4, 4); }

std::string MaskPhone(std::string_view phone) { return KeepEnds(phone, 3, 4); }

std::string MaskName(std::string_view name) {
  if (name.empty()) return {};
  std::optional<std::size_t> count = CodepointCount(name);
  if (!count) return "*";
  if (*count == 1) return "*";
  std::string out(name.substr(0, CodepointLength(name, 0)));
  out.append(*count - 1, '*');
  return out;
}

}  // namespace lianyin::core
