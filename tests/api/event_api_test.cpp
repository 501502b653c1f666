// Events, sign-ups and check-ins (issue #11, docs/api.md "Events, sign-ups and check-ins (issue
// #11)") over HTTP on both engines: an event at an approved booking (the venue's place, 422s in
// Chinese), publication and reading by workers, 40 parallel sign-ups for 10 seats (exactly 10
// succeed, 30 answer 409 "full"), the waiting list and its promotion, check-ins by the rotating
// code and from an officer's list, the masked lists, and a worker's own events.

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <set>
#include <thread>

#include "api/venue_fixture.hpp"
#include "core/date.hpp"
#include "domain/account/worker_repo.hpp"

namespace lianyin::test {
namespace {

namespace json = boost::json;

class EventApiTest : public VenueApiFixture {
 protected:
  static std::string E(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/events/" + std::to_string(id) + rest;
  }
  static std::string In(std::int64_t seconds) {
    return core::FormatDateTime({core::Now().unix_seconds + seconds});
  }
  std::int64_t Worker(const std::string& name) {
    store::Session s = db().Acquire();
    return domain::account::WorkerRepo(s).Insert(bj_union_, name, "2026-01-01T00:00:00+08:00");
  }
  // An approved booking of a new venue by org_a_ over [now + 10 min, now + 4 h).
  std::int64_t ApprovedBooking() {
    const std::int64_t venue = MakeVenue();
    auto r = Call(member_, "POST", V(venue, "/bookings"),
                  json::serialize(json::object{{"org_id", org_a_},
                                               {"start", In(600)},
                                               {"end", In(4 * 3600)},
                                               {"purpose", "职工健康讲座"}}));
    EXPECT_EQ(r.status, 201) << r.body;
    const std::int64_t id = Json(r).at("items").at(0).at("id").as_int64();
    EXPECT_EQ(Call(union_, "POST", B(id, "/review"), R"({"action":"approve"})").status, 200);
    return id;
  }
  // org_a_'s event at `booking` over [now + 20 min, now + 2 h).
  json::object EventBody(std::int64_t booking, std::int64_t capacity) {
    return {{"org_id", org_a_},     {"title", "职工心理健康讲座"}, {"category", "health"},
            {"start", In(1200)},    {"end", In(2 * 3600)},         {"capacity", capacity},
            {"booking_id", booking}};
  }
  // Created and published by org_a_'s member.
  std::int64_t PublishedEvent(std::int64_t capacity) {
    auto r = Call(member_, "POST", "/api/v1/events",
                  json::serialize(EventBody(ApprovedBooking(), capacity)));
    EXPECT_EQ(r.status, 201) << r.body;
    const std::int64_t id = Json(r).at("id").as_int64();
    EXPECT_EQ(Call(member_, "POST", E(id, "/transitions"), R"({"to":"published"})").status, 200);
    return id;
  }
};

TEST_P(EventApiTest, AnEventAtABookingIsCreatedPublishedAndReadByWorkers) {
  const std::int64_t booking = ApprovedBooking();
  auto created = Call(member_, "POST", "/api/v1/events", json::serialize(EventBody(booking, 30)));
  ASSERT_EQ(created.status, 201) << created.body;
  const json::object e = Json(created);
  EXPECT_EQ(e.at("status").as_string(), "draft");
  EXPECT_EQ(e.at("owner_unit_id").as_int64(), bj_union_);
  EXPECT_EQ(e.at("region_name").as_string(), "东城区");
  EXPECT_EQ(e.at("address").as_string(), "东城区东直门南大街 1 号");
  EXPECT_EQ(e.at("seats_left").as_int64(), 30);
  const std::int64_t id = e.at("id").as_int64();
  EXPECT_EQ(Call(worker_, "GET", E(id)).status, 404) << "drafts are their owners'";

  json::object bad = EventBody(booking, 500);
  bad["title"] = "";
  bad["category"] = "music";
  auto refused = Call(member_, "POST", "/api/v1/events", json::serialize(bad));
  ASSERT_EQ(refused.status, 422) << refused.body;
  const std::vector<std::string> fields = Fields(refused);
  EXPECT_EQ(std::set<std::string>(fields.begin(), fields.end()),
            (std::set<std::string>{"title", "category"}));
  bad = EventBody(booking, 500);
  auto crowded = Call(member_, "POST", "/api/v1/events", json::serialize(bad));
  ASSERT_EQ(crowded.status, 422);
  EXPECT_EQ(Field(crowded), "capacity");
  EXPECT_EQ(Json(crowded).at("error").at("details").at(0).at("message").as_string(),
            "不能超过场地容纳人数 120");
  json::object unbooked = EventBody(booking, 30);
  unbooked.erase("booking_id");
  auto place = Call(member_, "POST", "/api/v1/events", json::serialize(unbooked));
  ASSERT_EQ(place.status, 422);
  const std::vector<std::string> missing = Fields(place);
  EXPECT_EQ(std::set<std::string>(missing.begin(), missing.end()),
            (std::set<std::string>{"region_code", "address"}));
  EXPECT_EQ(
      Call(other_member_, "POST", "/api/v1/events", json::serialize(EventBody(booking, 30))).status,
      422);

  ASSERT_EQ(Call(member_, "POST", E(id, "/transitions"), R"({"to":"published"})").status, 200);
  auto read = Call(worker_, "GET", E(id));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(Json(read).at("status").as_string(), "published");
  EXPECT_EQ(Total(worker_, "/api/v1/events?status=published&region_code=110000"), 1);
  EXPECT_EQ(Total(worker_, "/api/v1/events?category=skills"), 0);
  EXPECT_EQ(Call(worker_, "GET", "/api/v1/events?status=open").status, 422);
  auto again = Call(member_, "POST", E(id, "/transitions"), R"({"to":"published"})");
  ASSERT_EQ(again.status, 409);
  EXPECT_EQ(Message(again), "活动当前为“已发布”，不能变为“已发布”");
  EXPECT_EQ(Call(foreign_, "PATCH", E(id), R"({"title":"改名"})").status, 403);
  EXPECT_EQ(Call(member_, "PATCH", E(id), R"({"booking_id":1})").status, 422);
}

// The phone pages list what is coming: order=start gives the soonest first.
TEST_P(EventApiTest, OrderStartListsTheSoonestFirst) {
  json::object later = EventBody(ApprovedBooking(), 10);
  later["start"] = In(3600);
  auto a = Call(member_, "POST", "/api/v1/events", json::serialize(later));
  ASSERT_EQ(a.status, 201) << a.body;
  auto b =
      Call(member_, "POST", "/api/v1/events", json::serialize(EventBody(ApprovedBooking(), 10)));
  ASSERT_EQ(b.status, 201) << b.body;
  const auto first = [&](const std::string& query) {
    auto r = Call(member_, "GET", "/api/v1/events" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? Json(r).at("items").at(0).at("id").as_int64() : 0;
  };
  EXPECT_EQ(first(""), Json(a).at("id").as_int64()) << "latest start first by default";
  EXPECT_EQ(first("?order=start"), Json(b).at("id").as_int64());
  EXPECT_EQ(first("?order=-start"), Json(a).at("id").as_int64());
  auto bad = Call(member_, "GET", "/api/v1/events?order=title");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Field(bad), "order");
}

TEST_P(EventApiTest, FortyParallelSignUpsForTenSeatsExactlyTenSucceed) {
  const std::int64_t id = PublishedEvent(10);
  std::vector<std::int64_t> workers;
  for (int i = 0; i < 40; ++i) workers.push_back(Worker("报名职工" + std::to_string(i)));
  std::atomic<int> created{0}, full{0}, other{0};
  std::latch start(40);
  std::vector<std::thread> pool;
  for (int i = 0; i < 40; ++i) {
    pool.emplace_back([&, i] {
      start.arrive_and_wait();
      auto r = Call(union_, "POST", E(id, "/signups"),
                    "{\"worker_id\":" + std::to_string(workers[i]) + "}");
      if (r.status == 201) {
        ++created;
      } else if (r.status == 409 && Field(r) == "capacity" && Message(r) == "活动名额已满") {
        ++full;
      } else {
        ++other;
        ADD_FAILURE() << r.status << " " << r.body;
      }
    });
  }
  for (std::thread& t : pool) t.join();
  EXPECT_EQ(created, 10);
  EXPECT_EQ(full, 30);
  auto e = Json(Call(union_, "GET", E(id)));
  EXPECT_EQ(e.at("seats_taken").as_int64(), 10);
  EXPECT_EQ(e.at("seats_left").as_int64(), 0);
  EXPECT_EQ(Total(union_, E(id, "/signups")), 10);
}

TEST_P(EventApiTest, TheWaitingListMovesUpWhenASeatIsFreed) {
  const std::int64_t id = PublishedEvent(1);
  const std::int64_t second = Worker("王小明");
  auto mine = Call(worker_, "POST", E(id, "/signups"),
                   "{\"worker_id\":" + std::to_string(worker_id_) + "}");
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_EQ(Json(mine).at("worker_name").as_string(), "张*");
  auto twice = Call(worker_, "POST", E(id, "/signups"),
                    "{\"worker_id\":" + std::to_string(worker_id_) + "}");
  ASSERT_EQ(twice.status, 409);
  EXPECT_EQ(Field(twice), "worker_id");
  EXPECT_EQ(Message(twice), "该职工已报名本活动");
  const std::string body = "{\"worker_id\":" + std::to_string(second) + "}";
  ASSERT_EQ(Call(union_, "POST", E(id, "/signups"), body).status, 409);
  auto waiting = Call(union_, "POST", E(id, "/signups"),
                      "{\"worker_id\":" + std::to_string(second) + ",\"waitlist\":true}");
  ASSERT_EQ(waiting.status, 201) << waiting.body;
  EXPECT_EQ(Json(waiting).at("status").as_string(), "waitlisted");
  EXPECT_EQ(Json(waiting).at("position").as_int64(), 1);
  EXPECT_EQ(Call(worker_, "POST", E(id, "/signups"), body).status, 422) << "not its own";
  EXPECT_EQ(Call(worker_, "DELETE", E(id, "/signups/" + std::to_string(second))).status, 404);

  auto cancelled = Call(worker_, "DELETE", E(id, "/signups/" + std::to_string(worker_id_)));
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  const json::object c = Json(cancelled);
  EXPECT_EQ(c.at("cancelled").at("worker_id").as_int64(), worker_id_);
  EXPECT_EQ(c.at("promoted").at("worker_id").as_int64(), second);
  EXPECT_EQ(c.at("promoted").at("status").as_string(), "confirmed");
  auto list = Json(Call(member_, "GET", E(id, "/signups")));
  ASSERT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").at(0).at("worker_name").as_string(), "王**");
  EXPECT_EQ(Call(foreign_, "GET", E(id, "/signups")).status, 404);
  EXPECT_EQ(Total(worker_, "/api/v1/me/events"), 0);
}

TEST_P(EventApiTest, CheckInsByTheRotatingCodeAndFromAnOfficersList) {
  const std::int64_t id = PublishedEvent(5);
  ASSERT_EQ(
      Call(worker_, "POST", E(id, "/signups"), "{\"worker_id\":" + std::to_string(worker_id_) + "}")
          .status,
      201);
  auto code = Call(member_, "GET", E(id, "/checkin-code?base=https://lianyin.example"));
  ASSERT_EQ(code.status, 200) << code.body;
  const json::object c = Json(code);
  EXPECT_EQ(c.at("code").as_string().size(), 6u);
  EXPECT_EQ(c.at("slot_seconds").as_int64(), 30);
  EXPECT_EQ(c.at("link").as_string(),
            "https://lianyin.example/m/checkin?event=" + std::to_string(id) +
                "&token=" + std::string(c.at("token").as_string()));
  EXPECT_TRUE(c.at("qr_svg").as_string().starts_with("<svg"));
  EXPECT_EQ(Call(member_, "GET", E(id, "/checkin-code?base=javascript:alert(1)")).status, 422);
  EXPECT_EQ(Call(foreign_, "GET", E(id, "/checkin-code")).status, 403);

  auto wrong = Call(worker_, "POST", E(id, "/checkins"), R"({"code":"abcdef"})");
  ASSERT_EQ(wrong.status, 422);
  EXPECT_EQ(Field(wrong), "code");
  auto in = Call(worker_, "POST", E(id, "/checkins"),
                 "{\"token\":\"" + std::string(c.at("token").as_string()) + "\"}");
  ASSERT_EQ(in.status, 201) << in.body;
  EXPECT_EQ(Json(in).at("method").as_string(), "token");
  auto twice = Call(worker_, "POST", E(id, "/checkins"),
                    "{\"code\":\"" + std::string(c.at("code").as_string()) + "\"}");
  ASSERT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(Message(twice), "该职工已签到");

  const std::int64_t walk_in = Worker("陈默");
  auto list =
      Call(union_, "POST", E(id, "/checkins"),
           "{\"worker_ids\":[" + std::to_string(walk_in) + "," + std::to_string(worker_id_) + "]}");
  ASSERT_EQ(list.status, 200) << list.body;
  const json::object l = Json(list);
  EXPECT_EQ(l.at("checked_in").as_int64(), 1);
  EXPECT_EQ(l.at("items").at(0).at("status").as_string(), "checked_in");
  EXPECT_EQ(l.at("items").at(1).at("status").as_string(), "failed");
  EXPECT_EQ(l.at("items").at(1).at("message").as_string(), "已签到");

  auto attendance = Json(Call(member_, "GET", E(id, "/checkins")));
  ASSERT_EQ(attendance.at("total").as_int64(), 2);
  EXPECT_EQ(attendance.at("items").at(0).at("worker_name").as_string(), "张*");
  EXPECT_EQ(attendance.at("items").at(1).at("method").as_string(), "officer");
  EXPECT_EQ(Json(Call(union_, "GET", E(id))).at("checkins").as_int64(), 2);

  auto mine = Json(Call(worker_, "GET", "/api/v1/me/events"));
  ASSERT_EQ(mine.at("total").as_int64(), 1);
  EXPECT_EQ(mine.at("items").at(0).at("signup_status").as_string(), "confirmed");
  EXPECT_FALSE(mine.at("items").at(0).at("checked_in_at").is_null());
  EXPECT_EQ(Call(union_, "GET", "/api/v1/me/events").status, 403);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(EventApiTest);

}  // namespace
}  // namespace lianyin::test
