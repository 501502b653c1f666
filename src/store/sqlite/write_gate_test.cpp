#include "store/sqlite/write_gate.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace lianyin::store::sqlite {
namespace {

using std::chrono::milliseconds;

TEST(WriteGate, OneWriterAtATime) {
  WriteGate gate;
  ASSERT_TRUE(gate.Enter(milliseconds(10)));
  EXPECT_FALSE(gate.Enter(milliseconds(10)));  // held: the second writer times out
  gate.Leave();
  EXPECT_TRUE(gate.Enter(milliseconds(10)));
  gate.Leave();
}

// A writer that leaves and comes straight back queues behind the one already waiting, so a
// chunked import cannot starve other writers.
TEST(WriteGate, HandsOverToTheWriterThatWaitedLongest) {
  WriteGate gate;
  ASSERT_TRUE(gate.Enter(milliseconds(100)));
  std::atomic<bool> other_entered{false};
  std::atomic<bool> other_waiting{false};
  std::thread other([&] {
    other_waiting = true;
    ASSERT_TRUE(gate.Enter(milliseconds(5000)));
    other_entered = true;
    gate.Leave();
  });
  while (!other_waiting) std::this_thread::yield();
  std::this_thread::sleep_for(milliseconds(50));  // let it queue
  gate.Leave();
  ASSERT_TRUE(gate.Enter(milliseconds(5000)));
  EXPECT_TRUE(other_entered);  // it went first
  gate.Leave();
  other.join();
}

TEST(WriteGate, ATimedOutWaiterLeavesTheQueue) {
  WriteGate gate;
  ASSERT_TRUE(gate.Enter(milliseconds(100)));
  std::thread impatient([&] { EXPECT_FALSE(gate.Enter(milliseconds(20))); });
  impatient.join();
  gate.Leave();
  EXPECT_TRUE(gate.Enter(milliseconds(10)));  // nobody left behind in the queue
  gate.Leave();
}

TEST(WriteGate, ManyWritersNeverOverlap) {
  WriteGate gate;
  std::atomic<int> inside{0};
  std::atomic<int> overlaps{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        ASSERT_TRUE(gate.Enter(milliseconds(5000)));
        if (inside.fetch_add(1) != 0) ++overlaps;
        inside.fetch_sub(1);
        gate.Leave();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(overlaps, 0);
}

}  // namespace
}  // namespace lianyin::store::sqlite
