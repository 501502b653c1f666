#pragma once
// The fixture of the API tests: a migrated database on each backend with a few regions (北京市 with
// a city and a county, 陕西省) and the platform set up (user admin / kPassword), the whole API on a
// real server on 127.0.0.1:0, every change going to the hash-chained audit log.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "api/http_client.hpp"
#include "domain/account/auth_service.hpp"
#include "domain/account/role_service.hpp"
#include "domain/account/security_admin_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/account/user_service.hpp"
#include "domain/audit/audit_service.hpp"
#include "domain/org/org_service.hpp"
#include "domain/region/region_service.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "support/test_db.hpp"

namespace lianyin::test {

inline constexpr const char* kPassword = "Api-Test-Passw0rd";

boost::json::object Json(const HttpResult& r);
// The error code of an error envelope.
std::string ErrorCode(const HttpResult& r);

// A logged-in cookie session.
struct Session {
  std::string cookie;  // "lianyin_session=..." for the Cookie header
  std::string csrf;
};

class ApiFixture : public test_support::BackendTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Logs in (expecting 200) and returns the session.
  Session Login(const std::string& username = "admin", const std::string& password = kPassword);
  // A request of `session` (cookie, and the CSRF token on non-GET); `body` is JSON.
  HttpResult Call(const Session& session, const std::string& method, const std::string& target,
                  const std::string& body = "");

  std::unique_ptr<domain::region::RegionService> regions_;
  std::unique_ptr<domain::account::AuthService> auth_;
  std::unique_ptr<domain::account::SecurityAdminService> security_;
  std::unique_ptr<domain::account::UnitService> units_;
  std::unique_ptr<domain::account::UserService> users_;
  std::unique_ptr<domain::account::RoleService> roles_;
  std::unique_ptr<domain::org::OrgService> orgs_;
  std::unique_ptr<domain::audit::AuditService> audit_;
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;
};

}  // namespace lianyin::test
