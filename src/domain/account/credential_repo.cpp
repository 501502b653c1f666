#include "domain/account/credential_repo.hpp"

#include "domain/common/sql_text.hpp"

namespace lianyin::domain::account {

using common::OptValue;

std::optional<Credentials> CredentialRepo::Find(std::int64_t user_id) {
  auto stmt = session_.Prepare(
      "SELECT password_hash, totp_secret, totp_pending_secret, totp_last_step FROM users "
      "WHERE id = ?");
  stmt.Bind(0, user_id);
  if (!stmt.Next()) return std::nullopt;
  const store::Row row = stmt.row();
  return Credentials{user_id, row.Text(0), row.OptText(1), row.OptText(2), row.Int(3)};
}

void CredentialRepo::SetPassword(std::int64_t user_id, std::string_view hash, bool must_change,
                                 std::string_view now) {
  session_.Execute(
      "UPDATE users SET password_hash = ?, must_change_password = ?, password_changed_at = ?, "
      "updated_at = ? WHERE id = ?",
      {std::string(hash), std::int64_t{must_change}, std::string(now), std::string(now), user_id});
}

void CredentialRepo::SetPendingTotp(std::int64_t user_id,
                                    const std::optional<std::string>& sealed) {
  session_.Execute("UPDATE users SET totp_pending_secret = ? WHERE id = ?",
                   {OptValue(sealed), user_id});
}

void CredentialRepo::SetTotp(std::int64_t user_id, const std::optional<std::string>& sealed) {
  session_.Execute(
      "UPDATE users SET totp_secret = ?, totp_pending_secret = NULL, totp_last_step = 0 "
      "WHERE id = ?",
      {OptValue(sealed), user_id});
}

bool CredentialRepo::AdvanceTotpStep(std::int64_t user_id, std::int64_t step) {
  return session_.Execute("UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
                          {step, user_id, step}) == 1;
}

}  // namespace lianyin::domain::account
