#pragma once
// Internal: the in-process gate in front of SQLite's write lock.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace lianyin::store::sqlite {

// Admits one writer at a time, in arrival order. SQLite has one write lock per database; without
// this gate, writers of one process queue in SQLite's busy handler, which sleeps and polls (1 ms
// growing to 100 ms between tries) and lets the thread that releases the lock take it again at
// once, so one writer committing chunk after chunk kept every other writer waiting for all of it.
// Here Leave hands the gate straight to the writer that has waited longest. Writers of other
// processes (the CLI) still meet SQLite's busy timeout.
//
// Thread-safe. O(1) per Enter and Leave, O(waiters) for a writer that gives up.
class WriteGate {
 public:
  // Waits at most `timeout` for every earlier writer to leave; true when entered (the caller must
  // Leave), false on timeout (the caller must not).
  bool Enter(std::chrono::milliseconds timeout);
  void Leave();

 private:
  struct Waiter {
    bool admitted = false;
  };
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Waiter*> waiting_;  // oldest first
  bool occupied_ = false;
};

}  // namespace lianyin::store::sqlite
