#pragma once
// Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA-1, 6 digits, 30-second steps,
// the parameters every authenticator app accepts.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.hpp"

namespace lianyin::core {

inline constexpr std::int64_t kTotpStepSeconds = 30;

// The step number of a Unix time: floor(t / 30).
std::int64_t TotpStep(std::int64_t unix_seconds);
// The 6-digit code (zero-padded) of `secret` at `step`.
std::string TotpCode(ByteView secret, std::int64_t step);
// The step within ±`window` steps of `unix_seconds` whose code equals `code` (compared in constant
// time), or nullopt. Callers reject a step at or before the last one accepted (no replay).
std::optional<std::int64_t> VerifyTotp(ByteView secret, std::string_view code,
                                       std::int64_t unix_seconds, int window = 1);
// otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
// with issuer and account percent-encoded.
std::string OtpauthUri(std::string_view issuer, std::string_view account, ByteView secret);

}  // namespace lianyin::core
