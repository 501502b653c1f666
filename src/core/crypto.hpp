#pragma once
// Cryptographic building blocks (SECURITY.md): randomness, SHA-256, HMAC-SHA256, AES-256-GCM for
// PII at rest, Argon2id password hashes, and the text encodings they travel in.
// Implemented over OpenSSL 3 EVP and libargon2; no library types appear here.
// Infrastructure faults (the RNG or a cipher context failing) throw std::runtime_error; bad input
// (malformed text, tampered ciphertext) is an ordinary return value. All functions are
// thread-safe.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::core {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// The bytes of `text`, valid while `text` is.
ByteView AsBytes(std::string_view text);
std::string ToString(ByteView bytes);

// `count` bytes from the OpenSSL CSPRNG. Throws std::runtime_error if it cannot supply them.
Bytes RandomBytes(std::size_t count);

// Lower-case hex. Decode accepts either case and returns nullopt on odd length or a non-hex digit.
std::string HexEncode(ByteView bytes);
std::optional<Bytes> HexDecode(std::string_view text);

// RFC 4648 §5 base64url without padding. Decode rejects '=', other alphabets, impossible lengths
// and non-zero trailing bits (so every byte string has exactly one accepted spelling).
std::string Base64UrlEncode(ByteView bytes);
std::optional<Bytes> Base64UrlDecode(std::string_view text);

// RFC 4648 §6 base32 ("MZXW6===" for "foo"), padded unless `pad` is false. Decode accepts upper
// or lower case with or without '=' padding; nullopt on any other character or a bad length.
std::string Base32Encode(ByteView bytes, bool pad = true);
std::optional<Bytes> Base32Decode(std::string_view text);

inline constexpr std::size_t kSha256Size = 32;
// The 32-byte digest / its lower-case hex.
Bytes Sha256(ByteView data);
std::string Sha256Hex(ByteView data);
// RFC 2104 HMAC with SHA-256; any key length. 32 bytes.
Bytes HmacSha256(ByteView key, ByteView message);
// HMAC-SHA-1, only for TOTP (RFC 6238's default, which authenticator apps expect).
Bytes HmacSha1(ByteView key, ByteView message);

// Compares in time independent of the contents (the lengths are not secret).
bool ConstantTimeEquals(ByteView a, ByteView b);

inline constexpr std::size_t kAesKeySize = 32;
inline constexpr std::size_t kGcmNonceSize = 12;
inline constexpr std::size_t kGcmTagSize = 16;

// AES-256-GCM with a fresh random 96-bit nonce: returns nonce ‖ ciphertext ‖ tag
// (plaintext size + 28 bytes). `associated_data` is authenticated, not stored; pass the same to
// Decrypt (e.g. table and column, so ciphertexts cannot be moved between fields).
// Throws std::invalid_argument unless key.size() == kAesKeySize; std::runtime_error on a library
// fault. Random nonces keep the key safe for well under 2^32 encryptions.
Bytes Encrypt(ByteView key, ByteView plaintext, ByteView associated_data = {});
// The plaintext, or nullopt when `sealed` is too short or was not produced by Encrypt with this key
// and associated data (any tampering fails the tag). Throws as Encrypt for a wrong key size.
std::optional<Bytes> Decrypt(ByteView key, ByteView sealed, ByteView associated_data = {});

// Argon2id cost. Defaults are RFC 9106's second recommended option (t=3, m=64 MiB, p=1): about
// 0.1-0.2 s per hash on a server core, memory-hard against GPU guessing, while 64 MiB per
// concurrent login stays affordable; p=1 because logins already run in parallel.
struct Argon2Params {
  std::uint32_t time_cost = 3;
  std::uint32_t memory_kib = 64 * 1024;
  std::uint32_t parallelism = 1;
};
inline constexpr Argon2Params kPasswordHashParams{};
// Cheap parameters for tests only.
inline constexpr Argon2Params kTestPasswordHashParams{1, 64, 1};
inline constexpr std::size_t kPasswordSaltSize = 16;
inline constexpr std::size_t kPasswordHashSize = 32;

// The cost HashPassword(password) uses: kPasswordHashParams, unless a test binary lowered it
// with UsePasswordHashParamsForTests before starting any thread (production code never calls it;
// verification always reads the cost from the stored hash, so both kinds of hash verify).
const Argon2Params& DefaultPasswordHashParams();
void UsePasswordHashParamsForTests(const Argon2Params& params);

// A PHC string "$argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>" with a random 16-byte salt.
// Throws std::runtime_error if hashing fails (e.g. out of memory).
std::string HashPassword(std::string_view password, const Argon2Params& params);
inline std::string HashPassword(std::string_view password) {
  return HashPassword(password, DefaultPasswordHashParams());
}
// True when `encoded` is an Argon2id PHC string of `password`; false for a wrong password or a
// malformed or non-Argon2id string. Costs are read from `encoded`, so only verify stored hashes.
bool VerifyPassword(std::string_view password, std::string_view encoded);

}  // namespace lianyin::core
