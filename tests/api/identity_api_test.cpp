// Units, users and roles over HTTP (docs/api.md "Units, users, roles"): permissions per route
// (403), data scope (404), field errors (422) and conflicts (409).

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>

#include "api/api_fixture.hpp"

namespace lianyin::test {
namespace {

std::int64_t Id(const HttpResult& r) { return Json(r).at("id").as_int64(); }

std::vector<std::string> Fields(const HttpResult& r) {
  std::vector<std::string> out;
  const boost::json::object body = Json(r);
  for (const auto& d : body.at("error").at("details").as_array()) {
    out.emplace_back(d.at("field").as_string());
  }
  return out;
}

class IdentityApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    root_ = Json(Call(admin_, "GET", "/api/v1/auth/me")).at("user").at("unit_id").as_int64();
    beijing_ = CreateUnit("北京市总工会", "110000", root_);
    shaanxi_ = CreateUnit("陕西省总工会", "610000", root_);
  }

  std::int64_t CreateUnit(const std::string& name, const std::string& region, std::int64_t parent) {
    auto r = Call(admin_, "POST", "/api/v1/units",
                  R"({"name":")" + name + R"(","kind":"union","region_code":")" + region +
                      R"(","parent_id":)" + std::to_string(parent) + "}");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Id(r) : 0;
  }

  HttpResult CreateUser(const std::string& username, std::int64_t unit,
                        const std::string& role = "union_officer") {
    return Call(admin_, "POST", "/api/v1/users",
                R"({"username":")" + username + R"(","password":")" + kPassword +
                    R"(","display_name":"王伟","unit_id":)" + std::to_string(unit) +
                    R"(,"roles":[")" + role + R"("]})");
  }

  Session admin_;
  std::int64_t root_ = 0, beijing_ = 0, shaanxi_ = 0;
};

TEST_P(IdentityApiTest, UnitsLifecycle) {
  auto own = Call(admin_, "GET", "/api/v1/units");
  ASSERT_EQ(own.status, 200) << own.body;
  ASSERT_EQ(Json(own).at("total").as_int64(), 1);
  EXPECT_TRUE(Json(own).at("items").at(0).at("has_children").as_bool());
  auto children = Call(admin_, "GET", "/api/v1/units?parent_id=" + std::to_string(root_));
  EXPECT_EQ(Json(children).at("total").as_int64(), 2);

  const std::int64_t dongcheng = CreateUnit("东城区总工会", "110101", beijing_);
  auto got = Call(admin_, "GET", "/api/v1/units/" + std::to_string(dongcheng));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(Json(got).at("region_name").as_string(), "东城区");
  EXPECT_EQ(Json(got).at("parent_id").as_int64(), beijing_);

  auto patched =
      Call(admin_, "PATCH", "/api/v1/units/" + std::to_string(dongcheng),
           R"({"name":"东城区总工会（新）","leading_group_established_on":"2022-03-01"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Json(patched).at("leading_group_established_on").as_string(), "2022-03-01");
  auto cleared = Call(admin_, "PATCH", "/api/v1/units/" + std::to_string(dongcheng),
                      R"({"leading_group_established_on":null})");
  EXPECT_TRUE(Json(cleared).at("leading_group_established_on").is_null());

  auto cycle = Call(admin_, "POST", "/api/v1/units/" + std::to_string(beijing_) + "/move",
                    R"({"parent_id":)" + std::to_string(dongcheng) + "}");
  EXPECT_EQ(cycle.status, 409);
  EXPECT_EQ(Call(admin_, "DELETE", "/api/v1/units/" + std::to_string(beijing_)).status, 409);
  auto deleted = Call(admin_, "DELETE", "/api/v1/units/" + std::to_string(dongcheng));
  EXPECT_EQ(deleted.status, 200);
  EXPECT_EQ(deleted.body, "{}");
  EXPECT_EQ(Call(admin_, "GET", "/api/v1/units/" + std::to_string(dongcheng)).status, 404);
  EXPECT_EQ(Call(admin_, "GET", "/api/v1/units/abc").status, 404);
  auto trail = Call(admin_, "GET", "/api/v1/audit?entity=unit&page_size=200");
  EXPECT_GE(Json(trail).at("total").as_int64(), 6);  // 3 creations, update, move, delete
  EXPECT_TRUE(Json(Call(admin_, "GET", "/api/v1/audit/verify")).at("ok").as_bool());
}

TEST_P(IdentityApiTest, UnitFieldErrorsComeTogether) {
  auto r = Call(admin_, "POST", "/api/v1/units", R"({"kind":"church","region_code":"110000"})");
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(Fields(r), (std::vector<std::string>{"name", "kind", "parent_id"}));
  auto empty = Call(admin_, "POST", "/api/v1/units", "{}");
  EXPECT_EQ(Fields(empty), (std::vector<std::string>{"name", "kind", "region_code", "parent_id"}));
  auto region = Call(admin_, "POST", "/api/v1/units",
                     R"({"name":"x","kind":"union","region_code":"610000","parent_id":)" +
                         std::to_string(beijing_) + "}");
  EXPECT_EQ(Fields(region), std::vector<std::string>{"region_code"});
  auto filter = Call(admin_, "GET", "/api/v1/units?parent_id=x&kind=y&page_size=0");
  EXPECT_EQ(filter.status, 422);
}

TEST_P(IdentityApiTest, AnOfficerIsHeldToItsPermissionsAndScope) {
  auto created = CreateUser("bj.officer", beijing_);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Json(created).at("unit_name").as_string(), "北京市总工会");
  EXPECT_FALSE(Json(created).at("mfa_enabled").as_bool());
  EXPECT_FALSE(Json(created).contains("password_hash"));
  Session officer = Login("bj.officer", kPassword);

  auto units = Call(officer, "GET", "/api/v1/units?q=%E6%80%BB%E5%B7%A5%E4%BC%9A");
  ASSERT_EQ(units.status, 200) << units.body;
  EXPECT_EQ(Json(units).at("total").as_int64(), 1);
  EXPECT_EQ(Call(officer, "GET", "/api/v1/units/" + std::to_string(shaanxi_)).status, 404);
  auto create = Call(officer, "POST", "/api/v1/units",
                     R"({"name":"x","kind":"union","region_code":"110000","parent_id":1})");
  EXPECT_EQ(create.status, 403);
  EXPECT_EQ(ErrorCode(create), "forbidden");
  EXPECT_EQ(Call(officer, "GET", "/api/v1/roles").status, 403);
  EXPECT_EQ(Call(officer, "POST", "/api/v1/users", "{}").status, 403);

  auto users = Call(officer, "GET", "/api/v1/users");
  ASSERT_EQ(users.status, 200);
  EXPECT_EQ(Json(users).at("total").as_int64(), 1);  // not the admin at the root
  auto admin_id = Json(Call(admin_, "GET", "/api/v1/auth/me")).at("user").at("id").as_int64();
  EXPECT_EQ(Call(officer, "GET", "/api/v1/users/" + std::to_string(admin_id)).status, 404);
}

TEST_P(IdentityApiTest, UsersValidateConflictAndLoseSessions) {
  auto bad =
      Call(admin_, "POST", "/api/v1/users",
           R"({"username":"a b","password":"weak","display_name":"x","unit_id":1,"roles":[]})");
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{"username", "password", "roles"}));
  ASSERT_EQ(CreateUser("bj.officer", beijing_).status, 201);
  auto duplicate = CreateUser("bj.officer", shaanxi_);
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(ErrorCode(duplicate), "conflict");
  auto elsewhere = CreateUser("x.officer", 999999);
  EXPECT_EQ(Fields(elsewhere), std::vector<std::string>{"unit_id"});

  Session officer = Login("bj.officer", kPassword);
  auto id = Json(Call(officer, "GET", "/api/v1/auth/me")).at("user").at("id").as_int64();
  const std::string path = "/api/v1/users/" + std::to_string(id);
  auto disabled = Call(admin_, "PATCH", path, R"({"disabled":true})");
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_TRUE(Json(disabled).at("disabled").as_bool());
  EXPECT_EQ(Call(officer, "GET", "/api/v1/auth/me").status, 401);
  ASSERT_EQ(Call(admin_, "PATCH", path, R"({"disabled":false})").status, 200);

  auto reset = Call(admin_, "POST", path + "/reset-password", R"({"password":"Fresh-Passw0rd-1"})");
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_TRUE(Json(reset).at("must_change_password").as_bool());
  Session again = Login("bj.officer", "Fresh-Passw0rd-1");
  auto blocked = Call(again, "GET", "/api/v1/units");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(ErrorCode(blocked), "password_change_required");
}

TEST_P(IdentityApiTest, RolesAndTheCatalogue) {
  auto roles = Call(admin_, "GET", "/api/v1/roles");
  ASSERT_EQ(roles.status, 200);
  EXPECT_EQ(Json(roles).at("total").as_int64(), 10);
  auto catalogue = Call(admin_, "GET", "/api/v1/permissions");
  ASSERT_EQ(catalogue.status, 200);
  const boost::json::object listed = Json(catalogue);
  const auto& items = listed.at("items").as_array();
  EXPECT_TRUE(std::any_of(items.begin(), items.end(), [](const boost::json::value& p) {
    return p.at("code").as_string() == "system:audit:list" && p.at("area").as_string() == "system";
  }));

  auto unknown = Call(admin_, "PUT", "/api/v1/roles/union_officer/permissions",
                      R"({"permissions":["system:unit:list","system:nope"]})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(Call(admin_, "PUT", "/api/v1/roles/pope/permissions", R"({"permissions":[]})").status,
            404);
  ASSERT_EQ(CreateUser("bj.officer", beijing_).status, 201);
  Session officer = Login("bj.officer", kPassword);
  EXPECT_EQ(Call(officer, "GET", "/api/v1/roles").status, 403);
  auto granted = Call(admin_, "PUT", "/api/v1/roles/union_officer/permissions",
                      R"({"permissions":["system:role:list"]})");
  ASSERT_EQ(granted.status, 200) << granted.body;
  EXPECT_EQ(Call(officer, "GET", "/api/v1/roles").status, 200);  // read on every request
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(IdentityApiTest);

}  // namespace
}  // namespace lianyin::test
