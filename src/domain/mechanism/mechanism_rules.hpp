#pragma once
// The work mechanism's pure rules: meeting and template fields, the supervised tasks' state
// machine and overdue marking, and the schedule of a template's occurrences.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/period.hpp"
#include "domain/mechanism/mechanism.hpp"

namespace lianyin::domain::mechanism {

inline constexpr std::size_t kMaxTitleChars = 200;
inline constexpr std::size_t kMaxTextChars = 2000;
inline constexpr std::size_t kMaxMinutesChars = 20000;
inline constexpr std::size_t kMaxAttendees = 200;
inline constexpr std::int64_t kMaxLeadDays = 366;
inline constexpr std::int64_t kMaxDeadlineDays = 366;
inline constexpr std::int64_t kMaxCalendarDays = 366;
// The most occurrences one run creates per template: ten years of a monthly template, so a
// template started long ago catches up in one run without an unbounded loop.
inline constexpr std::size_t kMaxCatchUp = 120;

// The fields of a meeting (creating: title, kind, unit_id and starts_at are required; a PATCH
// checks only what it holds): a known kind, a date-time, attendees with names. Every bad field
// at once (422).
core::Result<void> CheckMeeting(const MeetingInput& input, bool creating);
// `input` with starts_at written in +08:00 (FormatDateTime), so stored times compare as text.
// Precondition: CheckMeeting passed.
MeetingInput Normalized(MeetingInput input);

// A decision's deadline is a real date; its owner is a unit, an organisation or a name (not a
// unit and an organisation both).
core::Result<void> CheckDecision(const NewDecision& decision);

// The template's fields (every bad one at once): a known kind and recurrence, real dates with
// ends_on not before starts_on, lead_days 0–366, and exactly the spec of its kind.
core::Result<Recurrence> CheckTemplate(const NewTemplate& input);

// The status a progress report leaves the task in, or why it may not be made:
//   open → in_progress | done, in_progress → done (a note only keeps the status);
//   done needs a note (422 note); a done task takes nothing but a reopen (to open or
//   in_progress), and only from the supervisor, the meeting's unit (409 otherwise);
//   in_progress → open is not a step (409).
core::Result<TaskStatus> NextStatus(TaskStatus from, const ProgressInput& input, bool supervisor);

// Not done and the deadline (YYYY-MM-DD) before `today`.
bool IsOverdue(const std::string& deadline, TaskStatus status, const core::Date& today);
// The status a person reads: "overdue" (已逾期) when overdue, else the status's code.
std::string DisplayStatus(const SupervisedTask& task);

// The Chinese name of a period in titles: 2026年3月, 2026年第3季度, 2026年上半年, 2026年.
std::string PeriodTitle(const core::Period& period);
// `pattern` with every "{period}" replaced by PeriodTitle(period).
std::string RenderTitle(const std::string& pattern, const core::Period& period);

// The periods of a template's recurrence, from the one holding starts_on, whose occurrence is
// created on or before `today` (lead_days before the period's last day, but not before
// starts_on) and that start on or before ends_on; at most kMaxCatchUp, oldest first.
std::vector<PlannedOccurrence> DueOccurrences(const MechanismTemplate& t, const core::Date& today);
// The periods whose last day falls in [from, to] and whose occurrence is created after
// `today`: what the calendar shows as coming.
std::vector<PlannedOccurrence> UpcomingOccurrences(const MechanismTemplate& t,
                                                   const core::Date& today, const core::Date& from,
                                                   const core::Date& to);

// from ≤ to and at most kMaxCalendarDays apart (422 on "to" otherwise).
core::Result<void> CheckCalendarRange(const core::Date& from, const core::Date& to);

}  // namespace lianyin::domain::mechanism
