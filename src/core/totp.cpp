#include "core/totp.hpp"

#include <fmt/format.h>

namespace lianyin::core {
namespace {

std::string PercentEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~';
    out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace

std::int64_t TotpStep(std::int64_t unix_seconds) {
  // Floor division, so times before 1970 still map to the step that contains them.
  return unix_seconds >= 0 ? unix_seconds / kTotpStepSeconds
                           : -((-unix_seconds + kTotpStepSeconds - 1) / kTotpStepSeconds);
}

std::string TotpCode(ByteView secret, std::int64_t step) {
  std::uint8_t counter[8];
  auto value = static_cast<std::uint64_t>(step);
  for (int i = 7; i >= 0; --i, value >>= 8) counter[i] = static_cast<std::uint8_t>(value & 0xff);
  const Bytes mac = HmacSha1(secret, ByteView(counter, sizeof counter));
  // Dynamic truncation (RFC 4226 §5.3).
  const unsigned offset = mac[19] & 0x0f;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                               static_cast<std::uint32_t>(mac[offset + 3]);
  return fmt::format("{:06d}", binary % 1'000'000);
}

std::optional<std::int64_t> VerifyTotp(ByteView secret, std::string_view code,
                                       std::int64_t unix_seconds, int window) {
  if (code.size() != 6) return std::nullopt;
  const std::int64_t now = TotpStep(unix_seconds);
  for (std::int64_t step = now - window; step <= now + window; ++step) {
    if (ConstantTimeEquals(AsBytes(TotpCode(secret, step)), AsBytes(code))) return step;
  }
  return std::nullopt;
}

std::string OtpauthUri(std::string_view issuer, std::string_view account, ByteView secret) {
  const std::string name = PercentEncode(issuer);
  return fmt::format("otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits=6&period=30",
                     name, PercentEncode(account), Base32Encode(secret, /*pad=*/false), name);
}

}  // namespace lianyin::core
