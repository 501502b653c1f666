// A worker posts demands from the phone pages (issue #11, docs/api.md "Demands, resources and
// matching"): over HTTP on both engines, a worker's demand is owned by its worker record's unit
// and by itself; it sees only its own (another worker's and the unit's → 404), may not name
// another unit or worker (422), and officers of the unit see it with its worker_id.

#include <gtest/gtest.h>

#include "api/matching_fixture.hpp"

namespace lianyin::test {
namespace {

namespace json = boost::json;

class WorkerDemandApiTest : public MatchingApiFixture {
 protected:
  void SetUp() override {
    MatchingApiFixture::SetUp();
    if (IsSkipped()) return;
    {
      store::Session session = db().Acquire();
      other_worker_id_ = domain::account::WorkerRepo(session).Insert(dc_union_, "李四",
                                                                     "2026-01-01T00:00:00+08:00");
    }
    json::object body{{"username", "13900000002"}, {"password", kPassword},
                      {"display_name", "李四"},    {"unit_id", dc_union_},
                      {"roles", {"worker"}},       {"worker_id", other_worker_id_}};
    auto r = Call(admin_, "POST", "/api/v1/users", json::serialize(body));
    ASSERT_EQ(r.status, 201) << r.body;
    other_worker_ = Login("13900000002");
  }

  // What the phone form sends: no unit, no worker.
  static json::object PhoneBody(const std::string& title = "小区快递驿站需要职工健康讲座") {
    return {{"title", title},
            {"category", "health"},
            {"region_code", "110101"},
            {"headcount", 1},
            {"window_start", "2026-07-01"},
            {"window_end", "2026-07-31"},
            {"description", "下班后 18:30 以后"}};
  }

  HttpResult Post(const Session& as, const json::object& body) {
    return Call(as, "POST", "/api/v1/demands", json::serialize(body));
  }

  std::int64_t other_worker_id_ = 0;
  Session other_worker_;
};

TEST_P(WorkerDemandApiTest, AWorkerPostsADemandOfItsOwnUnit) {
  auto created = Post(worker_, PhoneBody());
  ASSERT_EQ(created.status, 201) << created.body;
  const json::object d = Json(created);
  EXPECT_EQ(d.at("unit_id").as_int64(), bj_union_);
  EXPECT_EQ(d.at("unit_name").as_string(), "北京市总工会");
  EXPECT_EQ(d.at("worker_id").as_int64(), worker_id_);
  EXPECT_EQ(d.at("status").as_string(), "open");
  EXPECT_EQ(d.at("headcount").as_int64(), 1);

  // Naming its own unit and itself is the same thing.
  json::object explicit_owner = PhoneBody("职工子女暑期托管");
  explicit_owner["unit_id"] = bj_union_;
  explicit_owner["worker_id"] = worker_id_;
  auto same = Post(worker_, explicit_owner);
  ASSERT_EQ(same.status, 201) << same.body;
  EXPECT_EQ(Json(same).at("worker_id").as_int64(), worker_id_);

  // The unit's officers see it, with the worker who posted it; a demand of theirs has none.
  const json::object seen = Get(D(d.at("id").as_int64()), &union_);
  EXPECT_EQ(seen.at("worker_id").as_int64(), worker_id_);
  EXPECT_TRUE(Get(D(MakeDemand({})), &union_).at("worker_id").is_null());
  // Its audit entry names the worker.
  const json::object audit =
      Get("/api/v1/audit?entity=demand&entity_id=" + std::to_string(d.at("id").as_int64()));
  ASSERT_EQ(audit.at("items").as_array().size(), 1u);
  EXPECT_EQ(audit.at("items").at(0).at("after").at("worker_id").as_int64(), worker_id_);
}

TEST_P(WorkerDemandApiTest, AWorkerSeesOnlyItsOwnDemands) {
  const std::int64_t mine = Json(Post(worker_, PhoneBody())).at("id").as_int64();
  const std::int64_t theirs = Json(Post(other_worker_, PhoneBody())).at("id").as_int64();
  const std::int64_t units = MakeDemand({});

  const json::object list = Get("/api/v1/demands", &worker_);
  ASSERT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").at(0).at("id").as_int64(), mine);
  EXPECT_EQ(Total(other_worker_, "/api/v1/demands"), 1);
  // Officers of the unit see both workers' demands and their own (东城区 is below 北京市).
  EXPECT_EQ(Total(union_, "/api/v1/demands"), 3);
  EXPECT_EQ(Total(foreign_, "/api/v1/demands"), 0);

  EXPECT_EQ(Get(D(mine), &worker_).at("id").as_int64(), mine);
  EXPECT_EQ(Call(worker_, "GET", D(theirs)).status, 404);
  EXPECT_EQ(Call(worker_, "GET", D(units)).status, 404);
  EXPECT_EQ(Call(worker_, "PATCH", D(theirs), R"({"headcount":2})").status, 404);
  EXPECT_EQ(Call(worker_, "POST", D(units, "/transitions"), R"({"to":"withdrawn"})").status, 404);

  // Its own it edits and withdraws.
  auto edited = Call(worker_, "PATCH", D(mine), R"({"headcount":3})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(Json(edited).at("headcount").as_int64(), 3);
  auto withdrawn = Call(worker_, "POST", D(mine, "/transitions"), R"({"to":"withdrawn"})");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(Json(withdrawn).at("status").as_string(), "withdrawn");
  EXPECT_EQ(Call(worker_, "PATCH", D(mine), R"({"unit_id":1})").status, 422);
}

TEST_P(WorkerDemandApiTest, AWorkerCannotPostForAnotherUnitOrWorker) {
  json::object other_unit = PhoneBody();
  other_unit["unit_id"] = dc_union_;
  auto unit = Post(worker_, other_unit);
  ASSERT_EQ(unit.status, 422) << unit.body;
  EXPECT_EQ(Field(unit), "unit_id");
  EXPECT_EQ(Json(unit).at("error").at("details").at(0).at("message").as_string(),
            "必须是您的职工档案所在单位");

  json::object other_worker = PhoneBody();
  other_worker["worker_id"] = other_worker_id_;
  auto worker = Post(worker_, other_worker);
  ASSERT_EQ(worker.status, 422) << worker.body;
  EXPECT_EQ(Field(worker), "worker_id");

  // The region must lie in the worker's unit's region (北京市), as for any demand.
  json::object far = PhoneBody();
  far["region_code"] = "610000";
  auto outside = Post(worker_, far);
  ASSERT_EQ(outside.status, 422) << outside.body;
  EXPECT_EQ(Field(outside), "region_code");

  // Field errors and the owner's at once.
  json::object bad = PhoneBody("");
  bad["headcount"] = 0;
  bad["worker_id"] = other_worker_id_;
  auto refused = Post(worker_, bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  const std::vector<std::string> fields = Fields(refused);
  EXPECT_EQ(std::set<std::string>(fields.begin(), fields.end()),
            (std::set<std::string>{"title", "headcount", "worker_id"}));

  // An officer names a unit and no worker.
  json::object by_officer = PhoneBody();
  EXPECT_EQ(Field(Post(union_, by_officer)), "unit_id");
  by_officer["unit_id"] = bj_union_;
  by_officer["worker_id"] = worker_id_;
  auto officer = Post(union_, by_officer);
  ASSERT_EQ(officer.status, 422) << officer.body;
  EXPECT_EQ(Field(officer), "worker_id");

  EXPECT_EQ(Total(union_, "/api/v1/demands"), 0);  // nothing was stored
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(WorkerDemandApiTest);

}  // namespace
}  // namespace lianyin::test
