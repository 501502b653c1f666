#include "domain/account/account_service.hpp"

#include "core/crypto.hpp"
#include "domain/account/account_repo.hpp"
#include "domain/account/password_rules.hpp"
#include "domain/account/roles.hpp"
#include "domain/region/region_repo.hpp"

namespace lianyin::domain::account {
namespace {

core::Error BadCredentials() {
  return {core::ErrorCode::kUnauthenticated, "wrong username or password", {}};
}
core::Error NoSession() {
  return {core::ErrorCode::kUnauthenticated, "not logged in or session expired", {}};
}

// Verifying against this when the user does not exist makes both answers cost the same.
const std::string& DummyHash() {
  static const std::string hash = core::HashPassword("lianyin-dummy-password");
  return hash;
}

std::string At(core::DateTime t) { return core::FormatDateTime(t); }

core::DateTime Plus(core::DateTime t, std::chrono::seconds s) {
  return core::DateTime{t.unix_seconds + s.count()};
}

Actor MakeActor(const User& user, const Unit& unit) {
  Actor actor;
  actor.user_id = user.id;
  actor.username = user.username;
  actor.display_name = user.display_name;
  actor.unit_id = unit.id;
  actor.unit_name = unit.name;
  actor.roles = user.roles;
  for (const std::string& role : user.roles) {
    for (std::string& p : DefaultPermissions(role)) actor.permissions.insert(std::move(p));
  }
  actor.org_id = user.org_id;
  actor.worker_id = user.worker_id;
  actor.must_change_password = user.must_change_password;
  return actor;
}

}  // namespace

AccountService::AccountService(store::Database& db, SessionPolicy policy, Clock clock)
    : db_(db), policy_(policy), clock_(std::move(clock)) {}

core::Result<User> AccountService::SetUpPlatform(const PlatformSetup& setup) {
  if (setup.root_unit_name.empty()) return core::Error::Invalid("platform_name", "is required");
  if (auto ok = CheckPasswordPolicy(setup.admin_password, setup.admin_username,
                                    "admin_password");
      !ok) {
    return ok.error();
  }
  const std::string hash = core::HashPassword(setup.admin_password);
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  AccountRepo repo(session);
  if (repo.FindRootUnit()) return core::Error::Conflict("the platform is already set up");
  if (!region::RegionRepo(session).Find(region::kNationCode)) {
    return core::Error::Invalid("regions", "import the regions first");
  }
  const std::string now = At(clock_());
  Unit root{0, setup.root_unit_name, UnitKind::kOther, region::kNationCode, std::nullopt,
            std::nullopt, now, now};
  root.id = repo.InsertUnit(root, now);
  User admin{0, setup.admin_username, "系统管理员", root.id, std::nullopt, std::nullopt,
             false, false, {"admin"}};
  admin.id = repo.InsertUser(admin, hash, now);
  tx.Commit();
  return admin;
}

core::Result<Unit> AccountService::RootUnit() {
  store::Session session = db_.Acquire();
  auto root = AccountRepo(session).FindRootUnit();
  if (!root) return core::Error::NotFound("the platform is not set up");
  return *root;
}

core::Result<Unit> AccountService::CreateUnit(const NewUnit& input) {
  if (input.name.empty()) return core::Error::Invalid("name", "is required");
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  AccountRepo repo(session);
  auto parent = repo.FindUnit(input.parent_id);
  if (!parent) return core::Error::Invalid("parent_id", "no such unit");
  if (!region::RegionRepo(session).Covers(parent->region_code, input.region_code)) {
    return core::Error::Invalid("region_code", "must be covered by the parent unit's region");
  }
  const std::string now = At(clock_());
  Unit unit{0, input.name, input.kind, input.region_code, input.parent_id,
            input.leading_group_established_on, now, now};
  unit.id = repo.InsertUnit(unit, now);
  tx.Commit();
  return unit;
}

core::Result<LoginResult> AccountService::Login(std::string_view username,
                                                std::string_view password, std::string_view ip,
                                                std::string_view user_agent) {
  store::Session session = db_.Acquire();
  AccountRepo repo(session);
  auto credentials = repo.FindCredentials(username);
  if (!credentials) {
    (void)core::VerifyPassword(password, DummyHash());
    return BadCredentials();
  }
  auto& [user, hash] = *credentials;
  if (!core::VerifyPassword(password, hash) || user.disabled) return BadCredentials();
  auto unit = repo.FindUnit(user.unit_id);
  if (!unit) return BadCredentials();

  LoginResult result{MakeActor(user, *unit), core::Base64UrlEncode(core::RandomBytes(32))};
  result.actor.csrf_token = core::HexEncode(core::RandomBytes(16));
  const core::DateTime now = clock_();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  result.actor.session_id =
      repo.InsertSession(core::Sha256Hex(core::AsBytes(result.token)), result.actor.csrf_token, user.id, At(now),
                         At(Plus(now, policy_.absolute_timeout)), ip, user_agent);
  tx.Commit();
  return result;
}

core::Result<Actor> AccountService::Authenticate(std::string_view token) {
  if (token.empty() || token.size() > 256) return NoSession();
  store::Session session = db_.Acquire();
  AccountRepo repo(session);
  auto stored = repo.FindSession(core::Sha256Hex(core::AsBytes(token)));
  if (!stored) return NoSession();
  const core::DateTime now = clock_();
  auto last_seen = core::ParseDateTime(stored->last_seen_at);
  auto expires = core::ParseDateTime(stored->expires_at);
  if (!last_seen || !expires || now >= *expires ||
      now >= Plus(*last_seen, policy_.idle_timeout)) {
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    repo.DeleteSession(stored->id);
    tx.Commit();
    return NoSession();
  }
  auto user = repo.FindUser(stored->user_id);
  auto unit = user ? repo.FindUnit(user->unit_id) : std::nullopt;
  if (!user || user->disabled || !unit) return NoSession();
  if (now >= Plus(*last_seen, policy_.touch_interval)) {
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    repo.TouchSession(stored->id, At(now));
    tx.Commit();
  }
  Actor actor = MakeActor(*user, *unit);
  actor.session_id = stored->id;
  actor.csrf_token = stored->csrf_token;
  return actor;
}

void AccountService::Logout(std::int64_t session_id) {
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  AccountRepo(session).DeleteSession(session_id);
  tx.Commit();
}

}  // namespace lianyin::domain::account
