#include "core/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <climits>
#include <memory>
#include <stdexcept>

namespace lianyin::core {
namespace {

struct CipherContextDeleter {
  void operator()(EVP_CIPHER_CTX* context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

CipherContext NewCipherContext() {
  CipherContext context(EVP_CIPHER_CTX_new());
  if (!context) throw std::runtime_error("EVP_CIPHER_CTX_new failed");
  return context;
}

void Require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(what);
}

void RequireKeySize(ByteView key) {
  if (key.size() != kAesKeySize) throw std::invalid_argument("AES-256-GCM needs a 32-byte key");
}

int IntSize(ByteView bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw std::invalid_argument("input too large for one cipher call");
  }
  return static_cast<int>(bytes.size());
}

// Runs `update` over the associated data then the payload; returns the bytes written to `out`.
template <typename Update>
int CipherUpdate(EVP_CIPHER_CTX* context, Update update, ByteView associated_data, ByteView input,
                 std::uint8_t* out) {
  int length = 0;
  if (!associated_data.empty()) {
    Require(
        update(context, nullptr, &length, associated_data.data(), IntSize(associated_data)) == 1,
        "GCM associated data failed");
  }
  length = 0;
  if (!input.empty()) {
    Require(update(context, out, &length, input.data(), IntSize(input)) == 1, "GCM update failed");
  }
  return length;
}

}  // namespace

ByteView AsBytes(std::string_view text) {
  return ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

std::string ToString(ByteView bytes) { return std::string(bytes.begin(), bytes.end()); }

Bytes RandomBytes(std::size_t count) {
  Bytes out(count);
  if (count > static_cast<std::size_t>(INT_MAX) ||
      RAND_bytes(out.data(), static_cast<int>(count)) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  return out;
}

namespace {

// Fetched once: EVP_sha256() makes OpenSSL 3 look the implementation up on every call, which
// cost more than hashing a session token (measured: docs/BENCHMARKS.md, HTTP).
const EVP_MD* Sha256Md() {
  static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(
      EVP_MD_fetch(nullptr, "SHA256", nullptr), &EVP_MD_free);
  Require(md != nullptr, "EVP_MD_fetch(SHA256) failed");
  return md.get();
}

}  // namespace

Bytes Sha256(ByteView data) {
  // One context per thread, reused: EVP_Digest allocates and frees one per call.
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
      EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  Require(context != nullptr, "EVP_MD_CTX_new failed");
  Bytes digest(kSha256Size);
  unsigned int length = 0;
  Require(EVP_DigestInit_ex2(context.get(), Sha256Md(), nullptr) == 1 &&
              EVP_DigestUpdate(context.get(), data.data(), data.size()) == 1 &&
              EVP_DigestFinal_ex(context.get(), digest.data(), &length) == 1,
          "SHA-256 failed");
  return digest;
}

std::string Sha256Hex(ByteView data) { return HexEncode(Sha256(data)); }

namespace {

Bytes Hmac(const char* digest, std::size_t size, ByteView key, ByteView message) {
  Bytes mac(size);
  std::size_t length = 0;
  // EVP_Q_mac rejects a null key pointer even for an empty key.
  static constexpr std::uint8_t kEmptyKey[1] = {0};
  const std::uint8_t* key_data = key.empty() ? kEmptyKey : key.data();
  Require(EVP_Q_mac(nullptr, "HMAC", nullptr, digest, nullptr, key_data, key.size(), message.data(),
                    message.size(), mac.data(), mac.size(), &length) != nullptr,
          "EVP_Q_mac failed");
  return mac;
}

}  // namespace

Bytes HmacSha256(ByteView key, ByteView message) {
  return Hmac("SHA256", kSha256Size, key, message);
}

Bytes HmacSha1(ByteView key, ByteView message) { return Hmac("SHA1", 20, key, message); }

bool ConstantTimeEquals(ByteView a, ByteView b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

Bytes Encrypt(ByteView key, ByteView plaintext, ByteView associated_data) {
  RequireKeySize(key);
  Bytes sealed = RandomBytes(kGcmNonceSize);
  sealed.resize(kGcmNonceSize + plaintext.size() + kGcmTagSize);
  CipherContext context = NewCipherContext();
  Require(EVP_EncryptInit_ex2(context.get(), EVP_aes_256_gcm(), key.data(), sealed.data(),
                              nullptr) == 1,
          "GCM init failed");
  std::uint8_t* out = sealed.data() + kGcmNonceSize;
  int written = CipherUpdate(context.get(), EVP_EncryptUpdate, associated_data, plaintext, out);
  int final_length = 0;
  Require(EVP_EncryptFinal_ex(context.get(), out + written, &final_length) == 1,
          "GCM final failed");
  Require(EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_AEAD_GET_TAG, kGcmTagSize,
                              out + plaintext.size()) == 1,
          "GCM tag failed");
  return sealed;
}

std::optional<Bytes> Decrypt(ByteView key, ByteView sealed, ByteView associated_data) {
  RequireKeySize(key);
  if (sealed.size() < kGcmNonceSize + kGcmTagSize) return std::nullopt;
  ByteView ciphertext = sealed.subspan(kGcmNonceSize, sealed.size() - kGcmNonceSize - kGcmTagSize);
  Bytes tag(sealed.end() - kGcmTagSize, sealed.end());
  Bytes plaintext(ciphertext.size());
  CipherContext context = NewCipherContext();
  Require(EVP_DecryptInit_ex2(context.get(), EVP_aes_256_gcm(), key.data(), sealed.data(),
                              nullptr) == 1,
          "GCM init failed");
  int written =
      CipherUpdate(context.get(), EVP_DecryptUpdate, associated_data, ciphertext, plaintext.data());
  Require(EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_AEAD_SET_TAG, kGcmTagSize, tag.data()) == 1,
          "GCM set tag failed");
  int final_length = 0;
  if (EVP_DecryptFinal_ex(context.get(), plaintext.data() + written, &final_length) != 1) {
    return std::nullopt;
  }
  return plaintext;
}

}  // namespace lianyin::core
