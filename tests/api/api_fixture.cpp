#include "api/api_fixture.hpp"

#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/dictionary/dictionary.hpp"
#include "domain/dictionary/messages.hpp"
#include "http/error_mapping.hpp"

namespace lianyin::test {

namespace dictionary = domain::dictionary;

boost::json::object Json(const HttpResult& r) { return boost::json::parse(r.body).as_object(); }

std::string ErrorCode(const HttpResult& r) {
  return std::string(Json(r).at("error").at("code").as_string());
}

std::string Uscc(const std::string& first17) {
  return first17 + core::UsccCheckCharacter(first17).value_or('0');
}

std::string OrgJson(const std::string& name, const std::string& uscc, std::int64_t unit,
                    const std::string& region) {
  return boost::json::serialize(boost::json::object{{"name", name},
                                                    {"uscc", uscc},
                                                    {"org_type", "social_service"},
                                                    {"region_code", region},
                                                    {"registration_unit_id", unit},
                                                    {"legal_rep", "王小明"},
                                                    {"phone", "13912345678"},
                                                    {"founded_on", "2015-06-01"},
                                                    {"business_scope", "职工服务"},
                                                    {"service_categories", {"skills"}},
                                                    {"labour_field", true}});
}

std::int64_t ApiFixture::MakeUnit(const Session& by, const std::string& name,
                                  const std::string& kind, const std::string& region,
                                  std::int64_t parent) {
  auto r =
      Call(by, "POST", "/api/v1/units",
           boost::json::serialize(boost::json::object{
               {"name", name}, {"kind", kind}, {"region_code", region}, {"parent_id", parent}}));
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? Json(r).at("id").as_int64() : 0;
}

void ApiFixture::SetUp() {
  test_support::BackendTest::SetUp();
  if (IsSkipped()) return;
  services_ = std::make_unique<app::Services>(db(), core::RandomBytes(32));
  regions_ = &services_->regions;
  units_ = &services_->units;
  orgs_ = &services_->orgs;
  ASSERT_TRUE(regions_->Import({"test",
                                "1",
                                {{"110000", "北京市", "100000"},
                                 {"110100", "北京市", "110000"},
                                 {"110101", "东城区", "110100"},
                                 {"610000", "陕西省", "100000"}}}));
  ASSERT_TRUE(domain::account::PlatformService(services_->writer)
                  .SetUpPlatform({"联引平台", "admin", kPassword}));
  api_ = std::make_unique<http::Api>(services_->Api(), http::ApiOptions{{}, false, "test", {}});
  http::ServerOptions options;
  options.port = 0;
  options.worker_threads = 2;
  options.metrics = api_->metrics();
  options.header_timeout = std::chrono::milliseconds(2000);
  server_ = std::make_unique<http::Server>(options, [this](http::Request& request) {
    http::Response response = api_->Handle(request);
    if (response.status >= 400) {
      const std::lock_guard lock(messages_mutex_);
      for (std::string& m : http::EnvelopeMessages(response.body)) messages_.insert(std::move(m));
    }
    return response;
  });
  port_ = server_->Start();
}

void ApiFixture::TearDown() {
  if (server_) server_->Stop();
  // Every message the API answered is read in Chinese by default: one the catalogue cannot
  // translate (domain/dictionary/messages_catalogue.cpp) fails the test that provoked it.
  for (const std::string& message : messages_) {
    EXPECT_TRUE(dictionary::TranslationOf(message)) << "no Chinese for the message: " << message;
  }
  if (!db_) return;
  // Whatever a test made the API record, people read it in the audit log through the data
  // dictionary: an action, entity or outcome without a label fails the test that recorded it.
  store::Session session = db().Acquire();
  auto used = session.Prepare("SELECT DISTINCT action, entity, outcome FROM audit_log");
  while (used.Next()) {
    const std::pair<const char*, std::string> codes[] = {{"audit_action", used.row().Text(0)},
                                                         {"audit_entity", used.row().Text(1)},
                                                         {"audit_outcome", used.row().Text(2)}};
    for (const auto& [name, code] : codes) {
      EXPECT_NE(dictionary::FindEntry(*dictionary::Find(name), code), nullptr)
          << "no " << name << " label for " << code;
    }
  }
}

Session ApiFixture::Login(const std::string& username, const std::string& password) {
  boost::json::object body{{"username", username}, {"password", password}};
  auto r = Send(port_, "POST", "/api/v1/auth/login", {{"Content-Type", "application/json"}},
                boost::json::serialize(body));
  EXPECT_EQ(r.status, 200) << r.body;
  std::string cookie = r.Header("set-cookie");
  cookie = cookie.substr(0, cookie.find(';'));
  if (r.status != 200) return {};
  return {cookie, std::string(Json(r).at("csrf_token").as_string())};
}

HttpResult ApiFixture::Call(const Session& session, const std::string& method,
                            const std::string& target, const std::string& body) {
  std::vector<std::pair<std::string, std::string>> headers{{"Cookie", session.cookie}};
  if (method != "GET") headers.emplace_back("X-CSRF-Token", session.csrf);
  if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
  return Send(port_, method, target, headers, body);
}

}  // namespace lianyin::test
