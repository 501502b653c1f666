// The real HTTP server on 127.0.0.1 with the whole API, driven over sockets, on every backend
// (SQLite always, PostgreSQL when LIANYIN_TEST_PG is set).

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/api_fixture.hpp"
#include "domain/audit/audit_service.hpp"

namespace lianyin {
namespace {

using ApiTest = test::ApiFixture;
using test::ErrorCode;
using test::Json;
using test::kPassword;

TEST_P(ApiTest, HealthAnswersOkWithSecurityHeaders) {
  auto r = test::Send(port_, "GET", "/api/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(Json(r).at("status").as_string(), "ok");
  EXPECT_NE(r.Header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_FALSE(r.Header("x-request-id").empty());
}

TEST_P(ApiTest, LoginSetsAStrictHttpOnlyCookieAndMeAnswers) {
  auto bad = test::Send(port_, "POST", "/api/v1/auth/login", {},
                        R"({"username":"admin","password":"Wrong-Passw0rd"})");
  EXPECT_EQ(bad.status, 401);
  EXPECT_EQ(ErrorCode(bad), "unauthenticated");

  auto r = test::Send(port_, "POST", "/api/v1/auth/login", {},
                      R"({"username":"admin","password":")" + std::string(kPassword) + "\"}");
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string cookie = r.Header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  auto user = Json(r).at("user").as_object();
  EXPECT_EQ(user.at("username").as_string(), "admin");
  EXPECT_EQ(user.at("roles").as_array().at(0).as_string(), "admin");

  const auto [session, csrf] = Login();
  auto me = test::Send(port_, "GET", "/api/v1/auth/me", {{"Cookie", session}});
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(Json(me).at("user").at("unit_name").as_string(), "联引平台");
  EXPECT_EQ(test::Send(port_, "GET", "/api/v1/auth/me").status, 401);
}

TEST_P(ApiTest, NonGetRequestsNeedTheCsrfToken) {
  const auto [session, csrf] = Login();
  auto without = test::Send(port_, "POST", "/api/v1/auth/logout", {{"Cookie", session}});
  EXPECT_EQ(without.status, 403);
  EXPECT_EQ(ErrorCode(without), "csrf_failed");
  auto wrong = test::Send(
      port_, "POST", "/api/v1/auth/logout",
      {{"Cookie", session}, {"X-CSRF-Token", (csrf[0] == '0' ? "1" : "0") + csrf.substr(1)}});
  EXPECT_EQ(wrong.status, 403);
  auto cross_site =
      test::Send(port_, "POST", "/api/v1/auth/logout",
                 {{"Cookie", session}, {"X-CSRF-Token", csrf}, {"Origin", "http://evil.example"}});
  EXPECT_EQ(cross_site.status, 403);
  auto ok = test::Send(port_, "POST", "/api/v1/auth/logout",
                       {{"Cookie", session}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(test::Send(port_, "GET", "/api/v1/auth/me", {{"Cookie", session}}).status, 401);
}

TEST_P(ApiTest, MalformedInputGetsA4xxEnvelopeNever5xx) {
  const std::string bodies[] = {"{", "[]", "\"x\"", "{\"username\":", "\xff\xfe", "null", ""};
  for (const std::string& body : bodies) {
    auto r = test::Send(port_, "POST", "/api/v1/auth/login", {}, body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_EQ(ErrorCode(r), "bad_request") << body;
  }
  auto fields = test::Send(port_, "POST", "/api/v1/auth/login", {}, R"({"username":5})");
  EXPECT_EQ(fields.status, 422);
  auto details = Json(fields).at("error").at("details").as_array();
  EXPECT_EQ(details.size(), 2u);  // username ill-typed, password missing
}

TEST_P(ApiTest, BodyOverTheLimitIs413BeforeItIsRead) {
  auto r = test::Send(port_, "POST", "/api/v1/auth/login",
                      {{"Content-Length", std::to_string(64u << 20)}}, "", /*send_body=*/false);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(ErrorCode(r), "payload_too_large");
}

TEST_P(ApiTest, UnknownPathsAndMethods) {
  auto missing = test::Send(port_, "GET", "/api/v1/nothing-here");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(ErrorCode(missing), "not_found");
  auto method = test::Send(port_, "DELETE", "/api/health");
  EXPECT_EQ(method.status, 405);
  EXPECT_EQ(ErrorCode(method), "method_not_allowed");
  EXPECT_EQ(method.Header("allow"), "GET");
}

TEST_P(ApiTest, RegionsNeedLoginAndWalkTheTree) {
  EXPECT_EQ(test::Send(port_, "GET", "/api/v1/regions").status, 401);
  const auto [session, csrf] = Login();
  auto provinces = test::Send(port_, "GET", "/api/v1/regions", {{"Cookie", session}});
  ASSERT_EQ(provinces.status, 200) << provinces.body;
  auto items = Json(provinces).at("items").as_array();
  ASSERT_EQ(items.size(), 2u);  // 北京市 and 陕西省, by code
  EXPECT_EQ(items[0].at("name").as_string(), "北京市");
  EXPECT_TRUE(items[0].at("has_children").as_bool());

  auto county = test::Send(port_, "GET", "/api/v1/regions/110101", {{"Cookie", session}});
  ASSERT_EQ(county.status, 200);
  EXPECT_EQ(Json(county).at("path").as_array().size(), 4u);
  EXPECT_EQ(test::Send(port_, "GET", "/api/v1/regions/999999", {{"Cookie", session}}).status, 404);
  EXPECT_EQ(test::Send(port_, "GET", "/api/v1/regions?parent=abc", {{"Cookie", session}}).status,
            422);
}

TEST_P(ApiTest, TheDictionaryIsPublicWithChineseAndEnglishLabels) {
  auto all = test::Send(port_, "GET", "/api/v1/dictionaries");  // no session: the public pages
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.Header("cache-control"), "public, max-age=300");
  const boost::json::object page = Json(all);
  EXPECT_EQ(page.at("total").as_int64(),
            static_cast<std::int64_t>(page.at("items").as_array().size()));
  bool found = false;
  for (const auto& d : page.at("items").as_array()) {
    if (d.at("name") != "service_category") continue;
    found = true;
    EXPECT_EQ(d.at("label").as_string(), "服务类别");
    EXPECT_EQ(d.at("entries").as_array().size(), 8u);
    EXPECT_EQ(d.at("entries").at(0).at("code").as_string(), "skills");
    EXPECT_EQ(d.at("entries").at(0).at("label").as_string(), "劳动竞赛和技能提升类");
    EXPECT_EQ(d.at("entries").at(0).at("label_en").as_string(), "Labour competitions and skills");
  }
  EXPECT_TRUE(found);

  auto one = test::Send(port_, "GET", "/api/v1/dictionaries/org_status");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(Json(one).at("entries").at(0).at("label").as_string(), "申请登记");
  auto none = test::Send(port_, "GET", "/api/v1/dictionaries/no_such");
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(ErrorCode(none), "not_found");
}

TEST_P(ApiTest, OpenApiAndMetricsDescribeTheRoutes) {
  auto doc = test::Send(port_, "GET", "/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  auto paths = Json(doc).at("paths").as_object();
  for (const char* p : {"/api/health", "/api/v1/auth/login", "/api/v1/regions/{code}"}) {
    EXPECT_TRUE(paths.contains(p)) << p;
  }
  test::Send(port_, "GET", "/api/health");
  auto metrics = test::Send(port_, "GET", "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("lianyin_http_requests_total{"), std::string::npos);
  EXPECT_NE(metrics.body.find("route=\"/api/health\""), std::string::npos);
  // The page cache after one list read (a miss) and the same again (a hit).
  const auto [session, csrf] = Login();
  for (int i = 0; i < 2; ++i) test::Send(port_, "GET", "/api/v1/orgs", {{"Cookie", session}});
  metrics = test::Send(port_, "GET", "/metrics");
  EXPECT_NE(metrics.body.find("lianyin_page_cache_lookups{result=\"hit\"} 1\n"), std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("lianyin_page_cache_lookups{result=\"miss\"} 1\n"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("lianyin_page_cache_entries 1\n"), std::string::npos);
}

TEST_P(ApiTest, AuditVerifiesAndPages) {
  EXPECT_EQ(test::Send(port_, "GET", "/api/v1/audit/verify").status, 401);
  for (int i = 1; i <= 5; ++i) {
    domain::audit::AuditEvent event;
    event.actor_user_id = 1;
    event.actor_username = "admin";
    event.ip = "127.0.0.1";
    event.request_id = "r" + std::to_string(i);
    event.action = "update";
    event.entity = "unit";
    event.entity_id = std::to_string(i);
    event.after = boost::json::object{{"name", "单位" + std::to_string(i)}};
    ASSERT_TRUE(services_->audit.Record(event));
  }
  const auto [session, csrf] = Login();
  auto verify = test::Send(port_, "GET", "/api/v1/audit/verify", {{"Cookie", session}});
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_TRUE(Json(verify).at("ok").as_bool());
  EXPECT_EQ(Json(verify).at("entries").as_int64(), 8);  // + set-up (root unit, admin), login
  EXPECT_FALSE(Json(verify).contains("first_bad_id"));

  auto page = test::Send(port_, "GET", "/api/v1/audit?entity=unit&action=update&page=2&page_size=2",
                         {{"Cookie", session}});
  ASSERT_EQ(page.status, 200) << page.body;
  auto list = Json(page);
  EXPECT_EQ(list.at("total").as_int64(), 5);
  EXPECT_EQ(list.at("page").as_int64(), 2);
  auto items = list.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("id").as_int64(), 5);  // set-up wrote 1, 2; newest first: 7 6 | 5 4 | 3
  EXPECT_EQ(items[0].at("after").at("name").as_string(), "单位3");
  EXPECT_TRUE(items[0].at("before").is_null());
  EXPECT_EQ(items[0].at("hash").as_string().size(), 64u);

  auto bad = test::Send(port_, "GET", "/api/v1/audit?outcome=maybe&from=soon&actor_user_id=x",
                        {{"Cookie", session}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Json(bad).at("error").at("details").as_array().size(), 3u);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(ApiTest);

}  // namespace
}  // namespace lianyin
