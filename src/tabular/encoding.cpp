#include "tabular/encoding.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace lianyin::tabular {
namespace {

// The length of the well-formed UTF-8 sequence at `text[pos]`, or 0 if it is not one
// (Unicode 15, table 3-7).
std::size_t Utf8SequenceLength(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[pos + i]); };
  const std::uint8_t lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint8_t low = 0x80;
  std::uint8_t high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

// The offset of the first invalid UTF-8 sequence, or npos.
std::size_t FirstInvalidUtf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t length = Utf8SequenceLength(text, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

std::string_view StripBom(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  return bytes;
}

// Converts all of `input` with iconv; `from_name` is used in the error message.
core::Result<std::string> Convert(std::string_view input, const char* to, const char* from,
                                  std::string_view from_name) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    throw std::runtime_error(fmt::format("iconv_open({}, {}) failed", to, from));
  }
  std::string out(input.size() * 2 + 16, '\0');
  char* in_ptr = const_cast<char*>(input.data());  // iconv's signature is not const-correct
  std::size_t in_left = input.size();
  std::size_t produced = 0;
  core::Result<std::string> result = std::string();
  while (in_left > 0) {
    char* out_ptr = out.data() + produced;
    std::size_t out_left = out.size() - produced;
    const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    produced = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    const std::size_t offset = input.size() - in_left;
    result = core::Error::BadRequest(
        fmt::format("invalid {} byte sequence at byte offset {}", from_name, offset));
    break;
  }
  iconv_close(cd);
  if (!result) return result;
  out.resize(produced);
  return out;
}

}  // namespace

bool IsValidUtf8(std::string_view text) { return FirstInvalidUtf8(text) == std::string_view::npos; }

Encoding DetectEncoding(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom) || IsValidUtf8(bytes)) return Encoding::kUtf8;
  return Encoding::kGb18030;
}

core::Result<std::string> ToUtf8(std::string_view bytes, Encoding encoding) {
  if (encoding == Encoding::kGb18030) return Convert(bytes, "UTF-8", "GB18030", "GB18030");
  const std::size_t bom = bytes.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  const std::string_view text = StripBom(bytes);
  const std::size_t invalid = FirstInvalidUtf8(text);
  if (invalid != std::string_view::npos) {
    return core::Error::BadRequest(
        fmt::format("invalid UTF-8 byte sequence at byte offset {}", invalid + bom));
  }
  return std::string(text);
}

core::Result<std::string> FromUtf8ToGb18030(std::string_view utf8) {
  const std::size_t invalid = FirstInvalidUtf8(utf8);
  if (invalid != std::string_view::npos) {
    return core::Error::BadRequest(
        fmt::format("invalid UTF-8 byte sequence at byte offset {}", invalid));
  }
  return Convert(utf8, "GB18030", "UTF-8", "UTF-8");
}

}  // namespace lianyin::tabular
