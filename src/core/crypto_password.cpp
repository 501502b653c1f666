// Argon2id password hashing (declared in crypto.hpp).
#include <argon2.h>

#include <stdexcept>
#include <string>

#include "core/crypto.hpp"

namespace lianyin::core {
namespace {

Argon2Params default_params = kPasswordHashParams;

}  // namespace

const Argon2Params& DefaultPasswordHashParams() { return default_params; }

void UsePasswordHashParamsForTests(const Argon2Params& params) { default_params = params; }

std::string HashPassword(std::string_view password, const Argon2Params& params) {
  Bytes salt = RandomBytes(kPasswordSaltSize);
  std::size_t encoded_length =
      argon2_encodedlen(params.time_cost, params.memory_kib, params.parallelism, kPasswordSaltSize,
                        kPasswordHashSize, Argon2_id);
  std::string encoded(encoded_length, '\0');
  int status = argon2id_hash_encoded(params.time_cost, params.memory_kib, params.parallelism,
                                     password.data(), password.size(), salt.data(), salt.size(),
                                     kPasswordHashSize, encoded.data(), encoded.size());
  if (status != ARGON2_OK) {
    throw std::runtime_error(std::string("argon2id hashing failed: ") +
                             argon2_error_message(status));
  }
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool VerifyPassword(std::string_view password, std::string_view encoded) {
  if (!encoded.starts_with("$argon2id$")) return false;
  // argon2id_verify needs a NUL-terminated string.
  std::string terminated(encoded);
  if (terminated.find('\0') != std::string::npos) return false;
  return argon2id_verify(terminated.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace lianyin::core
