#include "http/json_writer.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace lianyin::http {

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ > 0) {
    if (has_member_ & 1) out_ += ',';
    has_member_ |= 1;
  }
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  if (depth_ == 64) throw std::logic_error("JsonWriter: nested deeper than 64 levels");
  out_ += bracket;
  has_member_ <<= 1;
  ++depth_;
}

void JsonWriter::Close(char bracket) {
  out_ += bracket;
  has_member_ >>= 1;
  --depth_;
}

JsonWriter& JsonWriter::BeginObject() {
  Open('{');
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  Close('}');
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  Open('[');
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  Close(']');
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  out_ += '"';
  out_.append(key);
  out_.append("\":", 2);
  after_key_ = true;
  return *this;
}

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

JsonWriter& JsonWriter::String(std::string_view text) {
  BeforeValue();
  out_ += '"';
  for (std::size_t plain = 0;;) {  // plain: start of the run copied as is
    const std::size_t i = NextEscaped(text, plain);
    out_.append(text.substr(plain, i - plain));
    if (i == text.size()) break;
    AppendEscape(out_, static_cast<unsigned char>(text[i]));
    plain = i + 1;
  }
  out_ += '"';
  return *this;
}

JsonWriter& JsonWriter::Int(std::int64_t value) {
  BeforeValue();
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, end);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_.append(json);
  return *this;
}

}  // namespace lianyin::http
