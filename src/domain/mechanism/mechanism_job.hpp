#pragma once
// The daily job of the work mechanism: every active template's due occurrences become meetings
// or report tasks (issue #13 point 3). Part of app::RunDailyJobs.

#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/common/writer.hpp"
#include "domain/mechanism/report_task_issuer.hpp"

namespace lianyin::domain::mechanism {

struct MechanismJobReport {
  int meetings = 0;      // occurrences that created a meeting
  int report_tasks = 0;  // occurrences that created a report task
  int skipped = 0;       // report-task occurrences left for when an issuer exists
};

// Creates, as of `today`, each due occurrence (DueOccurrences: since starts_on, the most recent
// kMaxCatchUp per template) that does not exist yet, each in its own transaction with its
// meeting or report task (through `issuer`; null: report-task templates are skipped), stamped
// `now`. Idempotent and exact under concurrent runs: the occurrence's unique key (template,
// period) lets one run create it, the others find it taken and create nothing.
core::Result<MechanismJobReport> RunMechanismTemplates(common::Writer& writer,
                                                       const core::Date& today,
                                                       std::string_view now,
                                                       ReportTaskIssuer* issuer);

}  // namespace lianyin::domain::mechanism
