// The authorisation matrix: (method, endpoint, role, own or sibling-unit object) → status, over
// HTTP on every backend. Function level: a route's permission (403). Object level: records of
// units outside the caller's subtree answer 404, so ids cannot be probed. Every area adds its
// endpoints to kCases.
//
// Users of every role sit in 北京市总工会 (the civil-affairs officer in 北京市民政局); "own" objects
// are in 东城区总工会 / 东城区民政局 below them, "sibling" objects in 陕西省总工会 / 陕西省民政厅,
// another branch of the tree. Organisations are readable by every logged-in user (SPEC §1), so a
// change outside scope answers 403 there, not 404.

#include <gtest/gtest.h>

#include <map>

#include "api/api_fixture.hpp"

namespace lianyin::test {
namespace {

struct Case {
  const char* method;
  // {own_unit} {sibling_unit} {own_user} {sibling_user} {bj_unit} {own_org} {sibling_org}
  const char* target;
  const char* role;
  const char* body;
  int status;
};

constexpr Case kCases[] = {
    // Units
    {"GET", "/api/v1/units/{own_unit}", "sys_admin", "", 200},
    {"GET", "/api/v1/units/{own_unit}", "union_officer", "", 200},
    {"GET", "/api/v1/units/{own_unit}", "security_admin", "", 403},
    {"GET", "/api/v1/units/{own_unit}", "audit_admin", "", 403},
    {"GET", "/api/v1/units/{own_unit}", "worker", "", 403},
    {"GET", "/api/v1/units/{sibling_unit}", "sys_admin", "", 404},
    {"GET", "/api/v1/units/{sibling_unit}", "union_officer", "", 404},
    {"PATCH", "/api/v1/units/{own_unit}", "sys_admin", R"({"name":"东城区总工会"})", 200},
    {"PATCH", "/api/v1/units/{own_unit}", "union_officer", R"({"name":"x"})", 403},
    {"PATCH", "/api/v1/units/{sibling_unit}", "sys_admin", R"({"name":"x"})", 404},
    {"DELETE", "/api/v1/units/{sibling_unit}", "sys_admin", "", 404},
    {"DELETE", "/api/v1/units/{sibling_unit}", "union_officer", "", 403},
    {"POST", "/api/v1/units", "sys_admin",
     R"({"name":"东城区某街道工会","kind":"union","region_code":"110101","parent_id":{own_unit}})", 201},
    {"POST", "/api/v1/units", "sys_admin",
     R"({"name":"x","kind":"union","region_code":"610000","parent_id":{sibling_unit}})", 422},
    {"POST", "/api/v1/units", "union_officer",
     R"({"name":"x","kind":"union","region_code":"110101","parent_id":{own_unit}})", 403},
    // Users
    {"GET", "/api/v1/users/{own_user}", "sys_admin", "", 200},
    {"GET", "/api/v1/users/{own_user}", "union_officer", "", 200},
    {"GET", "/api/v1/users/{own_user}", "security_admin", "", 403},
    {"GET", "/api/v1/users/{own_user}", "worker", "", 403},
    {"GET", "/api/v1/users/{sibling_user}", "sys_admin", "", 404},
    {"GET", "/api/v1/users/{sibling_user}", "union_officer", "", 404},
    {"PATCH", "/api/v1/users/{own_user}", "sys_admin", R"({"display_name":"李四"})", 200},
    {"PATCH", "/api/v1/users/{own_user}", "union_officer", R"({"display_name":"x"})", 403},
    {"PATCH", "/api/v1/users/{sibling_user}", "sys_admin", R"({"display_name":"x"})", 404},
    {"POST", "/api/v1/users/{sibling_user}/reset-password", "sys_admin",
     R"({"password":"Reset-Passw0rd-1"})", 404},
    // Roles
    {"GET", "/api/v1/roles", "security_admin", "", 200},
    {"GET", "/api/v1/roles", "sys_admin", "", 403},
    {"GET", "/api/v1/permissions", "union_officer", "", 403},
    {"PUT", "/api/v1/roles/expert/permissions", "security_admin",
     R"({"permissions":["system:region:list"]})", 200},
    {"PUT", "/api/v1/roles/expert/permissions", "sys_admin", R"({"permissions":[]})", 403},
    // Sessions, login log, settings
    {"GET", "/api/v1/sessions", "security_admin", "", 200},
    {"GET", "/api/v1/sessions", "sys_admin", "", 403},
    {"GET", "/api/v1/sessions", "audit_admin", "", 403},
    {"GET", "/api/v1/login-log", "security_admin", "", 200},
    {"GET", "/api/v1/login-log", "union_officer", "", 403},
    {"PATCH", "/api/v1/settings", "security_admin", R"({"lockout_minutes":20})", 200},
    {"PATCH", "/api/v1/settings", "sys_admin", R"({"lockout_minutes":15})", 200},
    {"PATCH", "/api/v1/settings", "union_officer", R"({"lockout_minutes":15})", 403},
    {"GET", "/api/v1/settings", "worker", "", 200},
    // Audit
    {"GET", "/api/v1/audit", "audit_admin", "", 200},
    {"GET", "/api/v1/audit", "sys_admin", "", 403},
    {"GET", "/api/v1/audit", "security_admin", "", 403},
    {"GET", "/api/v1/audit/verify", "audit_admin", "", 200},
    {"GET", "/api/v1/audit/verify", "union_officer", "", 403},
    // Organisations and links
    {"GET", "/api/v1/orgs/{sibling_org}", "union_officer", "", 200},
    {"GET", "/api/v1/orgs/{sibling_org}", "worker", "", 403},
    {"GET", "/api/v1/orgs?in_scope=true", "civil_affairs_officer", "", 200},
    {"POST", "/api/v1/units/{bj_unit}/org-links", "union_officer", R"({"org_id":{own_org}})", 201},
    {"POST", "/api/v1/units/{sibling_unit}/org-links", "union_officer", R"({"org_id":{own_org}})",
     404},
    {"POST", "/api/v1/units/{bj_unit}/org-links", "civil_affairs_officer",
     R"({"org_id":{own_org}})", 403},
    {"GET", "/api/v1/units/{bj_unit}/org-links", "union_officer", "", 200},
    {"PATCH", "/api/v1/orgs/{own_org}", "civil_affairs_officer", R"({"legal_rep":"李四"})", 200},
    {"PATCH", "/api/v1/orgs/{sibling_org}", "civil_affairs_officer", R"({"legal_rep":"李四"})", 403},
    {"PATCH", "/api/v1/orgs/{own_org}", "union_officer", R"({"legal_rep":"李四"})", 403},
    {"GET", "/api/v1/orgs/{own_org}/history", "civil_affairs_officer", "", 200},
    {"GET", "/api/v1/orgs/{sibling_org}/history", "civil_affairs_officer", "", 404},
    {"POST", "/api/v1/orgs/{sibling_org}/transitions", "civil_affairs_officer",
     R"({"to":"abnormal","reason":"x"})", 403},
    {"POST", "/api/v1/orgs/{own_org}/transitions", "union_officer",
     R"({"to":"abnormal","reason":"x"})", 403},
    {"POST", "/api/v1/orgs/{own_org}/transitions", "civil_affairs_officer",
     R"({"to":"abnormal","reason":"未按时报送年报"})", 200},
    {"POST", "/api/v1/orgs", "union_officer", "{}", 403},
    {"POST", "/api/v1/orgs/import", "union_officer", "name,uscc\n", 403},
    {"GET", "/api/v1/orgs/import/template", "union_officer", "", 403},
    {"GET", "/api/v1/orgs/import/template?format=csv", "civil_affairs_officer", "", 200},
    {"GET", "/api/v1/orgs/export?format=csv", "worker", "", 403},
    {"GET", "/api/v1/orgs/export?format=csv", "union_officer", "", 200},
    // Reference data and the session itself
    {"GET", "/api/v1/regions", "worker", "", 200},
    {"GET", "/api/v1/regions/110101", "union_officer", "", 200},
    {"GET", "/api/v1/auth/me", "worker", "", 200},
    {"GET", "/api/v1/auth/me", "audit_admin", "", 200},
};

constexpr const char* kRoles[] = {"sys_admin", "security_admin", "audit_admin", "union_officer",
                                  "worker"};

class AuthzMatrixTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    const std::int64_t bj = MakeUnit("北京市总工会", "110000", root);
    ids_["{bj_unit}"] = bj;
    ids_["{own_unit}"] = MakeUnit("东城区总工会", "110101", bj);
    ids_["{sibling_unit}"] = MakeUnit("陕西省总工会", "610000", root);
    ids_["{own_user}"] = MakeUser("dc.officer", ids_["{own_unit}"], "union_officer");
    ids_["{sibling_user}"] = MakeUser("sx.officer", ids_["{sibling_unit}"], "union_officer");
    for (const char* role : kRoles) {
      MakeUser(std::string("bj.") + role, bj, role);
      sessions_[role] = Login(std::string("bj.") + role, kPassword);
    }
    const std::int64_t bj_civil = MakeUnit("北京市民政局", "110000", root, "civil_affairs");
    const std::int64_t dc_civil = MakeUnit("东城区民政局", "110101", bj_civil, "civil_affairs");
    const std::int64_t sx_civil = MakeUnit("陕西省民政厅", "610000", root, "civil_affairs");
    MakeUser("bj.civil", bj_civil, "civil_affairs_officer");
    sessions_["civil_affairs_officer"] = Login("bj.civil", kPassword);
    ids_["{own_org}"] = MakeOrg("东城区职工服务中心", "52110101MJ00000030", "social_service",
                                "110101", dc_civil);
    ids_["{sibling_org}"] =
        MakeOrg("陕西省社会工作协会", "51610000MJ00000044", "social_group", "610000", sx_civil);
  }

  std::int64_t MakeUnit(const std::string& name, const std::string& region, std::int64_t parent,
                        const std::string& kind = "union") {
    auto r = Call(admin_, "POST", "/api/v1/units",
                  boost::json::serialize(boost::json::object{{"name", name},
                                                             {"kind", kind},
                                                             {"region_code", region},
                                                             {"parent_id", parent}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  std::int64_t MakeOrg(const std::string& name, const std::string& uscc, const std::string& type,
                       const std::string& region, std::int64_t unit) {
    boost::json::object body{{"name", name},          {"uscc", uscc},
                             {"org_type", type},      {"region_code", region},
                             {"registration_unit_id", unit}, {"legal_rep", "王伟"},
                             {"phone", "13912345678"}, {"founded_on", "2015-06-01"},
                             {"business_scope", "职工服务"}, {"service_categories", {"skills"}},
                             {"labour_field", true}};
    auto r = Call(admin_, "POST", "/api/v1/orgs", boost::json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  std::int64_t MakeUser(const std::string& username, std::int64_t unit, const std::string& role) {
    boost::json::object body{{"username", username},   {"password", kPassword},
                             {"display_name", "王伟"}, {"unit_id", unit},
                             {"roles", {role}}};
    if (role == "worker") body["worker_id"] = 1;
    auto r = Call(admin_, "POST", "/api/v1/users", boost::json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  std::string Fill(std::string text) const {
    for (const auto& [name, id] : ids_) {
      for (auto at = text.find(name); at != std::string::npos; at = text.find(name)) {
        text.replace(at, name.size(), std::to_string(id));
      }
    }
    return text;
  }

  Session admin_;
  std::map<std::string, std::int64_t> ids_;
  std::map<std::string, Session> sessions_;
};

TEST_P(AuthzMatrixTest, EveryCaseAnswersItsStatus) {
  for (const Case& c : kCases) {
    const std::string target = Fill(c.target);
    auto r = Call(sessions_.at(c.role), c.method, target, Fill(c.body));
    EXPECT_EQ(r.status, c.status) << c.method << " " << target << " as " << c.role << ": "
                                  << r.body;
  }
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(AuthzMatrixTest);

}  // namespace
}  // namespace lianyin::test
