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
  std::optional<Credentials> credentials;
  {
    store::Session session = db_.Acquire();
    credentials = CredentialRepo(session).Find(actor.user_id);
  }
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
  const std::string now = At(clock_().unix_seconds);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    CredentialRepo(tx.session()).SetPassword(actor.user_id, hash, false, now);
    const std::int64_t ended =
        SessionRepo(tx.session()).DeleteUserSessions(actor.user_id, actor.session_id);
    tx.Record({"change_password", "user", std::to_string(actor.user_id), nullptr,
               boost::json::object{{"other_sessions_ended", ended}}, true, actor.unit_id});
    return {};
  });
}

core::Result<TotpEnrolment> AuthService::BeginTotp(const Actor& actor) {
  const core::Bytes secret = core::RandomBytes(kTotpSecretBytes);
  const std::string sealed = Seal(actor.user_id, secret);
  auto begun = writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    CredentialRepo credentials(tx.session());
    auto current = credentials.Find(actor.user_id);
    if (!current) return core::Error::NotFound();
    if (current->totp_secret) return core::Error::Conflict("two-factor login is already on");
    credentials.SetPendingTotp(actor.user_id, sealed);
    return {};
  });
  if (!begun) return begun.error();
  return TotpEnrolment{core::Base32Encode(secret, /*pad=*/false),
                       core::OtpauthUri(kTotpIssuer, actor.username, secret)};
}

core::Result<void> AuthService::EnableTotp(const Actor& actor, std::string_view code) {
  const std::int64_t now = clock_().unix_seconds;
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    CredentialRepo credentials(tx.session());
    auto current = credentials.Find(actor.user_id);
    if (!current || !current->totp_pending_secret) {
      return core::Error::Conflict("start the enrolment first");
    }
    auto secret = Unseal(actor.user_id, *current->totp_pending_secret);
    auto step = secret ? core::VerifyTotp(*secret, code, now) : std::nullopt;
    if (!step) return core::Error::Invalid("code", "is not the current code");
    credentials.SetTotp(actor.user_id, current->totp_pending_secret);
    credentials.AdvanceTotpStep(actor.user_id, *step);
    tx.Record({"enable_totp", "user", std::to_string(actor.user_id), nullptr, nullptr, true,
               actor.unit_id});
    return {};
  });
}

core::Result<void> AuthService::DisableTotp(const Actor& actor, std::string_view password) {
  std::optional<Credentials> current;
  {
    store::Session session = db_.Acquire();
    current = CredentialRepo(session).Find(actor.user_id);
  }
  if (!current || !core::VerifyPassword(password, current->password_hash)) {
    return core::Error::Invalid("password", "is wrong");
  }
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    CredentialRepo(tx.session()).SetTotp(actor.user_id, std::nullopt);
    tx.Record({"disable_totp", "user", std::to_string(actor.user_id), nullptr, nullptr, true,
               actor.unit_id});
    return {};
  });
}

}  // namespace lianyin::domain::account
