#pragma once
// Workers' personal data at rest (SPEC §2, SECURITY.md): the phone and the ID number are sealed
// with AES-256-GCM under the deployment key and looked up by a blind index. Pure: no database.
//
//   sealed   = hex(Encrypt(key, value, "workers.<column>:" + seal_id)), seal_id a random value
//              fixed per row, so a ciphertext copied to another row or column does not open;
//   index    = hex(HMAC-SHA256(index_key, "<column>:" + normalised value)), index_key =
//              HMAC-SHA256(key, "lianyin/worker-blind-index/v1"): equal values give equal indexes
//              (exact lookup, the unique phone), and without the key an index reveals nothing —
//              guessing the 10^11 phones needs the key, which never enters the database.
//   username = "worker-" + the first 32 hex digits of the phone's index: the account of a worker
//              activated by phone, so neither the users table nor the login log holds the phone.

#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.hpp"

namespace lianyin::domain::worker {

// The two personal columns.
enum class Personal { kPhone, kIdNumber };

class WorkerKeys {
 public:
  // `deployment_key`: the 32-byte key of app/keys.hpp. Throws std::invalid_argument otherwise.
  explicit WorkerKeys(core::Bytes deployment_key);

  // A fresh seal id (32 hex digits from the CSPRNG) for a row's first seal.
  static std::string NewSealId();
  // `value` sealed for `column` of the row with `seal_id`.
  std::string Seal(Personal column, std::string_view seal_id, std::string_view value) const;
  // The clear value, or nullopt when `sealed` was not sealed for this column and row with this
  // key (tampered, moved, or a different deployment key).
  std::optional<std::string> Unseal(Personal column, std::string_view seal_id,
                                    std::string_view sealed) const;
  // The blind index of a normalised value (core::NormaliseMobile / ParseResidentId output).
  std::string Index(Personal column, std::string_view normalised) const;
  // The username of the worker account of the phone whose index is `phone_index`.
  static std::string AccountUsername(std::string_view phone_index);
  // The username of the worker account a login name typed as a mobile number ("139 1234 5678",
  // "+8613912345678") stands for; nullopt when `typed` is not a mobile number.
  std::optional<std::string> LoginNameOf(std::string_view typed) const;

 private:
  core::Bytes key_;
  core::Bytes index_key_;
};

}  // namespace lianyin::domain::worker
