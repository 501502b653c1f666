#pragma once
// The work mechanism (工作机制, issue #13 point 3): meetings of a unit (定期会商、季度调度、
// 半年小结、年终总结、联席会议), their decisions as supervised tasks (督办) with owners, deadlines
// and a progress log, and recurring templates that create a meeting or a report task each
// period. Plain types; the codes are the data dictionary's (meeting_kind,
// supervised_task_status, mechanism_template_kind, mechanism_recurrence).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/period.hpp"

namespace lianyin::domain::mechanism {

// consultation 定期会商, dispatch 季度调度, half_year_summary 半年小结, year_end_summary 年终总结,
// joint_meeting 联席会议, other.
const std::vector<std::string>& MeetingKindNames();
bool IsMeetingKind(std::string_view code);

enum class TaskStatus { kOpen, kInProgress, kDone };
std::string_view TaskStatusName(TaskStatus status);  // "open", "in_progress", "done"
std::optional<TaskStatus> ParseTaskStatus(std::string_view name);
const std::vector<std::string>& TaskStatusNames();
// TaskStatusNames() and "overdue" (已逾期): what display_status may be.
const std::vector<std::string>& TaskDisplayStatusNames();

enum class Recurrence { kMonthly, kQuarterly, kHalfYearly, kYearly };
std::string_view RecurrenceName(Recurrence recurrence);
std::optional<Recurrence> ParseRecurrence(std::string_view name);
const std::vector<std::string>& RecurrenceNames();
const std::vector<std::string>& TemplateKindNames();  // "meeting", "report_task"

// One attendee: a unit, an organisation or only a person's name; the name always.
struct Attendee {
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> org_id;
  std::string name;
};

struct Meeting {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;  // the owner: the unit holding it
  std::string unit_name;
  std::string kind;
  std::string title;
  std::string starts_at;  // +08:00 date-time
  std::optional<std::string> location;
  std::optional<std::string> agenda;
  std::vector<Attendee> attendees;
  std::optional<std::string> minutes;
  std::optional<std::int64_t> template_id;
  std::int64_t decisions = 0;  // its supervised tasks
  std::string created_at;
  std::string updated_at;
};

// POST /meetings, and every field of PATCH (absent there: unchanged).
struct MeetingInput {
  std::optional<std::string> title;
  std::optional<std::string> kind;
  std::optional<std::int64_t> unit_id;  // POST only
  std::optional<std::string> starts_at;
  std::optional<std::string> location;
  std::optional<std::string> agenda;
  std::optional<std::vector<Attendee>> attendees;
};

struct TaskProgress {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  std::optional<std::string> note;
  TaskStatus status_from = TaskStatus::kOpen;
  TaskStatus status_to = TaskStatus::kOpen;
  std::int64_t by_user_id = 0;
  std::string by_name;
  std::string created_at;
};

struct SupervisedTask {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::string meeting_title;
  std::int64_t unit_id = 0;  // the meeting's unit, the supervisor
  std::string unit_name;
  std::string text;
  std::optional<std::int64_t> owner_unit_id;
  std::optional<std::int64_t> owner_org_id;
  std::string owner_display;  // the owner unit's or organisation's name, else owner_name
  std::optional<std::string> owner_name;
  std::string deadline;  // YYYY-MM-DD
  TaskStatus status = TaskStatus::kOpen;
  bool overdue = false;  // deadline before today (Asia/Shanghai) and not done
  std::string created_at;
  std::string updated_at;
};

struct TaskDetail {
  SupervisedTask task;
  std::vector<TaskProgress> progress;  // oldest first
};

// POST /meetings/{id}/decisions.
struct NewDecision {
  std::string text;
  std::optional<std::int64_t> owner_unit_id;
  std::optional<std::int64_t> owner_org_id;
  std::optional<std::string> owner_name;
  std::string deadline;
};

// POST /supervised-tasks/{id}/progress.
struct ProgressInput {
  std::optional<std::string> note;
  std::optional<TaskStatus> status;
};

// GET /supervised-tasks filters; absent members do not filter.
struct TaskFilter {
  std::optional<TaskStatus> status;
  std::optional<std::int64_t> owner_unit_id;
  std::optional<std::int64_t> owner_org_id;
  std::optional<bool> overdue;
  std::optional<std::int64_t> meeting_id;
};

// GET /meetings filters.
struct MeetingFilter {
  std::optional<std::string> kind;
  std::optional<std::string> from;  // starts on or after this date
  std::optional<std::string> to;    // starts on or before this date
};

// What a meeting template's occurrences hold.
struct MeetingSpec {
  std::string kind;
  std::string title_pattern;  // "{period}" is replaced by the period's Chinese name
  std::optional<std::string> location;
  std::vector<Attendee> attendees;
};

// What a report-task template's occurrences ask for.
struct ReportTaskSpec {
  std::string title_pattern;
  std::vector<std::string> indicators;
  std::int64_t scope_unit_id = 0;
  std::int64_t deadline_days = 0;  // after the period's end
};

struct MechanismTemplate {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string name;
  std::string kind;  // "meeting" | "report_task"
  Recurrence recurrence = Recurrence::kMonthly;
  std::string starts_on;
  std::optional<std::string> ends_on;
  std::int64_t lead_days = 0;
  std::optional<MeetingSpec> meeting;
  std::optional<ReportTaskSpec> report_task;
  bool active = true;
  std::int64_t occurrences = 0;  // created so far
  std::string created_at;
  std::string updated_at;
};

// POST /mechanism-templates.
struct NewTemplate {
  std::string name;
  std::string kind;
  std::string recurrence;
  std::int64_t unit_id = 0;
  std::string starts_on;
  std::optional<std::string> ends_on;
  std::int64_t lead_days = 0;
  std::optional<MeetingSpec> meeting;
  std::optional<ReportTaskSpec> report_task;
};

// One occurrence a template is due to create: its period and the day it is created.
struct PlannedOccurrence {
  core::Period period;
  core::Date creates_on;  // lead_days before the period's last day (never before starts_on)
};

// One entry of GET /calendar.
struct CalendarItem {
  std::string type;  // "meeting" | "deadline" | "occurrence"
  std::string date;  // YYYY-MM-DD
  std::string title;
  std::string kind;     // the meeting kind; the task's display status; the template kind
  std::int64_t id = 0;  // meeting, task or template id
  std::string at;       // meetings: starts_at
  std::string period;   // occurrences
  std::int64_t unit_id = 0;
};

}  // namespace lianyin::domain::mechanism
