#pragma once
// Logging in and out, and turning a session token into the Actor of a request.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

struct SessionPolicy {
  std::chrono::seconds idle_timeout{30 * 60};        // SPEC §3
  std::chrono::seconds absolute_timeout{12 * 3600};  // re-login at least twice a day
  std::chrono::seconds touch_interval{60};           // last_seen_at is written at most this often
};

struct LoginResult {
  Actor actor;
  std::string token;  // the session cookie value; only its SHA-256 is stored
};

class AuthService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit AuthService(store::Database& db, SessionPolicy policy = {},
                          Clock clock = core::Now);

  // Checks the password (Argon2id) and opens a session. Unknown user, wrong password or a
  // disabled account → 401 with the same message (no user enumeration, same cost).
  core::Result<LoginResult> Login(std::string_view username, std::string_view password,
                                  std::string_view ip, std::string_view user_agent);
  // The actor of a live session; missing, idle or expired → 401.
  core::Result<Actor> Authenticate(std::string_view token);
  void Logout(std::int64_t session_id);

 private:
  store::Database& db_;
  SessionPolicy policy_;
  Clock clock_;
};

}  // namespace lianyin::domain::account
