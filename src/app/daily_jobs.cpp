#include "app/daily_jobs.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

namespace lianyin::app {
namespace {

// Seconds from `now` to the next 00:05 in +08:00.
std::int64_t SecondsToNextRun(core::DateTime now) {
  const core::Date tomorrow = core::AddDays(core::LocalDate(now), 1);
  const core::DateTime next{core::StartOfDay(tomorrow).unix_seconds + 5 * 60};
  return next.unix_seconds - now.unix_seconds;
}

}  // namespace

core::Result<DailyJobsReport> RunDailyJobs(domain::common::Writer& writer, core::DateTime now,
                                           domain::mechanism::ReportTaskIssuer* issuer) {
  const core::Date today = core::LocalDate(now);
  auto report = domain::annual::RunCreditRules(writer, today, core::FormatDateTime(now));
  if (!report) return report.error();
  spdlog::info(
      "credit rules as of {}: {} on the abnormal list for no {} annual report ({} now abnormal), "
      "{} on the dishonest list",
      core::FormatDate(today), report->abnormal, report->year, report->status_changes,
      report->dishonest);
  auto mechanism =
      domain::mechanism::RunMechanismTemplates(writer, today, core::FormatDateTime(now), issuer);
  if (!mechanism) return mechanism.error();
  spdlog::info("work-mechanism templates as of {}: {} meetings, {} report tasks created, {} left",
               core::FormatDate(today), mechanism->meetings, mechanism->report_tasks,
               mechanism->skipped);
  return DailyJobsReport{*report, *mechanism};
}

void DailyJobs::Start() {
  thread_ = std::jthread([this](std::stop_token stop) { Loop(stop); });
}

void DailyJobs::Stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  wake_.notify_all();
  thread_.join();
}

void DailyJobs::Loop(std::stop_token stop) {
  while (!stop.stop_requested()) {
    try {
      if (auto ran = RunDailyJobs(writer_, clock_()); !ran) {
        spdlog::warn("daily jobs failed: {}", ran.error().message);
      }
    } catch (const std::exception& e) {
      // A lost database connection must not end the thread: the next day tries again.
      spdlog::error("daily jobs failed: {}", e.what());
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, std::chrono::seconds(SecondsToNextRun(clock_())),
                   [] { return false; });
  }
}

}  // namespace lianyin::app
