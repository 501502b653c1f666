#pragma once
// The JSON the mechanism stores in its TEXT columns (meetings.attendees,
// mechanism_templates.spec) and shows in answers and audit entries.

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "domain/mechanism/mechanism.hpp"

namespace lianyin::domain::mechanism {

// [{"unit_id"?, "org_id"?, "name"}…] (absent ids left out).
boost::json::array AttendeesJson(const std::vector<Attendee>& attendees);
// The inverse of serialising AttendeesJson; malformed text reads as no attendees.
std::vector<Attendee> ParseAttendees(const std::string& text);

// {"kind","title_pattern","location","attendees"} and
// {"title_pattern","indicators","scope_unit_id","deadline_days"}.
boost::json::object MeetingSpecJson(const MeetingSpec& spec);
boost::json::object ReportTaskSpecJson(const ReportTaskSpec& spec);
// Fills t.meeting or t.report_task (by t.kind) from the stored spec text.
void ReadSpec(const std::string& text, MechanismTemplate& t);

}  // namespace lianyin::domain::mechanism
