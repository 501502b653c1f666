#include "core/money.hpp"

#include <limits>

namespace lianyin::core {
namespace {

constexpr Fen kMaxFen = std::numeric_limits<Fen>::max();

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// True when `digits` is "1,234,567" shaped: first group 1-3 digits, then ",ddd" groups.
bool ValidGrouping(std::string_view digits) {
  std::size_t first_comma = digits.find(',');
  if (first_comma == std::string_view::npos) return true;
  if (first_comma == 0 || first_comma > 3) return false;
  for (std::size_t i = first_comma; i < digits.size(); i += 4) {
    if (digits[i] != ',' || i + 4 > digits.size()) return false;
    for (std::size_t j = i + 1; j < i + 4; ++j) {
      if (!IsDigit(digits[j])) return false;
    }
  }
  return true;
}

// Accumulates decimal digits (skipping ',') into `value`; false on overflow or a non-digit.
bool AccumulateDigits(std::string_view digits, Fen& value) {
  for (char c : digits) {
    if (c == ',') continue;
    if (!IsDigit(c)) return false;
    int d = c - '0';
    if (value > (kMaxFen - d) / 10) return false;
    value = value * 10 + d;
  }
  return true;
}

constexpr std::uint64_t kFenPerWan = 1'000'000;  // 1万元 = 10 000 元
constexpr std::uint64_t kFenPerHundredthWan = kFenPerWan / 100;

std::uint64_t Magnitude(std::int64_t value) {
  return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

std::string GroupThousands(std::string digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// 1250 hundredths → "12.5" (trailing zeros and a bare point dropped), or with `keep_zeros`
// always two decimals: "12.50"; the integer part grouped.
std::string WithHundredths(std::uint64_t hundredths, bool keep_zeros) {
  std::string out = GroupThousands(std::to_string(hundredths / 100));
  const std::uint64_t rest = hundredths % 100;
  if (rest == 0 && !keep_zeros) return out;
  out += '.';
  out += static_cast<char>('0' + rest / 10);
  if (rest % 10 != 0 || keep_zeros) out += static_cast<char>('0' + rest % 10);
  return out;
}

// Splits |fen| into yuan and fen digits without overflowing on INT64_MIN.
std::string FormatMagnitude(Fen fen, bool grouped) {
  std::uint64_t magnitude = Magnitude(fen);
  std::string yuan = std::to_string(magnitude / 100);
  std::uint64_t cents = magnitude % 100;
  if (grouped) yuan = GroupThousands(std::move(yuan));
  std::string out = fen < 0 ? "-" : "";
  out += yuan;
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

}  // namespace

Result<Fen> ParseYuan(std::string_view text, std::string_view field) {
  Error bad = Error::Invalid(std::string(field), "must be an amount in yuan like 12.34");
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  std::size_t dot = text.find('.');
  std::string_view integer = text.substr(0, dot);
  std::string_view decimals =
      dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (integer.empty() || !IsDigit(integer.front()) || !ValidGrouping(integer)) return bad;
  if (dot != std::string_view::npos && (decimals.empty() || decimals.size() > 2)) return bad;
  if (decimals.find(',') != std::string_view::npos) return bad;
  Fen value = 0;
  if (!AccumulateDigits(integer, value)) return bad;
  std::string fraction(decimals);
  fraction.resize(2, '0');
  Fen cents = 0;
  if (!AccumulateDigits(fraction, cents)) return bad;
  if (value > (kMaxFen - cents) / 100) {
    return Error::Invalid(std::string(field), "amount is too large");
  }
  value = value * 100 + cents;
  return negative ? -value : value;
}

std::string FormatYuan(Fen fen) { return FormatMagnitude(fen, false); }

std::string FormatYuanGrouped(Fen fen) { return FormatMagnitude(fen, true); }

std::string FormatWanYuan(Fen fen) {
  const std::uint64_t magnitude = Magnitude(fen);
  std::string out = fen < 0 ? "-¥" : "¥";
  if (magnitude < kFenPerWan) {
    // Below 1万元 the fen are shown exactly, both decimals ("8,500.5元" would read oddly).
    return out + WithHundredths(magnitude, magnitude % 100 != 0) + "元";
  }
  // Rounded half away from zero; the quotient cannot overflow since the divisor is 10 000.
  const std::uint64_t hundredths = magnitude / kFenPerHundredthWan +
                                   (magnitude % kFenPerHundredthWan >= kFenPerHundredthWan / 2);
  return out + WithHundredths(hundredths, false) + "万元";
}

std::string GroupDigits(std::int64_t value) {
  return (value < 0 ? "-" : "") + GroupThousands(std::to_string(Magnitude(value)));
}

Result<Fen> CheckedAdd(Fen a, Fen b, std::string_view field) {
  Fen sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) {
    return Error::Invalid(std::string(field), "amount is too large");
  }
  return sum;
}

Result<Fen> CheckedMultiply(Fen fen, std::int64_t factor, std::string_view field) {
  Fen product = 0;
  if (__builtin_mul_overflow(fen, factor, &product)) {
    return Error::Invalid(std::string(field), "amount is too large");
  }
  return product;
}

}  // namespace lianyin::core
