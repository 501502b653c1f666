#pragma once
// The fixture of the matching API tests (issue #10; matching_api_test.cpp and
// matching_run_api_test.cpp): 北京市总工会 ⊃ 东城区总工会 and 陕西省总工会 (union units),
// 北京市民政局 and 陕西省民政厅 (registration authorities) with organisations registered at each,
// and a user for every role the matching routes distinguish.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api/api_fixture.hpp"
#include "domain/account/worker_repo.hpp"

namespace lianyin::test {

class MatchingApiFixture : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    // Many logins from 127.0.0.1 in one test.
    EXPECT_EQ(Call(admin_, "PATCH", "/api/v1/settings", R"({"login_rate_per_minute":1000})").status,
              200);
    const std::int64_t root = units_->RootUnit().value().id;
    bj_civil_ = MakeUnit(admin_, "北京市民政局", "civil_affairs", "110000", root);
    sx_civil_ = MakeUnit(admin_, "陕西省民政厅", "civil_affairs", "610000", root);
    bj_union_ = MakeUnit(admin_, "北京市总工会", "union", "110000", root);
    dc_union_ = MakeUnit(admin_, "东城区总工会", "union", "110101", bj_union_);
    sx_union_ = MakeUnit(admin_, "陕西省总工会", "union", "610000", root);
    org_a_ = MakeOrg("北京市职工服务中心", "52110000MJ0000001", bj_civil_, "110000");
    org_b_ = MakeOrg("北京市社会工作协会", "52110000MJ0000002", bj_civil_, "110000");
    org_c_ = MakeOrg("北京市心理健康协会", "52110000MJ0000003", bj_civil_, "110000");
    sx_org_ = MakeOrg("陕西省职工服务中心", "52610000MJ0000004", sx_civil_, "610000");
    {
      store::Session session = db().Acquire();
      worker_id_ = domain::account::WorkerRepo(session).Insert(bj_union_, "张三",
                                                               "2026-01-01T00:00:00+08:00");
    }
    MakeUser("bj.union", bj_union_, "union_officer");
    MakeUser("sx.union", sx_union_, "union_officer");
    MakeUser("bj.civil", bj_civil_, "civil_affairs_officer");
    MakeUser("bj.admin", bj_civil_, "admin");
    MakeUser("sx.admin", sx_civil_, "admin");
    MakeUser("member.a", bj_union_, "org_member", org_a_);
    MakeUser("member.b", bj_union_, "org_member", org_b_);
    MakeUser("bj.expert", bj_union_, "expert");
    MakeUser("bj.inspector", bj_union_, "inspector");
    MakeUser("bj.worker", bj_union_, "worker");
    union_ = Login("bj.union");
    foreign_ = Login("sx.union");
    civil_ = Login("bj.civil");
    officer_ = Login("bj.admin");
    foreign_officer_ = Login("sx.admin");
    member_ = Login("member.a");
    other_member_ = Login("member.b");
    expert_ = Login("bj.expert");
    inspector_ = Login("bj.inspector");
    worker_ = Login("bj.worker");
  }

  std::int64_t MakeOrg(const std::string& name, const std::string& first17, std::int64_t unit,
                       const std::string& region) {
    auto r = Call(admin_, "POST", "/api/v1/orgs", OrgJson(name, Uscc(first17), unit, region));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  void MakeUser(const std::string& username, std::int64_t unit, const std::string& role,
                std::int64_t org = 0) {
    boost::json::object body{{"username", username},
                             {"password", kPassword},
                             {"display_name", "赵敏"},
                             {"unit_id", unit},
                             {"roles", {role}}};
    if (org) body["org_id"] = org;
    if (role == "worker") body["worker_id"] = worker_id_;
    auto r = Call(admin_, "POST", "/api/v1/users", boost::json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
  }

  // An active abnormal-list entry of `org` (entered by the Beijing registration authority).
  void ListOnCredit(std::int64_t org) {
    auto r = Call(
        civil_, "POST", "/api/v1/orgs/" + std::to_string(org) + "/credit-entries",
        R"({"list":"abnormal","reason":"未按规定报送年度工作报告","entered_on":"2024-01-15"})");
    EXPECT_EQ(r.status, 201) << r.body;
  }

  struct DemandSpec {
    std::string title = "职工技能培训";
    std::string category = "skills";
    std::string region = "110101";
    std::int64_t headcount = 10;
    std::string start = "2024-05-01";
    std::string end = "2024-05-10";
    std::int64_t unit = 0;  // 0: 北京市总工会
  };
  boost::json::object DemandBody(const DemandSpec& d) const {
    return {{"title", d.title},
            {"category", d.category},
            {"region_code", d.region},
            {"headcount", d.headcount},
            {"window_start", d.start},
            {"window_end", d.end},
            {"target_group", "new_employment_workers"},
            {"description", "为新就业形态劳动者提供技能培训"},
            {"unit_id", d.unit ? d.unit : bj_union_}};
  }
  std::int64_t MakeDemand(const DemandSpec& d, const Session* as = nullptr) {
    auto r =
        Call(as ? *as : union_, "POST", "/api/v1/demands", boost::json::serialize(DemandBody(d)));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  struct ResourceSpec {
    std::int64_t org = 0;  // 0: org_a_
    std::string title = "职业技能培训课程";
    std::string category = "skills";
    std::vector<std::string> regions = {"110000"};
    std::int64_t capacity = 10;
    std::string start = "2024-05-01";
    std::string end = "2024-05-31";
    std::int64_t cost = 1000;
  };
  boost::json::object ResourceBody(const ResourceSpec& s) const {
    boost::json::array codes;
    for (const std::string& c : s.regions) codes.emplace_back(c);
    return {{"org_id", s.org ? s.org : org_a_},
            {"title", s.title},
            {"category", s.category},
            {"region_codes", codes},
            {"capacity", s.capacity},
            {"window_start", s.start},
            {"window_end", s.end},
            {"cost_per_person_fen", s.cost},
            {"description", "每期一周"}};
  }
  // Made by the platform administrator unless `as` is given.
  std::int64_t MakeResource(const ResourceSpec& s, const Session* as = nullptr) {
    auto r = Call(as ? *as : admin_, "POST", "/api/v1/resources",
                  boost::json::serialize(ResourceBody(s)));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  static std::string D(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/demands/" + std::to_string(id) + rest;
  }
  static std::string R(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/resources/" + std::to_string(id) + rest;
  }
  static std::string Run(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/matching/runs/" + std::to_string(id) + rest;
  }
  static std::string M(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/matches/" + std::to_string(id) + rest;
  }

  // GET `target` as `as`, expecting 200.
  boost::json::object Get(const std::string& target, const Session* as = nullptr) {
    auto r = Call(as ? *as : admin_, "GET", target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return r.status == 200 ? Json(r) : boost::json::object{};
  }
  std::int64_t Total(const Session& as, const std::string& target) {
    auto r = Call(as, "GET", target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return r.status == 200 ? Json(r).at("total").as_int64() : -1;
  }

  // A run as `as` (the Beijing union officer unless given), expecting 201.
  boost::json::object MakeRun(const boost::json::object& body, const Session* as = nullptr) {
    auto r = Call(as ? *as : union_, "POST", "/api/v1/matching/runs", boost::json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r) : boost::json::object{};
  }

  static std::string Field(const HttpResult& r, std::size_t i = 0) {
    const boost::json::object body = Json(r);
    const auto& details = body.at("error").at("details").as_array();
    return i < details.size() ? std::string(details.at(i).at("field").as_string()) : "";
  }
  static std::vector<std::string> Fields(const HttpResult& r) {
    std::vector<std::string> out;
    const boost::json::object body = Json(r);
    for (const auto& d : body.at("error").at("details").as_array()) {
      out.emplace_back(d.at("field").as_string());
    }
    return out;
  }
  static std::string Message(const HttpResult& r) {
    return std::string(Json(r).at("error").at("message").as_string());
  }
  static double Number(const boost::json::value& v) { return v.to_number<double>(); }

  Session admin_, union_, foreign_, civil_, officer_, foreign_officer_, member_, other_member_,
      expert_, inspector_, worker_;
  std::int64_t bj_civil_ = 0, sx_civil_ = 0, bj_union_ = 0, dc_union_ = 0, sx_union_ = 0;
  std::int64_t org_a_ = 0, org_b_ = 0, org_c_ = 0, sx_org_ = 0;
  std::int64_t worker_id_ = 0;
};

}  // namespace lianyin::test
