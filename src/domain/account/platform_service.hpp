#pragma once
// Setting up a new deployment: the platform root unit and its administrator (SPEC §1).

#include <functional>
#include <string>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/writer.hpp"
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
  explicit PlatformService(common::Writer& writer, Clock clock = core::Now)
      : writer_(writer), clock_(std::move(clock)) {}

  // Creates the platform root unit (kind other, region 100000) and the admin user with role
  // admin, and copies the default role permissions into role_permissions, in one transaction.
  // Audited as done by `init` under the admin's username. A second call → 409. Regions must have
  // been imported (422).
  core::Result<User> SetUpPlatform(const PlatformSetup& setup);

 private:
  common::Writer& writer_;
  Clock clock_;
};

}  // namespace lianyin::domain::account
