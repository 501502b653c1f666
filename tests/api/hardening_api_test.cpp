// Issue #7 over HTTP on both engines: exact outcomes under parallel requests, no escalation
// through created accounts, the audit log a local administrator sees, bad input, /metrics.

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "api/api_fixture.hpp"

namespace lianyin::test {
namespace {

class HardeningApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    bj_union_ = MakeUnit("北京市总工会", "union", "110000", root);
    bj_civil_ = MakeUnit("北京市民政局", "civil_affairs", "110000", root);
    sx_civil_ = MakeUnit("陕西省民政厅", "civil_affairs", "610000", root);
    sx_union_ = MakeUnit("陕西省总工会", "union", "610000", root);
  }

  std::int64_t MakeUnit(const std::string& name, const std::string& kind, const std::string& region,
                        std::int64_t parent) {
    return ApiFixture::MakeUnit(admin_, name, kind, region, parent);
  }

  static std::string OrgBody(const std::string& uscc, std::int64_t unit,
                             const std::string& region) {
    return OrgJson("职工服务中心", uscc, unit, region);
  }

  std::int64_t MakeUser(const std::string& username, std::int64_t unit,
                        std::vector<std::string> roles) {
    boost::json::object body{{"username", username},
                             {"password", kPassword},
                             {"display_name", "王伟"},
                             {"unit_id", unit},
                             {"roles", boost::json::array(roles.begin(), roles.end())}};
    auto r = Call(admin_, "POST", "/api/v1/users", boost::json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // Statuses of `n` requests sent at once, counted by status.
  template <class Send>
  static std::map<int, int> InParallel(int n, Send send) {
    std::vector<int> statuses(static_cast<std::size_t>(n));
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&, i] { statuses[static_cast<std::size_t>(i)] = send(i); });
    }
    for (auto& t : threads) t.join();
    std::map<int, int> counted;
    for (int s : statuses) ++counted[s];
    return counted;
  }

  Session admin_;
  std::int64_t bj_union_ = 0, bj_civil_ = 0, sx_civil_ = 0, sx_union_ = 0;
};

TEST_P(HardeningApiTest, SixteenParallelCreatesOfOneUsccGiveOne201AndFifteen409) {
  const std::string body = OrgBody(Uscc("52110000MJ0000001"), bj_civil_, "110000");
  auto counted =
      InParallel(16, [&](int) { return Call(admin_, "POST", "/api/v1/orgs", body).status; });
  EXPECT_EQ(counted[201], 1);
  EXPECT_EQ(counted[409], 15);
  EXPECT_EQ(counted.size(), 2u);
  auto listed =
      Call(admin_, "GET", "/api/v1/orgs?registration_unit_id=" + std::to_string(bj_civil_));
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(Json(listed).at("total").as_int64(), 1);
  // The 409 names the organisation holding the code.
  auto again = Call(admin_, "POST", "/api/v1/orgs", body);
  EXPECT_NE(again.body.find("职工服务中心"), std::string::npos) << again.body;
}

TEST_P(HardeningApiTest, ParallelLinksOfOnePairGiveOneActiveLink) {
  auto created =
      Call(admin_, "POST", "/api/v1/orgs", OrgBody(Uscc("52110000MJ0000001"), bj_civil_, "110000"));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string body = "{\"org_id\":" + std::to_string(Json(created).at("id").as_int64()) + "}";
  const std::string target = "/api/v1/units/" + std::to_string(bj_union_) + "/org-links";
  auto counted = InParallel(16, [&](int) { return Call(admin_, "POST", target, body).status; });
  EXPECT_EQ(counted[201], 1);
  EXPECT_EQ(counted[409], 15);
  EXPECT_EQ(Json(Call(admin_, "GET", target)).at("total").as_int64(), 1);
}

TEST_P(HardeningApiTest, TwelveParallelWrongPasswordsLockAtExactlyTheFifth) {
  MakeUser("bj.officer", bj_union_, {"union_officer"});
  const auto attempt = [&](const std::string& password) {
    return Send(port_, "POST", "/api/v1/auth/login", {{"Content-Type", "application/json"}},
                boost::json::serialize(
                    boost::json::object{{"username", "bj.officer"}, {"password", password}}))
        .status;
  };
  auto counted =
      InParallel(12, [&](int i) { return attempt("Wrong-Passw0rd-" + std::to_string(i)); });
  EXPECT_EQ(counted[401], 5);
  EXPECT_EQ(counted[423], 7);
  EXPECT_EQ(attempt(kPassword), 423);
}

// A provincial administrator (admin, "*" in its subtree) cannot make an account that reaches
// beyond its province, nor can a sys_admin hand out roles whose permissions it lacks.
TEST_P(HardeningApiTest, CreatedAccountsCannotEscalate) {
  auto foreign =
      Call(admin_, "POST", "/api/v1/orgs", OrgBody(Uscc("52610000MJ0000001"), sx_civil_, "610000"));
  ASSERT_EQ(foreign.status, 201) << foreign.body;
  const std::int64_t foreign_org = Json(foreign).at("id").as_int64();
  MakeUser("bj.admin", bj_civil_, {"admin"});
  const Session bj = Login("bj.admin", kPassword);
  boost::json::object member{{"username", "bj.member"}, {"password", kPassword},
                             {"display_name", "王伟"},  {"unit_id", bj_civil_},
                             {"roles", {"org_member"}}, {"org_id", foreign_org}};
  auto refused = Call(bj, "POST", "/api/v1/users", boost::json::serialize(member));
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Json(refused).at("error").at("details").at(0).at("field").as_string(), "org_id");
  // Had it been created (by the platform), the member still could not change another
  // province's organisation: only its own.
  member["username"] = "sx.member";
  ASSERT_EQ(Call(admin_, "POST", "/api/v1/users", boost::json::serialize(member)).status, 201);
  const Session sx_member = Login("sx.member", kPassword);
  auto own_org =
      Call(admin_, "POST", "/api/v1/orgs", OrgBody(Uscc("52110000MJ0000001"), bj_civil_, "110000"));
  EXPECT_EQ(
      Call(sx_member, "PATCH", "/api/v1/orgs/" + std::to_string(Json(own_org).at("id").as_int64()),
           R"({"legal_rep":"李四"})")
          .status,
      403);
  EXPECT_EQ(Call(sx_member, "PATCH", "/api/v1/orgs/" + std::to_string(foreign_org),
                 R"({"legal_rep":"李四"})")
                .status,
            200);

  member["username"] = "bj.far";
  member["unit_id"] = sx_union_;
  member.erase("org_id");
  member["roles"] = {"union_officer"};
  auto elsewhere = Call(bj, "POST", "/api/v1/users", boost::json::serialize(member));
  EXPECT_EQ(elsewhere.status, 422) << elsewhere.body;

  MakeUser("bj.sys", bj_civil_, {"sys_admin"});
  const Session sys = Login("bj.sys", kPassword);
  member["username"] = "bj.officer";
  member["unit_id"] = bj_civil_;
  member["roles"] = {"civil_affairs_officer"};
  EXPECT_EQ(Call(sys, "POST", "/api/v1/users", boost::json::serialize(member)).status, 403);
}

// A local administrator's audit log holds only its scope's entries, personal data masked; the
// platform-level audit administrator sees every entry.
TEST_P(HardeningApiTest, ALocalAdministratorSeesItsScopesAuditMasked) {
  ASSERT_EQ(
      Call(admin_, "POST", "/api/v1/orgs", OrgBody(Uscc("52110000MJ0000001"), bj_civil_, "110000"))
          .status,
      201);
  ASSERT_EQ(
      Call(admin_, "POST", "/api/v1/orgs", OrgBody(Uscc("52610000MJ0000001"), sx_civil_, "610000"))
          .status,
      201);
  MakeUser("bj.admin", bj_civil_, {"admin"});
  const Session bj = Login("bj.admin", kPassword);
  const boost::json::object local = Json(Call(bj, "GET", "/api/v1/audit?entity=org"));
  ASSERT_EQ(local.at("total").as_int64(), 1);
  const auto& after = local.at("items").at(0).at("after").as_object();
  EXPECT_EQ(after.at("region_code").as_string(), "110000");
  EXPECT_EQ(after.at("phone").as_string(), "139****5678");
  EXPECT_EQ(after.at("legal_rep").as_string(), "王**");
  // Deployment-wide entries (the settings, the role map) are not the province's.
  ASSERT_EQ(Call(admin_, "PATCH", "/api/v1/settings", R"({"lockout_minutes":20})").status, 200);
  EXPECT_EQ(Json(Call(bj, "GET", "/api/v1/audit?entity=setting")).at("total").as_int64(), 0);
  const std::int64_t root = units_->RootUnit().value().id;
  MakeUser("platform.audit", root, {"audit_admin"});
  const Session auditor = Login("platform.audit", kPassword);
  EXPECT_EQ(Json(Call(auditor, "GET", "/api/v1/audit?entity=org")).at("total").as_int64(), 2);
  EXPECT_EQ(Json(Call(auditor, "GET", "/api/v1/audit?entity=setting")).at("total").as_int64(), 1);
  EXPECT_EQ(Call(bj, "GET", "/api/v1/audit/verify").status, 403);
  EXPECT_TRUE(Json(Call(auditor, "GET", "/api/v1/audit/verify")).at("ok").as_bool());
}

TEST_P(HardeningApiTest, BadTextIsRefusedBeforeItReachesTheDatabase) {
  auto nul = Call(admin_, "POST", "/api/v1/orgs", R"({"name":"a\u0000b"})");
  ASSERT_EQ(nul.status, 422) << nul.body;
  EXPECT_NE(nul.body.find("NUL"), std::string::npos);
  EXPECT_EQ(Call(admin_, "GET", "/api/v1/orgs?q=a%00b").status, 422);
  std::string long_q;
  for (int i = 0; i < 101; ++i) long_q += "%E5%B7%A5";  // 工
  auto too_long = Call(admin_, "GET", "/api/v1/orgs?q=" + long_q);
  ASSERT_EQ(too_long.status, 422) << too_long.body;
  EXPECT_EQ(ErrorCode(too_long), "validation_failed");
  EXPECT_EQ(Call(admin_, "GET", "/api/v1/users?q=" + long_q).status, 422);
  // Settings are typed: an integer setting takes no boolean, a boolean one no number.
  auto typed = Call(admin_, "PATCH", "/api/v1/settings",
                    R"({"lockout_minutes":true,"require_mfa_for_admins":1})");
  ASSERT_EQ(typed.status, 422) << typed.body;
  EXPECT_EQ(Json(typed).at("error").at("details").as_array().size(), 2u);
}

TEST_P(HardeningApiTest, MetricsAreForLoopbackWithBoundedLabels) {
  for (const char* method : {"FOO", "BAR", "BAZ", "QUUX"}) (void)Send(port_, method, "/api/health");
  auto metrics = Send(port_, "GET", "/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.body.find("FOO"), std::string::npos);
  EXPECT_NE(metrics.body.find("method=\"OTHER\""), std::string::npos);
  EXPECT_EQ(Send(port_, "GET", "/metrics", {{"X-Forwarded-For", "203.0.113.7"}}).status, 403);
  // With a token configured, the token is what counts.
  http::Api with_token(services_->Api(), {{}, false, "test", "s3cret-token"});
  http::Request request;
  request.method = "GET";
  request.path = request.target = "/metrics";
  request.remote_ip = "127.0.0.1";
  EXPECT_EQ(with_token.Handle(request).status, 403);
  request.headers = {{"authorization", "Bearer s3cret-token"}};
  EXPECT_EQ(with_token.Handle(request).status, 200);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(HardeningApiTest);

// The database stays busy: another transaction holds the SQLite write lock, or on PostgreSQL
// the audit chain's head row that every audited write takes. Reads still answer at once;
// writes answer 503 with Retry-After once their retries are spent, never 500.
class BusyApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    sqlite_file_ = true;  // WAL, as deployed: readers never wait for the writer
    options_.busy_timeout_ms = 300;
    options_.lock_timeout_ms = 200;
    ApiFixture::SetUp();
  }
};

TEST_P(BusyApiTest, ReadsAnswerAndWritesAre503WhileTheDatabaseStaysBusy) {
  const Session admin = Login("admin", kPassword);
  std::atomic<bool> holding{false};
  std::atomic<bool> release{false};
  std::thread holder([&] {
    store::Session session = db().Acquire();
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    session.Execute("UPDATE audit_head SET last_id = last_id WHERE id = 1");
    holding = true;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    tx.Rollback();
  });
  while (!holding) std::this_thread::yield();
  const auto t0 = std::chrono::steady_clock::now();
  auto read = Call(admin, "GET", "/api/v1/units");
  const auto read_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
          .count();
  auto write = Call(admin, "PATCH", "/api/v1/settings", R"({"lockout_minutes":20})");
  release = true;
  holder.join();
  EXPECT_EQ(read.status, 200) << read.body;
  EXPECT_LT(read_ms, 250);
  ASSERT_EQ(write.status, 503) << write.body;
  EXPECT_EQ(ErrorCode(write), "unavailable");
  EXPECT_EQ(write.Header("retry-after"), "1");
  // Once the holder is gone, the same write succeeds.
  EXPECT_EQ(Call(admin, "PATCH", "/api/v1/settings", R"({"lockout_minutes":20})").status, 200);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(BusyApiTest);

}  // namespace
}  // namespace lianyin::test
