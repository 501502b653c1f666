#pragma once
// The fixture of the API tests: the real HTTP server on 127.0.0.1 with the whole API over a
// set-up platform, on every backend (SQLite always, PostgreSQL when LIANYIN_TEST_PG is set).

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "api/http_client.hpp"
#include "domain/account/auth_service.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/role_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/account/user_service.hpp"
#include "domain/region/region_service.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "support/test_db.hpp"

namespace lianyin {

inline constexpr const char* kPassword = "Api-Test-Passw0rd";

inline boost::json::object Json(const test::HttpResult& r) {
  return boost::json::parse(r.body).as_object();
}
inline std::string ErrorCode(const test::HttpResult& r) {
  return std::string(Json(r).at("error").at("code").as_string());
}

// A logged-in client: the session cookie and its CSRF token.
struct ApiSession {
  std::string cookie;
  std::string csrf;
};

class ApiTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    regions_ = std::make_unique<domain::region::RegionService>(*db_);
    auth_ = std::make_unique<domain::account::AuthService>(*db_);
    units_ = std::make_unique<domain::account::UnitService>(*db_, Sink());
    users_ = std::make_unique<domain::account::UserService>(*db_, Sink());
    roles_ = std::make_unique<domain::account::RoleService>(*db_, Sink());
    ASSERT_TRUE(regions_->Import({"test",
                                  "1",
                                  {{"110000", "北京市", "100000"},
                                   {"110100", "北京市", "110000"},
                                   {"110101", "东城区", "110100"},
                                   {"610000", "陕西省", "100000"}}}));
    ASSERT_TRUE(
        domain::account::PlatformService(db()).SetUpPlatform({"联引平台", "admin", kPassword}));
    api_ = std::make_unique<http::Api>(
        http::ApiServices{*auth_, *regions_, *units_, *users_, *roles_, {}},
        http::ApiOptions{{}, false, "test"});
    http::ServerOptions options;
    options.port = 0;
    options.worker_threads = 2;
    options.metrics = api_->metrics();
    options.header_timeout = std::chrono::milliseconds(2000);
    server_ = std::make_unique<http::Server>(
        options, [this](http::Request& request) { return api_->Handle(request); });
    port_ = server_->Start();
  }
  void TearDown() override {
    if (server_) server_->Stop();
  }

  // Counts the changes the services report; the audit trail itself is tested in its own area.
  domain::account::AuditSink Sink() {
    return [this](store::Session&, const domain::account::Actor&, const domain::account::Change&) {
      ++audited_;
    };
  }

  // Logs in as admin; returns {cookie header value, csrf token}.
  std::pair<std::string, std::string> Login() {
    ApiSession s = LogIn("admin", kPassword);
    return {s.cookie, s.csrf};
  }

  ApiSession LogIn(const std::string& username, const std::string& password) {
    auto r = test::Send(port_, "POST", "/api/v1/auth/login", {{"Content-Type", "application/json"}},
                        R"({"username":")" + username + R"(","password":")" + password + "\"}");
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return {};
    std::string cookie = r.Header("set-cookie");
    cookie = cookie.substr(0, cookie.find(';'));
    return {cookie, std::string(Json(r).at("csrf_token").as_string())};
  }

  // A request of a logged-in session, with the CSRF token on non-GET methods.
  test::HttpResult Call(const ApiSession& s, const std::string& method, const std::string& target,
                        const std::string& body = "") {
    std::vector<std::pair<std::string, std::string>> headers = {{"Cookie", s.cookie}};
    if (method != "GET") {
      headers.emplace_back("X-CSRF-Token", s.csrf);
      headers.emplace_back("Content-Type", "application/json");
    }
    return test::Send(port_, method, target, headers, body);
  }

  std::unique_ptr<domain::region::RegionService> regions_;
  std::unique_ptr<domain::account::AuthService> auth_;
  std::unique_ptr<domain::account::UnitService> units_;
  std::unique_ptr<domain::account::UserService> users_;
  std::unique_ptr<domain::account::RoleService> roles_;
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;
  std::atomic<int> audited_{0};
};

}  // namespace lianyin
