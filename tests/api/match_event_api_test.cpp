// An event made of a served match (issue #11, docs/api.md "Matches": POST /matches/{id}/event)
// over HTTP on both engines: the draft event of the resource's organisation with the demand's
// defaults and the match linked to it, 409 the second time and for a match not yet served, one
// event of many parallel requests, the event service's own checks (422 without an address, 403
// for an officer whose scope would not own the event), scope (404) and permissions (403), and
// the audit entries.

#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "api/venue_fixture.hpp"
#include "core/date.hpp"

namespace lianyin::test {
namespace {

namespace json = boost::json;

class MatchEventApiTest : public VenueApiFixture {
 protected:
  static std::string In(std::int64_t seconds) {
    return core::FormatDateTime({core::Now().unix_seconds + seconds});
  }

  // A match of a new demand of 北京市总工会 (health, 东城区, 5 people, 新就业形态劳动者) and a new
  // resource of org_a_, accepted and started: in service.
  std::int64_t ServedMatch(const std::string& title = "骑手健康体检") {
    const std::int64_t demand = MakeDemand({.title = title,
                                            .category = "health",
                                            .region = "110101",
                                            .headcount = 5,
                                            .start = "2024-06-01",
                                            .end = "2024-06-30"});
    const std::int64_t resource = MakeResource({.org = org_a_,
                                                .title = "职工健康体检服务",
                                                .category = "health",
                                                .regions = {"110000"},
                                                .capacity = 5,
                                                .start = "2024-06-01",
                                                .end = "2024-06-30",
                                                .cost = 100});
    const json::object run =
        MakeRun({{"demand_ids", json::array{demand}}, {"resource_ids", json::array{resource}}});
    EXPECT_EQ(run.at("assignments").as_array().size(), 1u);
    const std::int64_t match = run.at("assignments").at(0).at("id").as_int64();
    EXPECT_EQ(Call(union_, "POST", M(match, "/accept")).status, 200);
    EXPECT_EQ(Call(member_, "POST", M(match, "/start")).status, 200);
    return match;
  }

  // An approved booking of org_a_ at a new venue of 北京市总工会 over [now + 10 min, now + 4 h).
  std::int64_t ApprovedBooking() {
    const std::int64_t venue = MakeVenue();
    auto r = Call(member_, "POST", V(venue, "/bookings"),
                  json::serialize(json::object{{"org_id", org_a_},
                                               {"start", In(600)},
                                               {"end", In(4 * 3600)},
                                               {"purpose", "职工健康讲座"}}));
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status != 201) return 0;
    const std::int64_t id = Json(r).at("items").at(0).at("id").as_int64();
    EXPECT_EQ(Call(union_, "POST", B(id, "/review"), R"({"action":"approve"})").status, 200);
    return id;
  }

  // The event's time at `booking` ([now + 20 min, now + 2 h)).
  static json::object AtBooking(std::int64_t booking) {
    return {{"start", In(1200)}, {"end", In(2 * 3600)}, {"booking_id", booking}};
  }

  HttpResult MakeEvent(const Session& as, std::int64_t match, const json::object& body) {
    return Call(as, "POST", M(match, "/event"), json::serialize(body));
  }
};

TEST_P(MatchEventApiTest, AServedMatchBecomesADraftEventOfTheOrganisationOnce) {
  const std::int64_t match = ServedMatch();
  const std::int64_t booking = ApprovedBooking();
  auto made = MakeEvent(union_, match, AtBooking(booking));
  ASSERT_EQ(made.status, 201) << made.body;
  const json::object e = Json(made);
  EXPECT_EQ(e.at("status").as_string(), "draft");
  EXPECT_EQ(e.at("org_id").as_int64(), org_a_);
  EXPECT_EQ(e.at("title").as_string(), "骑手健康体检") << "the demand's title";
  EXPECT_EQ(e.at("category").as_string(), "health");
  EXPECT_EQ(e.at("capacity").as_int64(), 5) << "the match's headcount";
  EXPECT_EQ(e.at("target_groups"), (json::array{"new_employment_workers"}))
      << "新就业形态劳动者 as a worker group";
  EXPECT_EQ(e.at("booking_id").as_int64(), booking);
  EXPECT_EQ(e.at("owner_unit_id").as_int64(), bj_union_) << "the venue's unit";
  EXPECT_EQ(e.at("region_name").as_string(), "东城区") << "the venue's region";
  const std::int64_t event_id = e.at("id").as_int64();
  EXPECT_EQ(Get(M(match), &union_).at("event_id").as_int64(), event_id);
  EXPECT_EQ(Get(M(match), &member_).at("event_id").as_int64(), event_id) << "the organisation";
  EXPECT_EQ(Get("/api/v1/events/" + std::to_string(event_id), &member_).at("title").as_string(),
            "骑手健康体检");

  auto second = MakeEvent(union_, match, AtBooking(booking));
  ASSERT_EQ(second.status, 409) << second.body;
  EXPECT_EQ(Message(second), "该对接记录已生成活动 " + std::to_string(event_id));
  EXPECT_EQ(Total(union_, "/api/v1/events?q=%E9%AA%91%E6%89%8B"), 1) << "no second event";

  // The audit trail: the event's creation and the match's link, in the same transaction.
  EXPECT_EQ(Total(admin_,
                  "/api/v1/audit?entity=event&action=create&entity_id=" + std::to_string(event_id)),
            1);
  const json::object linked =
      Get("/api/v1/audit?entity=match&action=make_event&entity_id=" + std::to_string(match));
  ASSERT_EQ(linked.at("total").as_int64(), 1);
}

TEST_P(MatchEventApiTest, GivenFieldsWinAndTheEventServiceChecksThem) {
  const std::int64_t match = ServedMatch();
  // Without a booking the event is in the demand's region, and needs an address (the event
  // service's 422, in Chinese).
  json::object body{{"start", In(1200)}, {"end", In(2 * 3600)}};
  auto bad = MakeEvent(admin_, match, body);
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Field(bad), "address");
  body["title"] = "";
  body["org_id"] = sx_org_;
  bad = MakeEvent(admin_, match, body);
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{"org_id", "title"}));
  EXPECT_EQ(Get(M(match), &union_).at("event_id"), nullptr) << "nothing changed";

  // A union officer may not make an event its scope would not own: without a booking or a
  // project it belongs to the organisation's registration unit (北京市民政局).
  json::object elsewhere{{"start", In(1200)}, {"end", In(2 * 3600)}, {"address", "东直门 1 号"}};
  EXPECT_EQ(MakeEvent(union_, match, elsewhere).status, 403);

  json::object given = elsewhere;
  given["title"] = "骑手健康讲座";
  given["category"] = "skills";
  given["capacity"] = 40;
  given["target_groups"] = json::array{"young_workers"};
  given["description"] = "体检前的健康讲座";
  auto made = MakeEvent(admin_, match, given);
  ASSERT_EQ(made.status, 201) << made.body;
  const json::object e = Json(made);
  EXPECT_EQ(e.at("title").as_string(), "骑手健康讲座");
  EXPECT_EQ(e.at("category").as_string(), "skills");
  EXPECT_EQ(e.at("capacity").as_int64(), 40);
  EXPECT_EQ(e.at("target_groups"), (json::array{"young_workers"}));
  EXPECT_EQ(e.at("region_code").as_string(), "110101") << "the demand's region";
  EXPECT_EQ(e.at("address").as_string(), "东直门 1 号");
  EXPECT_EQ(e.at("owner_unit_id").as_int64(), bj_civil_);
}

TEST_P(MatchEventApiTest, OnlyAServedMatchInScopeBecomesAnEventForThoseWhoMayMakeOne) {
  const std::int64_t match = ServedMatch();
  const std::int64_t booking = ApprovedBooking();
  EXPECT_EQ(MakeEvent(foreign_, match, AtBooking(booking)).status, 404) << "another unit's";
  EXPECT_EQ(MakeEvent(inspector_, match, AtBooking(booking)).status, 403) << "a reader";
  EXPECT_EQ(MakeEvent(member_, match, AtBooking(booking)).status, 403) << "the organisation";
  EXPECT_EQ(MakeEvent(worker_, match, AtBooking(booking)).status, 403);
  EXPECT_EQ(
      Call(union_, "POST", M(match + 1000, "/event"), json::serialize(AtBooking(booking))).status,
      404);
  // Not served yet: accepted only.
  const std::int64_t demand = MakeDemand({.title = "职工体检复查",
                                          .category = "health",
                                          .region = "110101",
                                          .headcount = 1,
                                          .start = "2024-06-01",
                                          .end = "2024-06-30"});
  const std::int64_t resource = MakeResource({.org = org_b_,
                                              .title = "职工体检复查服务",
                                              .category = "health",
                                              .regions = {"110000"},
                                              .capacity = 1,
                                              .start = "2024-06-01",
                                              .end = "2024-06-30",
                                              .cost = 100});
  const json::object run =
      MakeRun({{"demand_ids", json::array{demand}}, {"resource_ids", json::array{resource}}});
  ASSERT_EQ(run.at("assignments").as_array().size(), 1u);
  const std::int64_t accepted = run.at("assignments").at(0).at("id").as_int64();
  ASSERT_EQ(Call(union_, "POST", M(accepted, "/accept")).status, 200);
  auto early = MakeEvent(union_, accepted, AtBooking(booking));
  ASSERT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(Message(early), "只有服务中或已完成的对接才能生成活动");
  EXPECT_EQ(Get(M(match), &union_).at("event_id"), nullptr);
}

// Eight parallel requests for one match, a few rounds: exactly one makes its event (201), the
// others answer 409, and exactly one event exists — the losers' inserts rolled back.
TEST_P(MatchEventApiTest, ParallelRequestsMakeOneEvent) {
  for (int round = 0; round < 3; ++round) {
    const std::string title = "并发活动" + std::to_string(round);
    const std::int64_t match = ServedMatch(title);
    const json::object body = AtBooking(ApprovedBooking());
    std::vector<HttpResult> answers(8);
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < answers.size(); ++k) {
      threads.emplace_back([&, k] { answers[k] = MakeEvent(union_, match, body); });
    }
    for (auto& t : threads) t.join();
    std::map<int, int> counted;
    std::int64_t made = 0;
    for (const HttpResult& a : answers) {
      ++counted[a.status];
      EXPECT_TRUE(a.status == 201 || a.status == 409) << a.status << ": " << a.body;
      if (a.status == 201) made = Json(a).at("id").as_int64();
    }
    EXPECT_EQ(counted[201], 1) << "round " << round;
    EXPECT_EQ(counted[409], 7) << "round " << round;
    EXPECT_EQ(Get(M(match), &union_).at("event_id").as_int64(), made);
    const json::object events = Get("/api/v1/events?page_size=100&q=" + std::to_string(round) +
                                        "&org_id=" + std::to_string(org_a_),
                                    &union_);
    EXPECT_EQ(events.at("total").as_int64(), 1) << "round " << round;
    EXPECT_EQ(Total(admin_, "/api/v1/audit?entity=match&action=make_event&entity_id=" +
                                std::to_string(match)),
              1);
  }
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(MatchEventApiTest);

}  // namespace
}  // namespace lianyin::test
