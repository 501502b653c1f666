#pragma once
// The daily jobs of `serve` (issue #12): the dated credit rules
// (domain/annual/credit_rules_job.hpp) and the work-mechanism templates
// (domain/mechanism/mechanism_job.hpp) once at start and then every day shortly after midnight,
// Asia/Shanghai, on a thread of their own. The rules are idempotent, so a restart, a second
// server on the same database or `lianyin jobs run` meanwhile add nothing twice.

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/annual/credit_rules_job.hpp"
#include "domain/common/writer.hpp"
#include "domain/mechanism/mechanism_job.hpp"

namespace lianyin::app {

// What one run of the daily jobs did, job by job.
struct DailyJobsReport {
  domain::annual::CreditRulesReport credit;
  domain::mechanism::MechanismJobReport mechanism;
};

// One run of every daily job as of `now` (its Asia/Shanghai date is the jobs' today): the
// dated credit rules, then the work-mechanism templates' due occurrences (report-task ones
// through `issuer`; null: skipped); logs what it did. `lianyin jobs run` calls it too.
core::Result<DailyJobsReport> RunDailyJobs(domain::common::Writer& writer, core::DateTime now,
                                           domain::mechanism::ReportTaskIssuer* issuer = nullptr);

class DailyJobs {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit DailyJobs(domain::common::Writer& writer, Clock clock = core::Now)
      : writer_(writer), clock_(std::move(clock)) {}
  ~DailyJobs() { Stop(); }
  DailyJobs(const DailyJobs&) = delete;
  DailyJobs& operator=(const DailyJobs&) = delete;

  // Starts the thread: a run now, then one each day at 00:05 (+08:00). A failed run is logged
  // and tried again at the next.
  void Start();
  // Stops the thread (waits for a run in progress to finish).
  void Stop();

 private:
  void Loop(std::stop_token stop);

  domain::common::Writer& writer_;
  Clock clock_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;
};

}  // namespace lianyin::app
