#pragma once
// JSON of the work mechanism's meetings, supervised tasks, templates and calendar, and their
// JSON Schemas for the OpenAPI document (internal to the handlers).

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "domain/mechanism/mechanism_service.hpp"

namespace lianyin::http::handlers {

// {"id","unit_id","unit_name","kind","title","starts_at","location","agenda","attendees":[…],
//  "minutes","template_id","decisions","created_at","updated_at"}
boost::json::object MeetingJson(const domain::mechanism::Meeting& meeting);
// MeetingJson with "decisions": [SupervisedTaskJson…] (oldest first) instead of their count.
boost::json::object MeetingDetailJson(const domain::mechanism::MeetingDetail& detail);
// {"id","meeting_id","meeting_title","unit_id","unit_name","text","owner_unit_id",
//  "owner_org_id","owner_name","owner_display","deadline","status","overdue","display_status",
//  "created_at","updated_at"}
boost::json::object SupervisedTaskJson(const domain::mechanism::SupervisedTask& task);
// SupervisedTaskJson with "progress":
// [{"id","note","status_from","status_to","by_user_id","by_name", "created_at"}…], oldest first.
boost::json::object SupervisedTaskDetailJson(const domain::mechanism::TaskDetail& detail);
// {"id","unit_id","unit_name","name","kind","recurrence","starts_on","ends_on","lead_days",
//  "meeting"|"report_task","active","occurrences","created_at","updated_at"}
boost::json::object MechanismTemplateJson(const domain::mechanism::MechanismTemplate& t);
// {"from","to","items":[{"type","date","title","kind","id","unit_id","starts_at"?,"period"?}…]}
boost::json::object WorkCalendarJson(const std::string& from, const std::string& to,
                                     const std::vector<domain::mechanism::CalendarItem>& items);

std::string MeetingSchema();
std::string MeetingPageSchema();
std::string SupervisedTaskSchema();
std::string SupervisedTaskPageSchema();
std::string MechanismTemplateSchema();
std::string MechanismTemplatePageSchema();
std::string WorkCalendarSchema();
// Request bodies.
std::string NewMeetingSchema(bool patch);
std::string MinutesSchema();
std::string DecisionSchema();
std::string ProgressSchema();
std::string NewMechanismTemplateSchema();
std::string TemplatePatchSchema();

}  // namespace lianyin::http::handlers
