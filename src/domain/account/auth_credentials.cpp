// AuthService: password changes and TOTP enrolment.

#include <boost/json.hpp>

#include "core/totp.hpp"
#include "domain/account/auth_internal.hpp"
#include "domain/account/auth_service.hpp"
#include "domain/account/credential_repo.hpp"
#include "domain/account/session_repo.hpp"

namespace lianyin::domain::account {

using namespace internal;  // NOLINT(google-build-using-namespace): the area's own helpers

namespace {

constexpr std::size_t kTotpSecretBytes = 20;  // 160 bits, RFC 4226's recommendation
constexpr const char* kTotpIssuer = "Lianyin";

// Binds a sealed secret to its row, so it cannot be copied to another user.
std::string AssociatedData(std::int64_t user_id) {
  return "users.totp_secret:" + std::to_string(user_id);
}

}  // namespace

const std::string& internal::DummyHash() {
  static const std::string hash = core::HashPassword("lianyin-dummy-password");
  return hash;
}

std::string AuthService::Seal(std::int64_t user_id, core::ByteView secret) const {
  return core::HexEncode(core::Encrypt(key_, secret, core::AsBytes(AssociatedData(user_id))));
}

std::optional<core::Bytes> AuthService::Unseal(std::int64_t user_id,
                                               std::string_view sealed) const {
  auto bytes = core::HexDecode(sealed);
  if (!bytes) return std::nullopt;
  return core::Decrypt(key_, *bytes, core::AsBytes(AssociatedData(user_id)));
}

core::Result<void> AuthService::ChangePassword(const Actor& actor, std::string_view old_password,
                                               std::string_view new_password) {
  const PasswordPolicy policy = CurrentPasswordPolicy();
  store::Session session = db_.Acquire();
  auto credentials = CredentialRepo(session).Find(actor.user_id);
  if (!credentials || !core::VerifyPassword(old_password, credentials->password_hash)) {
    return core::Error::Invalid("old_password", "is wrong");
  }
  if (old_password == new_password) {
    return core::Error::Invalid("new_password", "must differ from the old password");
  }
  if (auto ok = CheckPasswordPolicy(new_password, actor.username, "new_password", policy); !ok) {
    return ok.error();
  }
  const std::string hash = core::HashPassword(new_password);
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  CredentialRepo(session).SetPassword(actor.user_id, hash, false, At(clock_().unix_seconds));
  const std::int64_t ended = SessionRepo(session).DeleteUserSessions(actor.user_id, actor.session_id);
  audit_(session, actor,
         {"change_password", "user", std::to_string(actor.user_id), nullptr,
          boost::json::object{{"other_sessions_ended", ended}}});
  tx.Commit();
  return {};
}

core::Result<TotpEnrolment> AuthService::BeginTotp(const Actor& actor) {
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  CredentialRepo credentials(session);
  auto current = credentials.Find(actor.user_id);
  if (!current) return core::Error::NotFound();
  if (current->totp_secret) return core::Error::Conflict("two-factor login is already on");
  const core::Bytes secret = core::RandomBytes(kTotpSecretBytes);
  credentials.SetPendingTotp(actor.user_id, Seal(actor.user_id, secret));
  tx.Commit();
  return TotpEnrolment{core::Base32Encode(secret, /*pad=*/false),
                       core::OtpauthUri(kTotpIssuer, actor.username, secret)};
}

core::Result<void> AuthService::EnableTotp(const Actor& actor, std::string_view code) {
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  CredentialRepo credentials(session);
  auto current = credentials.Find(actor.user_id);
  if (!current || !current->totp_pending_secret) {
    return core::Error::Conflict("start the enrolment first");
  }
  auto secret = Unseal(actor.user_id, *current->totp_pending_secret);
  auto step = secret ? core::VerifyTotp(*secret, code, clock_().unix_seconds) : std::nullopt;
  if (!step) return core::Error::Invalid("code", "is not the current code");
  credentials.SetTotp(actor.user_id, current->totp_pending_secret);
  credentials.AdvanceTotpStep(actor.user_id, *step);
  audit_(session, actor, {"enable_totp", "user", std::to_string(actor.user_id), nullptr, nullptr});
  tx.Commit();
  return {};
}

core::Result<void> AuthService::DisableTotp(const Actor& actor, std::string_view password) {
  store::Session session = db_.Acquire();
  auto current = CredentialRepo(session).Find(actor.user_id);
  if (!current || !core::VerifyPassword(password, current->password_hash)) {
    return core::Error::Invalid("password", "is wrong");
  }
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  CredentialRepo(session).SetTotp(actor.user_id, std::nullopt);
  audit_(session, actor, {"disable_totp", "user", std::to_string(actor.user_id), nullptr, nullptr});
  tx.Commit();
  return {};
}

}  // namespace lianyin::domain::account
