#include "store/sqlite/write_gate.hpp"

#include <algorithm>

namespace lianyin::store::sqlite {

bool WriteGate::Enter(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (!occupied_ && waiting_.empty()) {
    occupied_ = true;
    return true;
  }
  Waiter me;
  waiting_.push_back(&me);
  if (changed_.wait_for(lock, timeout, [&] { return me.admitted; })) return true;
  waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &me));
  return false;
}

void WriteGate::Leave() {
  std::lock_guard lock(mutex_);
  if (waiting_.empty()) {
    occupied_ = false;
    return;
  }
  // Hand over without freeing: a thread arriving now queues behind those already waiting.
  waiting_.front()->admitted = true;
  waiting_.pop_front();
  changed_.notify_all();
}

}  // namespace lianyin::store::sqlite
