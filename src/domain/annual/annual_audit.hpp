#pragma once
// How annual-report and penalty changes are recorded (internal to the annual area).

#include <boost/json/object.hpp>
#include <string>

#include "domain/annual/annual.hpp"
#include "domain/common/change.hpp"

namespace lianyin::domain::annual {

// The stored fields of a report and of a penalty, for Change::before / after.
boost::json::object AuditJson(const AnnualReport& report);
boost::json::object AuditJson(const Penalty& penalty);

// A Change to `report` (entity annual_report) or `penalty` (penalty), owned by its unit (the
// organisation's registration unit).
common::Change ReportChange(std::string action, const AnnualReport& report,
                            boost::json::value before, boost::json::value after);
common::Change PenaltyChange(const Penalty& penalty);

}  // namespace lianyin::domain::annual
