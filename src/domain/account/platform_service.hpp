#pragma once
// Setting up a new deployment: the platform root unit and its administrator (SPEC §1).

#include <functional>
#include <string>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/account/audit_sink.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

struct PlatformSetup {
  std::string root_unit_name;
  std::string admin_username = "admin";
  std::string admin_password;  // must satisfy the password policy
};

class PlatformService {
 public:
  using Clock = std::function<core::DateTime()>;
  PlatformService(store::Database& db, AuditSink audit, Clock clock = core::Now)
      : db_(db), audit_(std::move(audit)), clock_(std::move(clock)) {}

  // Creates the platform root unit (kind other, region 100000) and the admin user with role
  // admin, and copies the default role permissions into role_permissions, in one transaction.
  // Audited as done by that admin. A second call → 409. Regions must have been imported (422).
  core::Result<User> SetUpPlatform(const PlatformSetup& setup);

 private:
  store::Database& db_;
  AuditSink audit_;
  Clock clock_;
};

}  // namespace lianyin::domain::account
