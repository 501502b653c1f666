// One plan per team and year under parallel creation on both engines (SQLite as deployed, a
// WAL file; PostgreSQL with its pool): exactly one succeeds, the others answer 409.

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

LIANYIN_INSTANTIATE_BACKEND_TESTS(TeamConcurrencyTest);

}  // namespace
}  // namespace lianyin::domain::team
