#pragma once
// Test-only: a change sink that keeps what it is given, and a Writer wired to it.

#include <mutex>
#include <vector>

#include "domain/common/change_sink.hpp"
#include "domain/common/writer.hpp"

namespace lianyin::domain::common {

class RecordingSink final : public ChangeSink {
 public:
  void Apply(store::Session&, const Origin&, const std::vector<Change>& changes) override {
    std::lock_guard lock(mutex_);
    applied_.insert(applied_.end(), changes.begin(), changes.end());
  }
  // Applied changes, including those whose transaction later failed to commit.
  std::vector<Change> changes() {
    std::lock_guard lock(mutex_);
    return applied_;
  }
  void Clear() {
    std::lock_guard lock(mutex_);
    applied_.clear();
  }

 private:
  std::mutex mutex_;
  std::vector<Change> applied_;
};

}  // namespace lianyin::domain::common
