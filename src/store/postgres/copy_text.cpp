#include "store/postgres/copy_text.hpp"

#include <charconv>
#include <cmath>

namespace lianyin::store::postgres {
namespace {

void AppendEscaped(std::string& out, const std::string& text) {
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

void AppendHex(std::string& out, const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  // The field text must read "\x..." after COPY removes one level of backslashes.
  out += "\\\\x";
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0x0f];
  }
}

}  // namespace

std::string FormatDouble(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

void AppendCopyField(std::string& out, const Value& value) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Null>) {
          out += "\\N";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          out += std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          out += FormatDouble(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          AppendEscaped(out, v);
        } else {
          AppendHex(out, v.bytes);
        }
      },
      value);
}

void AppendCopyRow(std::string& out, const std::vector<Value>& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out += '\t';
    AppendCopyField(out, row[i]);
  }
  out += '\n';
}

}  // namespace lianyin::store::postgres
