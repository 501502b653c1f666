// Seats, the waiting list and check-ins under concurrent requests on both engines (SQLite as
// deployed, a WAL file; PostgreSQL with its pool): exactly `capacity` sign-ups succeed,
// promotions follow the waiting list's order, seats never pass the capacity, and of parallel
// duplicate check-ins exactly one is recorded.

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <mutex>
#include <set>
#include <thread>

#include "domain/event/event_test_fixture.hpp"

namespace lianyin::domain::event {
namespace {

using core::ErrorCode;

class EventConcurrencyTest : public EventServiceFixture {
 protected:
  void SetUp() override {
    sqlite_file_ = true;
    EventServiceFixture::SetUp();
    if (IsSkipped()) return;
    for (int i = 0; i < 40; ++i) many_.push_back(Worker("并发职工" + std::to_string(i), fuzhou_));
  }

  // Runs f(i) for i in [0, n) on n threads released at once.
  template <class F>
  static void AtOnce(int n, F f) {
    std::latch start(n);
    std::vector<std::thread> pool;
    for (int i = 0; i < n; ++i) {
      pool.emplace_back([&, i] {
        start.arrive_and_wait();
        f(i);
      });
    }
    for (std::thread& t : pool) t.join();
  }

  // Seats taken and the confirmed sign-ups counted in the table, which must agree.
  std::pair<std::int64_t, std::int64_t> Seats(std::int64_t id) {
    const Event e = svc().Get(ActorAt(fuzhou_), id).value();
    const auto confirmed =
        svc().ListSignups(ActorAt(fuzhou_), id, SignupStatus::kConfirmed, {1, 200}).value().total;
    return {e.seats_taken, confirmed};
  }

  std::vector<std::int64_t> many_;
};

TEST_P(EventConcurrencyTest, FortySignUpsForTenSeatsExactlyTenSucceed) {
  const std::int64_t id = PublishedEvent(EventAtBooking(10));
  std::atomic<int> ok{0}, full{0}, other{0};
  AtOnce(40, [&](int i) {
    auto r = svc().SignUp(WorkerActor(many_[i]), id, {many_[i], false});
    if (r) {
      ++ok;
    } else if (r.error().code == ErrorCode::kConflict &&
               r.error().details.at(0).field == "capacity") {
      ++full;
    } else {
      ++other;
      ADD_FAILURE() << r.error().message;
    }
  });
  EXPECT_EQ(ok, 10);
  EXPECT_EQ(full, 30);
  EXPECT_EQ(Seats(id), std::make_pair(std::int64_t{10}, std::int64_t{10}));
}

TEST_P(EventConcurrencyTest, TheSameWorkerAtOnceSignsUpOnce) {
  const std::int64_t id = PublishedEvent(EventAtBooking(10));
  std::atomic<int> ok{0}, duplicate{0};
  AtOnce(8, [&](int) {
    auto r = svc().SignUp(WorkerActor(many_[0]), id, {many_[0], true});
    if (r) {
      ++ok;
    } else if (r.error().details.at(0).field == "worker_id") {
      ++duplicate;
    } else {
      ADD_FAILURE() << r.error().message;
    }
  });
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(duplicate, 7);
  EXPECT_EQ(Seats(id), std::make_pair(std::int64_t{1}, std::int64_t{1}));
}

// 5 seats, 15 on the waiting list in a known order; the 5 confirmed cancel at once: the first
// 5 of the waiting list take their seats, in order, and the seats never pass 5.
TEST_P(EventConcurrencyTest, ConcurrentCancellationsPromoteInOrder) {
  const std::int64_t id = PublishedEvent(EventAtBooking(5));
  for (int i = 0; i < 20; ++i) {
    auto r = svc().SignUp(WorkerActor(many_[i]), id, {many_[i], true});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->status, i < 5 ? SignupStatus::kConfirmed : SignupStatus::kWaitlisted);
  }
  std::mutex mutex;
  std::set<std::int64_t> promoted;
  AtOnce(5, [&](int i) {
    auto r = svc().Cancel(WorkerActor(many_[i]), id, many_[i]);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_TRUE(r->promoted);
    std::lock_guard lock(mutex);
    promoted.insert(r->promoted->worker_id);
  });
  EXPECT_EQ(promoted, std::set<std::int64_t>(many_.begin() + 5, many_.begin() + 10));
  EXPECT_EQ(Seats(id), std::make_pair(std::int64_t{5}, std::int64_t{5}));
  // Sign-ups and cancellations mixed: the waiting list keeps its order.
  AtOnce(10, [&](int i) {
    if (i < 5) {
      auto r = svc().Cancel(WorkerActor(many_[5 + i]), id, many_[5 + i]);
      EXPECT_TRUE(r) << r.error().message;
    } else {
      auto r = svc().SignUp(WorkerActor(many_[15 + i]), id, {many_[15 + i], true});
      EXPECT_TRUE(r) << r.error().message;
    }
  });
  const auto [taken, confirmed] = Seats(id);
  EXPECT_EQ(taken, 5);
  EXPECT_EQ(confirmed, 5);
  auto list = svc().ListSignups(ActorAt(fuzhou_), id, {}, {1, 200}).value();
  std::set<std::int64_t> seated;
  for (const Signup& s : list.items) {
    if (s.status == SignupStatus::kConfirmed) seated.insert(s.worker_id);
  }
  EXPECT_EQ(seated, std::set<std::int64_t>(many_.begin() + 10, many_.begin() + 15))
      << "the earlier waiting list goes before the later sign-ups";
  EXPECT_EQ(svc().Get(ActorAt(fuzhou_), id).value().waitlisted, list.total - 5);
}

TEST_P(EventConcurrencyTest, ParallelDuplicateCheckInsRecordOne) {
  const std::int64_t id = PublishedEvent(EventAtBooking(10));
  ASSERT_TRUE(svc().SignUp(WorkerActor(many_[0]), id, {many_[0], false}));
  now_ = At("2023-05-10T09:30:00");
  NewCheckin by_officer;
  by_officer.worker_id = many_[0];
  std::atomic<int> ok{0}, duplicate{0};
  AtOnce(8, [&](int i) {
    auto r = i % 2 == 0 ? svc().CheckIn(Member(org_a_), id, by_officer)
                        : svc().CheckIn(ActorAt(fuzhou_), id, by_officer);
    if (r) {
      ++ok;
    } else if (r.error().code == ErrorCode::kConflict) {
      ++duplicate;
    } else {
      ADD_FAILURE() << r.error().message;
    }
  });
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(duplicate, 7);
  EXPECT_EQ(svc().ListCheckins(ActorAt(fuzhou_), id, {}).value().total, 1);
  EXPECT_EQ(svc().Get(ActorAt(fuzhou_), id).value().checkins, 1);
}

// A worker checking in while its sign-up is cancelled (in the half hour before the start, when
// both are allowed): one of them wins, never both — no check-in of a cancelled sign-up, whose
// seat went back to the event.
TEST_P(EventConcurrencyTest, ACheckInRacingItsCancellationNeverKeepsBoth) {
  const std::int64_t id = PublishedEvent(EventAtBooking(20));
  for (int i = 0; i < 20; ++i)
    ASSERT_TRUE(svc().SignUp(WorkerActor(many_[i]), id, {many_[i], false}));
  now_ = At("2023-05-10T08:40:00");
  NewCheckin by_code;
  by_code.code = svc().CurrentCode(Member(org_a_), id).value().code;
  std::atomic<int> checked_in{0}, cancelled{0};
  AtOnce(40, [&](int i) {
    const std::int64_t worker = many_[i / 2];
    if (i % 2 == 0) {
      auto r = svc().CheckIn(WorkerActor(worker), id, by_code);
      if (r)
        ++checked_in;
      else
        EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed) << r.error().message;
    } else {
      auto r = svc().Cancel(WorkerActor(worker), id, worker);
      if (r)
        ++cancelled;
      else
        EXPECT_EQ(r.error().code, ErrorCode::kConflict) << r.error().message;
    }
  });
  EXPECT_EQ(checked_in + cancelled, 20);
  const Event e = svc().Get(ActorAt(fuzhou_), id).value();
  EXPECT_EQ(e.checkins, checked_in);
  EXPECT_EQ(Seats(id), std::make_pair(std::int64_t{checked_in}, std::int64_t{checked_in}));
  EXPECT_EQ(svc().ListCheckins(ActorAt(fuzhou_), id, {1, 200}).value().total, checked_in);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(EventConcurrencyTest);

}  // namespace
}  // namespace lianyin::domain::event
