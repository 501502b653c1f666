#pragma once
// How a report-task template's occurrence becomes a report task: the reporting area implements
// this interface (the composition root hands it to the mechanism's services), so the mechanism
// depends on no reporting code. Without an issuer, report-task templates are refused
// (422 report_tasks_unavailable) and the job creates none.

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/common/writer.hpp"

namespace lianyin::domain::mechanism {

// The report task one occurrence asks for.
struct IssuedReportTask {
  std::string title;
  std::string period;  // SPEC form: "2026Q3"
  std::vector<std::string> indicators;
  std::int64_t scope_unit_id = 0;
  std::string deadline;              // YYYY-MM-DD
  std::int64_t creator_unit_id = 0;  // the template's unit
};

class ReportTaskIssuer {
 public:
  virtual ~ReportTaskIssuer() = default;
  // Creates the report task inside `tx` (the occurrence's transaction, so both commit or
  // neither) and records its Change; returns its id. An error rolls the occurrence back.
  virtual core::Result<std::int64_t> Issue(common::WriteTx& tx, const IssuedReportTask& task) = 0;
};

}  // namespace lianyin::domain::mechanism
