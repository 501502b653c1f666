#pragma once
// Generates the booklets (选编) of published rounds in the background (issue #9 point 6): takes
// queued booklet jobs one at a time, renders the round's excellent projects as PDF and XLSX
// (lianyin::booklet) and stores both on the job, updating its progress as pages are laid out.
// Jobs survive restarts: Recover() puts jobs a stopped process left running back in the queue.

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "core/date.hpp"
#include "domain/selection/selection_service.hpp"

namespace lianyin::booklet {
struct Booklet;
}

namespace lianyin::domain::selection {

// The booklet of a round and its excellent projects, grouped by the eight service categories
// in the dictionary's order (labels in Chinese), ranked within each.
booklet::Booklet BookletOf(const Round& round, const std::vector<Nomination>& excellent);

class BookletRunner {
 public:
  // `work_dir` holds the files while they are rendered (removed after).
  BookletRunner(SelectionService& selection, std::filesystem::path work_dir);
  ~BookletRunner();
  BookletRunner(const BookletRunner&) = delete;
  BookletRunner& operator=(const BookletRunner&) = delete;

  // Requeues jobs left running; how many.
  std::int64_t Recover();
  // Runs the oldest queued job to its end (done or failed); false when none was queued.
  bool RunOne();
  // Runs jobs on a background thread, looking for new ones every `poll` until Stop().
  void Start(std::chrono::milliseconds poll = std::chrono::milliseconds(1000));
  void Stop();

 private:
  SelectionService& selection_;
  std::filesystem::path work_dir_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace lianyin::domain::selection
