#pragma once
// How mechanism changes are recorded (internal to the area): the stored fields of each record
// as Change::before / after, owned by the meeting's or template's unit.

#include <boost/json/object.hpp>
#include <string>

#include "domain/common/change.hpp"
#include "domain/mechanism/mechanism.hpp"

namespace lianyin::domain::mechanism {

boost::json::object AuditJson(const Meeting& meeting);
boost::json::object AuditJson(const SupervisedTask& task);
boost::json::object AuditJson(const MechanismTemplate& t);

// Entities meeting, supervised_task, mechanism_template and mechanism_occurrence.
common::Change MeetingChange(std::string action, const Meeting& meeting, boost::json::value before,
                             boost::json::value after);
common::Change TaskChange(std::string action, const SupervisedTask& task, boost::json::value before,
                          boost::json::value after);
common::Change TemplateChange(std::string action, const MechanismTemplate& t,
                              boost::json::value before, boost::json::value after);
common::Change OccurrenceChange(std::int64_t occurrence_id, const MechanismTemplate& t,
                                boost::json::object after);

}  // namespace lianyin::domain::mechanism
