#pragma once
// The fixture of the API tests: a migrated database on each backend with a few regions (北京市 with
// a city and a county, 陕西省) and the platform set up (user admin / kPassword), the whole API on a
// real server on 127.0.0.1:0, every change going to the hash-chained audit log.

#include <boost/json.hpp>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/services.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace lianyin::test {

inline constexpr const char* kPassword = "Api-Test-Passw0rd";

boost::json::object Json(const HttpResult& r);
// The error code of an error envelope.
std::string ErrorCode(const HttpResult& r);
// A valid USCC: `first17` and its check character.
std::string Uscc(const std::string& first17);
// The JSON of POST /api/v1/orgs for a social-service organisation registered by `unit`.
std::string OrgJson(const std::string& name, const std::string& uscc, std::int64_t unit,
                    const std::string& region);

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
  // Creates a unit as `by` (expecting 201): its id, or 0.
  std::int64_t MakeUnit(const Session& by, const std::string& name, const std::string& kind,
                        const std::string& region, std::int64_t parent);

  std::unique_ptr<app::Services> services_;
  // Shorthands into services_.
  domain::region::RegionService* regions_ = nullptr;
  domain::account::UnitService* units_ = nullptr;
  domain::org::OrgService* orgs_ = nullptr;
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;

 private:
  // The English messages of every error envelope the API answered (TearDown checks each has a
  // Chinese translation); written by the server's threads.
  std::mutex messages_mutex_;
  std::set<std::string> messages_;
};

}  // namespace lianyin::test
