// Matching runs, decisions and matches (issue #10, SPEC §5.1, docs/api.md "Matching runs" and
// "Matches") over HTTP on both engines: an instance whose optimum is computed by hand (maximum
// headcount, then minimum cost, where choosing by cost first falls short), the unmatched
// reasons, restricting a run, exclusion of organisations on a credit list, scope, decisions and
// the lifecycle of a match up to a project, exact reservations under parallel accepts, and the
// audit entries.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>

#include "api/matching_fixture.hpp"

namespace lianyin::test {
namespace {

namespace json = boost::json;

json::array Ids(std::initializer_list<std::int64_t> ids) {
  return json::array(ids.begin(), ids.end());
}

class MatchingRunApiTest : public MatchingApiFixture {
 protected:
  // Health services over June 2024 (30 days):
  //   d1 东城区, 5 people; d2 北京市 (the province), 5 people;
  //   r1 ¥1 a person covering 北京市 (both demands), room for 5;
  //   r2 ¥5 covering 东城区 (d1 only), room for 5;  r3 ¥3 covering 东城区, room for 3.
  // Only r1 serves d2, so the optimum serves all 10: d2 ← r1 ×5, d1 ← r3 ×3 + r2 ×2, costing
  // 500 + 900 + 1000 = 2400 fen. Choosing by cost first gives r1 to d1 and leaves d2 unserved.
  // r4 (¥0.01, 东城区, room for 10) belongs to an organisation on a credit list: excluded.
  struct Instance {
    std::int64_t d1 = 0, d2 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0;
  };
  Instance MakeInstance() {
    Instance i;
    const DemandSpec health{.title = "东城区职工健康体检",
                            .category = "health",
                            .region = "110101",
                            .headcount = 5,
                            .start = "2024-06-01",
                            .end = "2024-06-30"};
    i.d1 = MakeDemand(health);
    DemandSpec province = health;
    province.title = "北京市职工健康体检";
    province.region = "110000";
    i.d2 = MakeDemand(province);
    ResourceSpec r{.org = org_a_,
                   .title = "职工健康体检服务",
                   .category = "health",
                   .regions = {"110000"},
                   .capacity = 5,
                   .start = "2024-06-01",
                   .end = "2024-06-30",
                   .cost = 100};
    i.r1 = MakeResource(r);
    r.org = org_b_;
    r.regions = {"110101"};
    r.cost = 500;
    i.r2 = MakeResource(r);
    r.org = org_a_;
    r.capacity = 3;
    r.cost = 300;
    i.r3 = MakeResource(r);
    r.org = org_c_;
    r.capacity = 10;
    r.cost = 1;
    i.r4 = MakeResource(r);
    ListOnCredit(org_c_);
    return i;
  }

  // The assignment of `run` from `demand` to `resource` (an empty object when there is none).
  static json::object Assignment(const json::object& run, std::int64_t demand,
                                 std::int64_t resource) {
    for (const auto& a : run.at("assignments").as_array()) {
      if (a.at("demand_id").as_int64() == demand && a.at("resource_id").as_int64() == resource) {
        return a.as_object();
      }
    }
    return {};
  }
  static std::int64_t MatchId(const json::object& run, std::int64_t demand, std::int64_t resource) {
    const json::object a = Assignment(run, demand, resource);
    return a.empty() ? 0 : a.at("id").as_int64();
  }

  HttpResult Step(const Session& as, std::int64_t match, const std::string& step,
                  const std::string& body = "") {
    return Call(as, "POST", M(match, "/" + step), body);
  }
  std::string MatchStatus(std::int64_t match) {
    return std::string(Get(M(match), &union_).at("status").as_string());
  }
};

TEST_P(MatchingRunApiTest, ARunFindsTheOptimumNotTheCheapestFirst) {
  const Instance i = MakeInstance();
  const json::object run = MakeRun({});
  ASSERT_FALSE(run.empty());
  EXPECT_EQ(run.at("id").as_int64(), run.at("run_id").as_int64());
  EXPECT_EQ(run.at("unit_id").as_int64(), bj_union_);
  EXPECT_EQ(run.at("matched_headcount").as_int64(), 10);
  EXPECT_EQ(run.at("unmatched_headcount").as_int64(), 0);
  EXPECT_EQ(run.at("total_cost_fen").as_int64(), 2400);
  EXPECT_EQ(run.at("demands_considered").as_int64(), 2);
  EXPECT_EQ(run.at("resources_considered").as_int64(), 3) << "r4 left out";
  EXPECT_EQ(run.at("proposed").as_int64(), 3);
  EXPECT_TRUE(run.at("unmatched").as_array().empty());

  // The assignments are feasible and are the unique optimum.
  const std::map<std::int64_t, std::int64_t> headcount{{i.d1, 5}, {i.d2, 5}};
  const std::map<std::int64_t, std::int64_t> capacity{{i.r1, 5}, {i.r2, 5}, {i.r3, 3}};
  const std::map<std::int64_t, std::int64_t> cost{{i.r1, 100}, {i.r2, 500}, {i.r3, 300}};
  std::map<std::int64_t, std::int64_t> per_demand, per_resource;
  std::int64_t total = 0, people = 0;
  for (const auto& a : run.at("assignments").as_array()) {
    const std::int64_t d = a.at("demand_id").as_int64(), r = a.at("resource_id").as_int64();
    const std::int64_t n = a.at("headcount").as_int64();
    ASSERT_TRUE(headcount.contains(d) && capacity.contains(r)) << json::serialize(a);
    EXPECT_FALSE(d == i.d2 && r != i.r1) << "only r1 covers the province";
    EXPECT_GT(n, 0);
    EXPECT_EQ(a.at("cost_fen").as_int64(), n * cost.at(r));
    EXPECT_EQ(a.at("status").as_string(), "proposed");
    per_demand[d] += n;
    per_resource[r] += n;
    total += a.at("cost_fen").as_int64();
    people += n;
  }
  for (const auto& [d, n] : per_demand) EXPECT_LE(n, headcount.at(d));
  for (const auto& [r, n] : per_resource) EXPECT_LE(n, capacity.at(r));
  EXPECT_EQ(people, 10);
  EXPECT_EQ(total, 2400);
  EXPECT_EQ(Assignment(run, i.d2, i.r1).at("headcount").as_int64(), 5);
  EXPECT_EQ(Assignment(run, i.d1, i.r3).at("headcount").as_int64(), 3);
  EXPECT_EQ(Assignment(run, i.d1, i.r2).at("headcount").as_int64(), 2);

  const json::object a = Assignment(run, i.d1, i.r2);
  EXPECT_EQ(a.at("org_name").as_string(), "北京市社会工作协会");
  EXPECT_EQ(a.at("demand_title").as_string(), "东城区职工健康体检");
  ASSERT_EQ(a.at("reasons").as_array().size(), 5u);
  EXPECT_EQ(a.at("reasons").at(0).at("text").as_string(), "服务类别一致：职工健康服务类");
  EXPECT_EQ(a.at("reasons").at(1).at("text").as_string(), "服务范围（东城区）覆盖需求所在地区");

  const json::array& excluded = run.at("excluded").as_array();
  ASSERT_EQ(excluded.size(), 1u);
  EXPECT_EQ(excluded[0].at("resource_id").as_int64(), i.r4);
  EXPECT_EQ(excluded[0].at("org_name").as_string(), "北京市心理健康协会");
  for (const auto& x : run.at("assignments").as_array()) {
    EXPECT_NE(x.at("resource_id").as_int64(), i.r4);
  }

  // Stored as answered: GET gives the parts, the list does not.
  const json::object stored = Get(Run(run.at("id").as_int64()), &union_);
  EXPECT_EQ(stored.at("assignments").as_array().size(), 3u);
  EXPECT_EQ(stored.at("total_cost_fen").as_int64(), 2400);
  const json::object listed = Get("/api/v1/matching/runs", &union_);
  EXPECT_EQ(listed.at("total").as_int64(), 1);
  EXPECT_EQ(listed.at("items").at(0).at("id").as_int64(), run.at("id").as_int64());
  EXPECT_EQ(Total(union_, "/api/v1/matches?run_id=" + std::to_string(run.at("id").as_int64()) +
                              "&status=proposed"),
            3);
  // Nothing is reserved by proposing.
  EXPECT_EQ(Get(R(i.r1)).at("reserved").as_int64(), 0);
  EXPECT_EQ(Get(D(i.d2)).at("status").as_string(), "open");

  // English reasons on request.
  auto en = Send(port_, "GET", Run(run.at("id").as_int64()),
                 {{"Cookie", union_.cookie}, {"Accept-Language", "en"}});
  ASSERT_EQ(en.status, 200);
  EXPECT_EQ(Assignment(Json(en), i.d1, i.r2).at("reasons").at(0).at("text").as_string(),
            "same category: health");
}

// Each unmatched reason, for a demand built to have it; and the restrictions of a run.
TEST_P(MatchingRunApiTest, UnmatchedDemandsNameTheirBindingConstraint) {
  const DemandSpec june{.title = "职工文体活动",
                        .category = "culture_sports",
                        .region = "110101",
                        .headcount = 5,
                        .start = "2024-06-01",
                        .end = "2024-06-30"};
  const std::int64_t short_of_room = MakeDemand(june);
  DemandSpec spec = june;
  spec.title = "职工志愿服务";
  spec.category = "volunteer";
  spec.headcount = 4;
  const std::int64_t none = MakeDemand(spec);
  spec = june;
  spec.title = "冬季职工文体活动";
  spec.headcount = 2;
  spec.start = "2025-01-01";
  spec.end = "2025-01-31";
  const std::int64_t winter = MakeDemand(spec);
  const std::int64_t room_for_two = MakeResource({.title = "职工文体活动场地",
                                                  .category = "culture_sports",
                                                  .regions = {"110101"},
                                                  .capacity = 2,
                                                  .start = "2024-06-01",
                                                  .end = "2024-06-30",
                                                  .cost = 1000});
  // A volunteer resource, but in 陕西省: not compatible with the Beijing demand.
  MakeResource({.org = sx_org_, .category = "volunteer", .regions = {"610000"}});

  const json::object run = MakeRun({});
  ASSERT_FALSE(run.empty());
  EXPECT_EQ(run.at("matched_headcount").as_int64(), 2);
  EXPECT_EQ(run.at("unmatched_headcount").as_int64(), 3 + 4 + 2);
  EXPECT_EQ(run.at("total_cost_fen").as_int64(), 2000);
  std::map<std::int64_t, std::pair<std::int64_t, std::string>> unmatched;
  for (const auto& u : run.at("unmatched").as_array()) {
    unmatched[u.at("demand_id").as_int64()] = {u.at("headcount").as_int64(),
                                               std::string(u.at("reason").as_string())};
  }
  EXPECT_EQ(unmatched.size(), 3u);
  EXPECT_EQ(unmatched[short_of_room],
            (std::pair<std::int64_t, std::string>{3, "capacity_exhausted"}));
  EXPECT_EQ(unmatched[none], (std::pair<std::int64_t, std::string>{4, "no_compatible_resource"}));
  EXPECT_EQ(unmatched[winter], (std::pair<std::int64_t, std::string>{2, "window"}));

  // demand_ids / resource_ids restrict the run.
  const json::object only = MakeRun(
      {{"demand_ids", Ids({winter, short_of_room})}, {"resource_ids", Ids({room_for_two})}});
  EXPECT_EQ(only.at("demands_considered").as_int64(), 2);
  EXPECT_EQ(only.at("resources_considered").as_int64(), 1);
  EXPECT_EQ(only.at("matched_headcount").as_int64(), 2);
  EXPECT_EQ(only.at("unmatched").as_array().size(), 2u);
  EXPECT_EQ(only.at("request").at("demand_ids").as_array().size(), 2u);
  const json::object by_category = MakeRun({{"category", "volunteer"}});
  EXPECT_EQ(by_category.at("demands_considered").as_int64(), 1);
  EXPECT_EQ(by_category.at("resources_considered").as_int64(), 1);
  EXPECT_EQ(by_category.at("matched_headcount").as_int64(), 0);
  EXPECT_EQ(MakeRun({{"region_code", "610000"}}).at("demands_considered").as_int64(), 0);

  const std::int64_t foreign_demand =
      MakeDemand({.region = "610000", .unit = sx_union_}, &foreign_);
  auto unknown = Call(
      union_, "POST", "/api/v1/matching/runs",
      json::serialize(json::object{{"demand_ids", Ids({short_of_room, 999999, foreign_demand})}}));
  ASSERT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_EQ(Fields(unknown), (std::vector<std::string>{"demand_ids[1]", "demand_ids[2]"}));
  auto no_resource = Call(union_, "POST", "/api/v1/matching/runs", R"({"resource_ids":[999999]})");
  ASSERT_EQ(no_resource.status, 422);
  EXPECT_EQ(Field(no_resource), "resource_ids[0]");
  auto bad =
      Call(union_, "POST", "/api/v1/matching/runs", R"({"category":"sports","region_code":"12"})");
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(Fields(bad).size(), 2u);
  EXPECT_EQ(Total(union_, "/api/v1/matching/runs"), 4) << "refused runs are not stored";
}

TEST_P(MatchingRunApiTest, ARunBelongsToItsCreatorsUnit) {
  const Instance i = MakeInstance();
  const json::object run = MakeRun({});
  const std::int64_t id = run.at("id").as_int64();
  EXPECT_EQ(Call(foreign_, "GET", Run(id)).status, 404);
  EXPECT_EQ(Call(foreign_, "POST", Run(id, "/accept"), "{}").status, 404);
  EXPECT_EQ(Call(foreign_, "POST", Run(id, "/reject"), "{}").status, 404);
  EXPECT_EQ(Total(foreign_, "/api/v1/matching/runs"), 0);
  EXPECT_EQ(Total(foreign_, "/api/v1/matches"), 0);
  const std::int64_t match = run.at("assignments").at(0).at("id").as_int64();
  EXPECT_EQ(Call(foreign_, "GET", M(match)).status, 404);
  EXPECT_EQ(Call(foreign_, "POST", M(match, "/accept")).status, 404);
  // The foreign officer's own run sees none of Beijing's demands.
  const json::object theirs = MakeRun({}, &foreign_);
  EXPECT_EQ(theirs.at("demands_considered").as_int64(), 0);
  EXPECT_EQ(theirs.at("unit_id").as_int64(), sx_union_);
  EXPECT_EQ(Call(union_, "GET", Run(theirs.at("id").as_int64())).status, 404);
  EXPECT_EQ(Call(admin_, "GET", Run(theirs.at("id").as_int64())).status, 200);
  // An organisation sees the runs proposing its resources, with its own proposals only.
  const json::object seen = Get(Run(id), &member_);
  std::set<std::int64_t> resources;
  for (const auto& a : seen.at("assignments").as_array()) {
    EXPECT_EQ(a.at("org_id").as_int64(), org_a_);
    resources.insert(a.at("resource_id").as_int64());
  }
  EXPECT_EQ(resources, (std::set<std::int64_t>{i.r1, i.r3}));
  EXPECT_TRUE(seen.at("unmatched").as_array().empty());
  EXPECT_EQ(Get(Run(id), &other_member_).at("assignments").as_array().size(), 1u);
  EXPECT_EQ(Total(member_, "/api/v1/matching/runs"), 1);
  EXPECT_EQ(Total(member_, "/api/v1/matches"), 2);
  EXPECT_EQ(Call(member_, "GET", Run(theirs.at("id").as_int64())).status, 404);
  EXPECT_EQ(Call(member_, "POST", "/api/v1/matching/runs", "{}").status, 403);
  EXPECT_EQ(Call(civil_, "GET", "/api/v1/matching/runs").status, 403);
}

TEST_P(MatchingRunApiTest, DecisionsReserveAndStatusesFollow) {
  const Instance i = MakeInstance();
  const json::object run = MakeRun({});
  const std::int64_t id = run.at("id").as_int64();
  const std::int64_t d2_r1 = MatchId(run, i.d2, i.r1), d1_r2 = MatchId(run, i.d1, i.r2);

  // Accept one selected proposal.
  auto selected = Call(union_, "POST", Run(id, "/accept"),
                       "{\"match_ids\":[" + std::to_string(d2_r1) + "],\"reason\":\"先行对接\"}");
  ASSERT_EQ(selected.status, 200) << selected.body;
  EXPECT_EQ(Json(selected).at("proposed").as_int64(), 2);
  EXPECT_EQ(Assignment(Json(selected), i.d2, i.r1).at("status").as_string(), "accepted");
  EXPECT_FALSE(Get(M(d2_r1), &union_).at("decided_at").is_null());
  json::object r1 = Get(R(i.r1));
  EXPECT_EQ(r1.at("reserved").as_int64(), 5);
  EXPECT_EQ(r1.at("remaining").as_int64(), 0);
  EXPECT_EQ(r1.at("status").as_string(), "matched");
  json::object d2 = Get(D(i.d2));
  EXPECT_EQ(d2.at("matched").as_int64(), 5);
  EXPECT_EQ(d2.at("status").as_string(), "matched");
  EXPECT_EQ(Get(D(i.d1)).at("status").as_string(), "open");

  // Not a proposal awaiting a decision: 422, all or nothing.
  auto again =
      Call(union_, "POST", Run(id, "/accept"),
           "{\"match_ids\":[" + std::to_string(d1_r2) + "," + std::to_string(d2_r1) + "]}");
  ASSERT_EQ(again.status, 422) << again.body;
  EXPECT_EQ(Field(again), "match_ids[1]");
  EXPECT_EQ(MatchStatus(d1_r2), "proposed");
  EXPECT_EQ(Call(union_, "POST", Run(id, "/accept"), R"({"match_ids":[999999]})").status, 422);
  EXPECT_EQ(Call(member_, "POST", Run(id, "/accept"), "{}").status, 403);

  // Accept one directly, then the rest of the run.
  auto one = Step(union_, d1_r2, "accept");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(Json(one).at("status").as_string(), "accepted");
  json::object d1 = Get(D(i.d1));
  EXPECT_EQ(d1.at("matched").as_int64(), 2);
  EXPECT_EQ(d1.at("remaining").as_int64(), 3);
  EXPECT_EQ(d1.at("status").as_string(), "partly_matched");
  json::object r2 = Get(R(i.r2));
  EXPECT_EQ(r2.at("reserved").as_int64(), 2);
  EXPECT_EQ(r2.at("status").as_string(), "partly_matched");
  EXPECT_EQ(Step(union_, d1_r2, "accept").status, 409);
  auto rest = Call(union_, "POST", Run(id, "/accept"));
  ASSERT_EQ(rest.status, 200) << rest.body;
  EXPECT_EQ(Json(rest).at("proposed").as_int64(), 0);
  EXPECT_EQ(Get(D(i.d1)).at("status").as_string(), "matched");
  EXPECT_EQ(Get(R(i.r3)).at("status").as_string(), "matched");
  EXPECT_EQ(Get(R(i.r3)).at("reserved").as_int64(), 3);
  EXPECT_EQ(Total(union_, "/api/v1/matches?status=accepted"), 3);

  // A second run uses the capacity left only: r2's 3 places.
  const std::int64_t d6 = MakeDemand({.title = "东城区快递员体检",
                                      .category = "health",
                                      .region = "110101",
                                      .headcount = 4,
                                      .start = "2024-06-10",
                                      .end = "2024-06-20"});
  const json::object second = MakeRun({});
  EXPECT_EQ(second.at("demands_considered").as_int64(), 1) << "d1 and d2 are matched";
  // r1 and r3 are full: considered (they explain a demand left short), with no room.
  EXPECT_EQ(second.at("resources_considered").as_int64(), 3);
  EXPECT_EQ(second.at("assignments").as_array().size(), 1u);
  EXPECT_EQ(second.at("matched_headcount").as_int64(), 3);
  EXPECT_EQ(second.at("total_cost_fen").as_int64(), 1500);
  EXPECT_EQ(Assignment(second, d6, i.r2).at("headcount").as_int64(), 3);
  ASSERT_EQ(second.at("unmatched").as_array().size(), 1u);
  EXPECT_EQ(second.at("unmatched").at(0).at("headcount").as_int64(), 1);
  EXPECT_EQ(second.at("unmatched").at(0).at("reason").as_string(), "capacity_exhausted");

  // Rejecting reserves nothing.
  auto rejected = Call(union_, "POST", Run(second.at("id").as_int64(), "/reject"), "{}");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(Json(rejected).at("assignments").at(0).at("status").as_string(), "rejected");
  EXPECT_EQ(Get(R(i.r2)).at("reserved").as_int64(), 2);
  EXPECT_EQ(Get(D(d6)).at("status").as_string(), "open");
  EXPECT_EQ(Step(union_, MatchId(second, d6, i.r2), "accept").status, 409);

  // A third run proposes it again; rejecting the match itself works too.
  const json::object third = MakeRun({});
  const std::int64_t d6_r2 = MatchId(third, d6, i.r2);
  ASSERT_NE(d6_r2, 0);
  EXPECT_EQ(Step(member_, d6_r2, "reject").status, 404) << "not org_a's resource";
  EXPECT_EQ(Step(other_member_, d6_r2, "reject").status, 403) << "org members do not decide";
  ASSERT_EQ(Step(union_, d6_r2, "reject").status, 200);
  EXPECT_EQ(MatchStatus(d6_r2), "rejected");
}

TEST_P(MatchingRunApiTest, AMatchIsServedRatedAndMadeAProject) {
  const Instance i = MakeInstance();
  const json::object run = MakeRun({});
  ASSERT_EQ(Call(union_, "POST", Run(run.at("id").as_int64(), "/accept")).status, 200);
  const std::int64_t served = MatchId(run, i.d1, i.r2);   // org_b's: other_member_
  const std::int64_t dropped = MatchId(run, i.d1, i.r3);  // org_a's: member_

  // Withdrawing frees the reservation (the demand's unit only).
  EXPECT_EQ(Step(member_, dropped, "withdraw").status, 403);
  auto withdrawn = Step(union_, dropped, "withdraw");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(Json(withdrawn).at("status").as_string(), "withdrawn");
  const json::object r3 = Get(R(i.r3));
  EXPECT_EQ(r3.at("reserved").as_int64(), 0);
  EXPECT_EQ(r3.at("status").as_string(), "open");
  const json::object d1 = Get(D(i.d1));
  EXPECT_EQ(d1.at("matched").as_int64(), 2);
  EXPECT_EQ(d1.at("status").as_string(), "partly_matched");
  auto twice = Step(union_, dropped, "withdraw");
  ASSERT_EQ(twice.status, 409);
  EXPECT_EQ(Message(twice), "对接记录当前为“已撤回”，不能变为“已撤回”");

  // start (the organisation may) → complete → rate (the demand's unit only).
  EXPECT_EQ(Step(union_, served, "complete").status, 409) << "not yet in service";
  EXPECT_EQ(Step(union_, served, "project").status, 409) << "not yet in service";
  EXPECT_EQ(Step(member_, served, "start").status, 404) << "another organisation's match";
  auto started = Step(other_member_, served, "start");
  ASSERT_EQ(started.status, 200) << started.body;
  EXPECT_EQ(Json(started).at("status").as_string(), "in_service");
  EXPECT_EQ(Step(union_, served, "start").status, 409);
  EXPECT_EQ(Step(union_, served, "rate", R"({"rating":5})").status, 409) << "not done yet";
  ASSERT_EQ(Step(other_member_, served, "complete").status, 200);
  EXPECT_EQ(Step(other_member_, served, "rate", R"({"rating":5})").status, 403);
  for (const char* rating : {R"({"rating":6})", R"({"rating":0})", R"({"comment":"好"})"}) {
    auto bad = Step(union_, served, "rate", rating);
    ASSERT_EQ(bad.status, 422) << rating << ": " << bad.body;
    EXPECT_EQ(Field(bad), "rating");
  }
  auto rated = Step(union_, served, "rate", R"({"rating":4,"comment":"服务周到"})");
  ASSERT_EQ(rated.status, 200) << rated.body;
  EXPECT_EQ(Json(rated).at("status").as_string(), "rated");
  EXPECT_EQ(Json(rated).at("rating").as_int64(), 4);
  EXPECT_EQ(Json(rated).at("rating_comment").as_string(), "服务周到");
  EXPECT_EQ(Step(union_, served, "rate", R"({"rating":3})").status, 409);
  EXPECT_EQ(Get(R(i.r2)).at("reserved").as_int64(), 2) << "a served match keeps its places";

  // The rating feeds recommendations: 10 × (4 − 1) / 4 = 7.5 points for org_b.
  const std::int64_t next = MakeDemand({.title = "东城区职工复查",
                                        .category = "health",
                                        .region = "110101",
                                        .headcount = 1,
                                        .start = "2024-06-01",
                                        .end = "2024-06-30"});
  bool seen = false;
  const json::object recommended = Get(D(next, "/recommendations"), &union_);
  for (const auto& item : recommended.at("items").as_array()) {
    if (item.at("resource_id").as_int64() != i.r2) continue;
    seen = true;
    const json::value& why = item.at("reasons").at(6);
    EXPECT_EQ(why.at("text").as_string(), "1 次服务平均评分 4.0");
    EXPECT_DOUBLE_EQ(Number(why.at("points")), 7.5);
  }
  EXPECT_TRUE(seen);

  // A project of it: a draft funded by the demand's unit, the match's cost as budget.
  EXPECT_EQ(Step(other_member_, served, "project").status, 403);
  auto made = Step(union_, served, "project");
  ASSERT_EQ(made.status, 201) << made.body;
  ASSERT_TRUE(Json(made).at("project_id").is_int64());
  const std::int64_t project_id = Json(made).at("project_id").as_int64();
  const json::object project = Get("/api/v1/projects/" + std::to_string(project_id), &union_);
  EXPECT_EQ(project.at("status").as_string(), "draft");
  EXPECT_EQ(project.at("budget_fen").as_int64(), 1000);
  EXPECT_EQ(project.at("funding_unit_id").as_int64(), bj_union_);
  EXPECT_EQ(project.at("provider_org_ids").at(0).as_int64(), org_b_);
  EXPECT_EQ(project.at("mode").as_string(), "purchase");
  EXPECT_EQ(project.at("category").as_string(), "health");
  EXPECT_EQ(project.at("start_on").as_string(), "2024-06-01");
  EXPECT_EQ(project.at("end_on").as_string(), "2024-06-30");
  EXPECT_EQ(Get(M(served), &union_).at("project_id").as_int64(), project_id);
  auto second = Step(union_, served, "project");
  ASSERT_EQ(second.status, 409) << second.body;
  EXPECT_EQ(Message(second), "该对接记录已生成项目 " + std::to_string(project_id));

  // Withdrawing a demand withdraws its accepted matches, freeing their places; served ones stay.
  const std::int64_t d2_r1 = MatchId(run, i.d2, i.r1);
  ASSERT_EQ(Call(union_, "POST", D(i.d2, "/transitions"), R"({"to":"withdrawn"})").status, 200);
  EXPECT_EQ(MatchStatus(d2_r1), "withdrawn");
  EXPECT_EQ(Get(R(i.r1)).at("reserved").as_int64(), 0);
  EXPECT_EQ(Get(R(i.r1)).at("status").as_string(), "open");
  ASSERT_EQ(Call(union_, "POST", D(i.d1, "/transitions"), R"({"to":"withdrawn"})").status, 200);
  EXPECT_EQ(MatchStatus(served), "rated");
  EXPECT_EQ(Get(R(i.r2)).at("reserved").as_int64(), 2);

  const json::object summary = Get("/api/v1/matching/summary", &union_);
  EXPECT_EQ(summary.at("proposals_to_review").as_int64(), 0);
  EXPECT_EQ(summary.at("in_service").as_int64(), 0);
  EXPECT_EQ(summary.at("to_rate").as_int64(), 0);
}

// One resource with room for 10, eight runs each proposing 3 of it for its own demand, accepted
// from eight threads at once: exactly three fit (9 ≤ 10), the others answer 409, and the
// reservation is exactly what was accepted. A few rounds, each with a new resource.
TEST_P(MatchingRunApiTest, ParallelAcceptsNeverOverReserve) {
  for (int round = 0; round < 3; ++round) {
    const std::int64_t resource = MakeResource({.title = "职工志愿服务队",
                                                .category = "volunteer",
                                                .regions = {"110000"},
                                                .capacity = 10,
                                                .start = "2024-07-01",
                                                .end = "2024-07-31",
                                                .cost = 200});
    std::vector<std::int64_t> runs;
    for (int k = 0; k < 8; ++k) {
      const std::int64_t demand = MakeDemand({.title = "志愿服务需求" + std::to_string(k),
                                              .category = "volunteer",
                                              .region = "110101",
                                              .headcount = 3,
                                              .start = "2024-07-01",
                                              .end = "2024-07-31"});
      const json::object run =
          MakeRun({{"demand_ids", Ids({demand})}, {"resource_ids", Ids({resource})}});
      ASSERT_EQ(run.at("matched_headcount").as_int64(), 3) << "round " << round;
      runs.push_back(run.at("id").as_int64());
    }
    std::vector<HttpResult> answers(runs.size());
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < runs.size(); ++k) {
      threads.emplace_back([&, k] { answers[k] = Call(union_, "POST", Run(runs[k], "/accept")); });
    }
    for (auto& t : threads) t.join();
    std::map<int, int> counted;
    for (const HttpResult& a : answers) {
      ++counted[a.status];
      EXPECT_TRUE(a.status == 200 || a.status == 409) << a.status << ": " << a.body;
    }
    EXPECT_EQ(counted[200], 3) << "round " << round;
    EXPECT_EQ(counted[409], 5) << "round " << round;
    const json::object r = Get(R(resource));
    EXPECT_EQ(r.at("reserved").as_int64(), 9) << "round " << round;
    EXPECT_LE(r.at("reserved").as_int64(), r.at("capacity").as_int64());
    EXPECT_EQ(r.at("status").as_string(), "partly_matched");
    EXPECT_EQ(
        Total(union_, "/api/v1/matches?status=accepted&resource_id=" + std::to_string(resource)),
        3);
    EXPECT_EQ(
        Total(union_, "/api/v1/matches?status=proposed&resource_id=" + std::to_string(resource)), 5)
        << "a refused accept changed nothing";
    for (std::size_t k = 0; k < runs.size(); ++k) {
      if (answers[k].status != 200) continue;
      EXPECT_EQ(Json(answers[k]).at("assignments").at(0).at("status").as_string(), "accepted");
    }
  }
}

TEST_P(MatchingRunApiTest, RunsAndDecisionsAreAudited) {
  const Instance i = MakeInstance();
  const json::object run = MakeRun({});
  const std::int64_t match = MatchId(run, i.d2, i.r1);
  ASSERT_EQ(Call(union_, "POST", Run(run.at("id").as_int64(), "/accept"),
                 "{\"match_ids\":[" + std::to_string(match) + "]}")
                .status,
            200);
  ASSERT_EQ(Step(union_, MatchId(run, i.d1, i.r2), "reject").status, 200);
  const json::object created =
      Get("/api/v1/audit?entity=matching_run&entity_id=" + std::to_string(run.at("id").as_int64()));
  ASSERT_EQ(created.at("total").as_int64(), 1);
  EXPECT_EQ(created.at("items").at(0).at("action").as_string(), "create");
  const json::object accepted =
      Get("/api/v1/audit?entity=match&action=accept&entity_id=" + std::to_string(match));
  EXPECT_EQ(accepted.at("total").as_int64(), 1);
  EXPECT_EQ(Total(admin_, "/api/v1/audit?entity=match&action=reject"), 1);
  EXPECT_EQ(Total(admin_, "/api/v1/audit?entity=demand&action=create"), 2);
  EXPECT_EQ(Total(admin_, "/api/v1/audit?entity=resource&action=create"), 4);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(MatchingRunApiTest);

}  // namespace
}  // namespace lianyin::test
