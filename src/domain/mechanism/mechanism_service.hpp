#pragma once
// Use cases of the work mechanism (issue #13 point 3). Every change runs in one short write
// transaction (common::Writer) with its Change, owned by the meeting's or template's unit.
//
// Scope (SPEC §1): meetings and templates are their unit's records — its subtree reads and
// changes them; anything else answers 404. A supervised task is its meeting's unit's record,
// and its owner sees it too: the owner unit's subtree, or the owner organisation's members
// (task_repo.hpp says how). Whoever sees a task may report progress on it (the permission
// decides who may at all); reopening a done task is the meeting's unit's alone.
// Names in a body (unit_id, an owner or attendee unit) must be units the caller sees, and
// organisations published ones (422 on that field otherwise).

#include <functional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/writer.hpp"
#include "domain/mechanism/mechanism.hpp"
#include "domain/mechanism/report_task_issuer.hpp"

namespace lianyin::domain::mechanism {

// A meeting with its decisions (supervised tasks), oldest first.
struct MeetingDetail {
  Meeting meeting;
  std::vector<SupervisedTask> decisions;
};

class MechanismService {
 public:
  using Clock = std::function<core::DateTime()>;
  // `issuer` (not owned, may be null) creates report tasks for report-task templates; without
  // one such templates are refused with 422 report_tasks_unavailable.
  explicit MechanismService(common::Writer& writer, Clock clock = core::Now,
                            ReportTaskIssuer* issuer = nullptr)
      : writer_(writer), clock_(std::move(clock)), issuer_(issuer) {}

  // 422 on fields (CheckMeeting, or a unit / attendee not in scope), else the new meeting.
  core::Result<MeetingDetail> CreateMeeting(const account::Actor& actor, const MeetingInput& in);
  // Changes the fields `in` holds (unit_id cannot change: 422). 404 outside scope.
  core::Result<MeetingDetail> UpdateMeeting(const account::Actor& actor, std::int64_t id,
                                            const MeetingInput& in);
  // Records (or replaces) the minutes (会议纪要). 404 outside scope.
  core::Result<MeetingDetail> RecordMinutes(const account::Actor& actor, std::int64_t id,
                                            const std::string& minutes);
  core::Result<MeetingDetail> GetMeeting(const account::Actor& actor, std::int64_t id);
  account::Page<Meeting> ListMeetings(const account::Actor& actor, const MeetingFilter& filter,
                                      const account::PageRequest& page);

  // A decision of the meeting becomes a supervised task (status open). 404 when the meeting is
  // outside scope; 422 on fields (CheckDecision, an owner unit not in scope, no such
  // organisation).
  core::Result<SupervisedTask> AddDecision(const account::Actor& actor, std::int64_t meeting_id,
                                           const NewDecision& decision);
  core::Result<TaskDetail> GetTask(const account::Actor& actor, std::int64_t id);
  account::Page<SupervisedTask> ListTasks(const account::Actor& actor, const TaskFilter& filter,
                                          const account::PageRequest& page);
  // Logs a note and/or moves the status (NextStatus). The move is a conditional update: of two
  // concurrent reports from the same status one wins, the other answers 409 (no change).
  core::Result<TaskDetail> ReportProgress(const account::Actor& actor, std::int64_t id,
                                          const ProgressInput& in);

  // 422 on fields (CheckTemplate, the unit or the report task's scope unit not in scope, or
  // report_tasks_unavailable without an issuer).
  core::Result<MechanismTemplate> CreateTemplate(const account::Actor& actor,
                                                 const NewTemplate& in);
  // Switches the template on or off (the job skips inactive ones). 404 outside scope.
  core::Result<MechanismTemplate> SetTemplateActive(const account::Actor& actor, std::int64_t id,
                                                    bool active);
  core::Result<MechanismTemplate> GetTemplate(const account::Actor& actor, std::int64_t id);
  account::Page<MechanismTemplate> ListTemplates(const account::Actor& actor,
                                                 const account::PageRequest& page);

  // What happens in [from, to] within the actor's scope: meetings starting then, supervised
  // task deadlines, and template occurrences still to be created whose period ends then — by
  // date (three queries). 422 when the range is reversed or longer than 366 days.
  core::Result<std::vector<CalendarItem>> Calendar(const account::Actor& actor,
                                                   const core::Date& from, const core::Date& to);

 private:
  core::Date Today() const { return core::LocalDate(clock_()); }

  common::Writer& writer_;
  Clock clock_;
  ReportTaskIssuer* issuer_;
};

}  // namespace lianyin::domain::mechanism
