// Hex, base64url and base32 (declared in crypto.hpp).
#include <array>

#include "core/crypto.hpp"

namespace lianyin::core {
namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";
constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Packs `bits_per_char`-bit symbols MSB first; the inverse of EncodeBits.
// Returns nullopt on a symbol outside `alphabet` or non-zero leftover bits.
std::optional<Bytes> DecodeBits(std::string_view text, std::string_view alphabet,
                                int bits_per_char) {
  Bytes out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    std::size_t value = alphabet.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << bits_per_char) | static_cast<std::uint32_t>(value);
    bits += bits_per_char;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>(buffer >> bits));
      buffer &= (1u << bits) - 1;
    }
  }
  if (buffer != 0) return std::nullopt;
  return out;
}

std::string EncodeBits(ByteView bytes, std::string_view alphabet, int bits_per_char) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  const std::uint32_t mask = (1u << bits_per_char) - 1;
  for (std::uint8_t byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= bits_per_char) {
      bits -= bits_per_char;
      out.push_back(alphabet[(buffer >> bits) & mask]);
    }
    buffer &= (1u << bits) - 1;
  }
  if (bits > 0) out.push_back(alphabet[(buffer << (bits_per_char - bits)) & mask]);
  return out;
}

}  // namespace

std::string HexEncode(ByteView bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (std::uint8_t byte : bytes) {
    out.push_back(kHexDigits[byte >> 4]);
    out.push_back(kHexDigits[byte & 0x0F]);
  }
  return out;
}

std::optional<Bytes> HexDecode(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  Bytes out;
  out.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size(); i += 2) {
    int high = HexValue(text[i]);
    int low = HexValue(text[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<std::uint8_t>(high << 4 | low));
  }
  return out;
}

std::string Base64UrlEncode(ByteView bytes) { return EncodeBits(bytes, kBase64Url, 6); }

std::optional<Bytes> Base64UrlDecode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  return DecodeBits(text, kBase64Url, 6);
}

std::string Base32Encode(ByteView bytes, bool pad) {
  std::string out = EncodeBits(bytes, kBase32, 5);
  if (pad) out.resize((out.size() + 7) / 8 * 8, '=');
  return out;
}

std::optional<Bytes> Base32Decode(std::string_view text) {
  std::size_t padded_length = text.size();
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (padded_length != text.size() && padded_length != (text.size() + 7) / 8 * 8) {
    return std::nullopt;
  }
  // Complete symbols for 1..5 bytes leave 2, 4, 5, 7 or 0 characters in the last group.
  static constexpr std::array<bool, 8> kValidRemainder = {true, false, true,  false,
                                                          true, true,  false, true};
  if (!kValidRemainder[text.size() % 8]) return std::nullopt;
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return DecodeBits(upper, kBase32, 5);
}

}  // namespace lianyin::core
