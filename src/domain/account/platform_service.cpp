#include "domain/account/platform_service.hpp"

#include "core/crypto.hpp"
#include "domain/account/password_rules.hpp"
#include "domain/account/role_repo.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/account/user_repo.hpp"
#include "domain/region/region_repo.hpp"

namespace lianyin::domain::account {

core::Result<User> PlatformService::SetUpPlatform(const PlatformSetup& setup) {
  if (setup.root_unit_name.empty()) return core::Error::Invalid("platform_name", "is required");
  if (auto ok = CheckPasswordPolicy(setup.admin_password, setup.admin_username, "admin_password");
      !ok) {
    return ok.error();
  }
  const std::string hash = core::HashPassword(setup.admin_password);
  const std::string now = core::FormatDateTime(clock_());
  const common::Origin origin{std::nullopt, setup.admin_username, "", "init"};
  return writer_.Run(origin, [&](common::WriteTx& tx) -> core::Result<User> {
    store::Session& session = tx.session();
    UnitRepo units(session);
    if (units.FindRootUnit()) return core::Error::Conflict("the platform is already set up");
    if (!region::RegionRepo(session).Find(region::kNationCode)) {
      return core::Error::Invalid("regions", "import the regions first");
    }
    Unit root{0,
              setup.root_unit_name,
              UnitKind::kOther,
              region::kNationCode,
              std::nullopt,
              std::nullopt,
              now,
              now};
    root.id = units.InsertUnit(root, now);
    User admin{0,
               setup.admin_username,
               "系统管理员",
               root.id,
               std::nullopt,
               std::nullopt,
               false,
               false,
               {"admin"}};
    auto id = UserRepo(session).InsertUser(admin, hash, now);
    if (!id) return core::Error::Conflict("the platform is already set up");
    admin.id = *id;
    RoleRepo(session).SeedDefaults();
    tx.Record({"create", "unit", std::to_string(root.id), nullptr, AuditJson(root), true, root.id});
    tx.Record(
        {"create", "user", std::to_string(admin.id), nullptr, AuditJson(admin), true, root.id});
    return admin;
  });
}

}  // namespace lianyin::domain::account
