#pragma once
// SQL of a user's credentials: password hash and TOTP state. Kept apart from user_repo so that
// secrets are read in one place only.

#include <optional>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace lianyin::domain::account {

struct Credentials {
  std::int64_t user_id = 0;
  std::string password_hash;
  std::optional<std::string> totp_secret;          // sealed, hex
  std::optional<std::string> totp_pending_secret;  // sealed, hex
  std::int64_t totp_last_step = 0;
};

class CredentialRepo {
 public:
  explicit CredentialRepo(store::Session& session) : session_(session) {}

  std::optional<Credentials> Find(std::int64_t user_id);
  void SetPassword(std::int64_t user_id, std::string_view hash, bool must_change,
                   std::string_view now);
  void SetPendingTotp(std::int64_t user_id, const std::optional<std::string>& sealed);
  // Moves the pending secret into place (enable) or clears both (disable: nullopt).
  void SetTotp(std::int64_t user_id, const std::optional<std::string>& sealed);
  // Records the step of an accepted code; false when `step` is not newer (a replay).
  bool AdvanceTotpStep(std::int64_t user_id, std::int64_t step);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::account
