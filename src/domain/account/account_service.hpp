#pragma once
// Use cases of the account area in this release: set up the platform, add units, log in and out,
// and authenticate a session token. (Lockout, rate limits, TOTP and user management follow.)

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

struct PlatformSetup {
  std::string root_unit_name;
  std::string admin_username = "admin";
  std::string admin_password;  // must satisfy the password policy
};

struct NewUnit {
  std::string name;
  UnitKind kind = UnitKind::kOther;
  std::string region_code;
  std::int64_t parent_id = 0;
  std::optional<std::string> leading_group_established_on;
};

struct LoginResult {
  Actor actor;
  std::string token;  // the session cookie value; only its SHA-256 is stored
};

class AccountService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit AccountService(store::Database& db, SessionPolicy policy = {},
                          Clock clock = core::Now);

  // Creates the platform root unit (kind other, region 100000) and the admin user with role
  // admin, in one transaction. A second call → 409. Regions must have been imported.
  core::Result<User> SetUpPlatform(const PlatformSetup& setup);
  // The platform root unit; 404 before SetUpPlatform.
  core::Result<Unit> RootUnit();
  // Adds a unit below `parent_id`; its region must be covered by the parent's region (422).
  core::Result<Unit> CreateUnit(const NewUnit& unit);

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
