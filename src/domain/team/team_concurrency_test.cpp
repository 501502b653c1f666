// Teams under parallel requests on both engines (SQLite as deployed, a WAL file; PostgreSQL with
// its pool): of parallel plans for one year exactly one succeeds, the others answer 409; parallel
// changes of the members all succeed.

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>

#include "domain/team/team_test_fixture.hpp"

namespace lianyin::domain::team {
namespace {

class TeamConcurrencyTest : public TeamTest {};

TEST_P(TeamConcurrencyTest, ParallelPlansForOneYearExactlyOneIsCreated) {
  const Team team = MakeTeam();
  constexpr int kThreads = 8;
  std::atomic<int> created{0}, conflicts{0};
  std::latch start(kThreads);
  std::vector<std::thread> pool;
  for (int i = 0; i < kThreads; ++i) {
    pool.emplace_back([&, i] {
      start.arrive_and_wait();
      auto r = svc().CreatePlan(officer(), team.id, {2023, 10 + i, 1000});
      if (r) {
        ++created;
      } else if (r.error().code == core::ErrorCode::kConflict) {
        ++conflicts;
      } else {
        ADD_FAILURE() << r.error().message;
      }
    });
  }
  for (std::thread& t : pool) t.join();
  EXPECT_EQ(created, 1);
  EXPECT_EQ(conflicts, kThreads - 1);
  EXPECT_EQ(svc().Plans(officer(), team.id).value().size(), 1u);
}

// Each change replaces the team's member rows: parallel ones run one after the other (the
// team's row lock), every one succeeds, and the last one's members are stored.
TEST_P(TeamConcurrencyTest, ParallelMemberChangesAllSucceed) {
  const Team team = MakeTeam();
  constexpr int kThreads = 6;
  std::atomic<int> ok{0};
  std::latch start(kThreads);
  std::vector<std::thread> pool;
  for (int i = 0; i < kThreads; ++i) {
    pool.emplace_back([&, i] {
      start.arrive_and_wait();
      const std::vector<std::int64_t> members = i % 2 == 0
                                                    ? std::vector<std::int64_t>{second_, third_}
                                                    : std::vector<std::int64_t>{outsider_};
      auto r = svc().Update(officer(), team.id, {.member_org_ids = members});
      if (r) {
        ++ok;
      } else {
        ADD_FAILURE() << r.error().message;
      }
    });
  }
  for (std::thread& t : pool) t.join();
  EXPECT_EQ(ok, kThreads);
  const auto size = svc().Get(officer(), team.id).value().members.size();
  EXPECT_TRUE(size == 2u || size == 3u) << size;
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(TeamConcurrencyTest);

}  // namespace
}  // namespace lianyin::domain::team
