#include "domain/mechanism/mechanism_rules.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lianyin::domain::mechanism {
namespace {

core::PeriodKind KindOf(Recurrence recurrence) {
  switch (recurrence) {
    case Recurrence::kMonthly:
      return core::PeriodKind::kMonth;
    case Recurrence::kQuarterly:
      return core::PeriodKind::kQuarter;
    case Recurrence::kHalfYearly:
      return core::PeriodKind::kHalf;
    case Recurrence::kYearly:
      break;
  }
  return core::PeriodKind::kYear;
}

// The period after `p` of the same kind, or nullopt past the last period year.
std::optional<core::Period> NextPeriod(const core::Period& p) {
  const core::Date next = core::AddDays(p.Last(), 1);
  if (next.year > core::kMaxPeriodYear) return std::nullopt;
  return core::PeriodOf(p.kind(), next);
}

// A template's occurrences in order, each passed to `visit` until it returns false.
template <class Visit>
void EachOccurrence(const MechanismTemplate& t, Visit visit) {
  auto starts = core::ParseDate(t.starts_on);
  if (!starts || starts->year < core::kMinPeriodYear || starts->year > core::kMaxPeriodYear) return;
  std::optional<core::Date> ends;
  if (t.ends_on) {
    if (auto e = core::ParseDate(*t.ends_on)) ends = *e;
  }
  std::optional<core::Period> p = core::PeriodOf(KindOf(t.recurrence), *starts);
  while (p && (!ends || p->First() <= *ends)) {
    const core::Date creates_on = std::max(core::AddDays(p->Last(), -t.lead_days), *starts);
    if (!visit(PlannedOccurrence{*p, creates_on})) return;
    p = NextPeriod(*p);
  }
}

void CheckAttendees(const std::vector<Attendee>& attendees, const std::string& field,
                    std::vector<core::FieldError>& errors) {
  if (attendees.size() > kMaxAttendees) {
    errors.push_back({field, fmt::format("must list at most {} attendees", kMaxAttendees), {}});
  }
  for (std::size_t i = 0; i < attendees.size(); ++i) {
    if (attendees[i].unit_id && attendees[i].org_id) {
      errors.push_back(
          {fmt::format("{}[{}]", field, i), "must name a unit or an organisation, not both", {}});
    }
  }
}

void CheckSpec(const NewTemplate& in, std::vector<core::FieldError>& errors) {
  if (in.kind == "meeting") {
    if (!in.meeting) errors.push_back({"meeting", "is required", {}});
    if (in.report_task) errors.push_back({"report_task", "must be absent for a meeting", {}});
    if (in.meeting && !IsMeetingKind(in.meeting->kind)) {
      errors.push_back({"meeting.kind", "must be a meeting kind", {}});
    }
    if (in.meeting) CheckAttendees(in.meeting->attendees, "meeting.attendees", errors);
  } else if (in.kind == "report_task") {
    if (!in.report_task) errors.push_back({"report_task", "is required", {}});
    if (in.meeting) errors.push_back({"meeting", "must be absent for a report task", {}});
    if (in.report_task && in.report_task->indicators.empty()) {
      errors.push_back({"report_task.indicators", "must name at least one indicator", {}});
    }
    if (in.report_task &&
        (in.report_task->deadline_days < 0 || in.report_task->deadline_days > kMaxDeadlineDays)) {
      errors.push_back({"report_task.deadline_days",
                        fmt::format("must be between {} and {}", 0, kMaxDeadlineDays),
                        {}});
    }
  } else {
    errors.push_back({"kind", "must be meeting or report_task", {}});
  }
}

}  // namespace

core::Result<void> CheckMeeting(const MeetingInput& in, bool creating) {
  std::vector<core::FieldError> errors;
  if (creating) {
    if (!in.title) errors.push_back({"title", "is required", {}});
    if (!in.kind) errors.push_back({"kind", "is required", {}});
    if (!in.unit_id) errors.push_back({"unit_id", "is required", {}});
    if (!in.starts_at) errors.push_back({"starts_at", "is required", {}});
  }
  if (in.kind && !IsMeetingKind(*in.kind)) errors.push_back({"kind", "must be a meeting kind", {}});
  if (in.starts_at) {
    if (auto at = core::ParseDateTime(*in.starts_at, "starts_at"); !at) {
      const core::Error e = at.error();  // error() answers a copy
      errors.insert(errors.end(), e.details.begin(), e.details.end());
    }
  }
  if (in.attendees) CheckAttendees(*in.attendees, "attendees", errors);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

MeetingInput Normalized(MeetingInput in) {
  if (in.starts_at) in.starts_at = core::FormatDateTime(core::ParseDateTime(*in.starts_at).value());
  return in;
}

core::Result<void> CheckDecision(const NewDecision& d) {
  std::vector<core::FieldError> errors;
  if (auto date = core::ParseDate(d.deadline, "deadline"); !date) {
    const core::Error e = date.error();  // error() answers a copy
    errors.insert(errors.end(), e.details.begin(), e.details.end());
  }
  if (d.owner_unit_id && d.owner_org_id) {
    errors.push_back({"owner_org_id", "must be absent when owner_unit_id is given", {}});
  }
  if (!d.owner_unit_id && !d.owner_org_id && !d.owner_name) {
    errors.push_back({"owner_name", "is required without owner_unit_id or owner_org_id", {}});
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

core::Result<Recurrence> CheckTemplate(const NewTemplate& in) {
  std::vector<core::FieldError> errors;
  const auto recurrence = ParseRecurrence(in.recurrence);
  if (!recurrence) {
    errors.push_back({"recurrence", "must be monthly, quarterly, half_yearly or yearly", {}});
  }
  const auto starts = core::ParseDate(in.starts_on, "starts_on");
  if (!starts) errors.push_back({"starts_on", starts.error().details.front().message, {}});
  if (starts && (starts->year < core::kMinPeriodYear || starts->year > core::kMaxPeriodYear)) {
    errors.push_back({"starts_on", "is out of range", {}});
  }
  if (in.ends_on) {
    const auto ends = core::ParseDate(*in.ends_on, "ends_on");
    if (!ends) errors.push_back({"ends_on", ends.error().details.front().message, {}});
    if (ends && starts && *ends < *starts) {
      errors.push_back({"ends_on", "must not be before starts_on", {}});
    }
  }
  if (in.lead_days < 0 || in.lead_days > kMaxLeadDays) {
    errors.push_back({"lead_days", fmt::format("must be between {} and {}", 0, kMaxLeadDays), {}});
  }
  CheckSpec(in, errors);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return *recurrence;
}

core::Result<TaskStatus> NextStatus(TaskStatus from, const ProgressInput& in, bool supervisor) {
  if (from == TaskStatus::kDone) {
    if (!in.status || *in.status == TaskStatus::kDone) {
      return core::Error::Conflict("the task is done; it must be reopened first");
    }
    if (!supervisor) return core::Error::Forbidden("only the meeting's unit may reopen a task");
    return *in.status;
  }
  const TaskStatus to = in.status.value_or(from);
  if (to == TaskStatus::kDone && !in.note) {
    return core::Error::Invalid("note", "is required to mark a task done");
  }
  if (from == TaskStatus::kInProgress && to == TaskStatus::kOpen) {
    return core::Error::Conflict("a task in progress cannot go back to open");
  }
  if (to == from && !in.note) return core::Error::Invalid("note", "is required");
  return to;
}

bool IsOverdue(const std::string& deadline, TaskStatus status, const core::Date& today) {
  return status != TaskStatus::kDone && deadline < core::FormatDate(today);
}

std::string DisplayStatus(const SupervisedTask& task) {
  return task.overdue ? "overdue" : std::string(TaskStatusName(task.status));
}

std::string PeriodTitle(const core::Period& p) {
  switch (p.kind()) {
    case core::PeriodKind::kMonth:
      return fmt::format("{}年{}月", p.year(), p.index());
    case core::PeriodKind::kQuarter:
      return fmt::format("{}年第{}季度", p.year(), p.index());
    case core::PeriodKind::kHalf:
      return fmt::format("{}年{}半年", p.year(), p.index() == 1 ? "上" : "下");
    case core::PeriodKind::kYear:
      break;
  }
  return fmt::format("{}年", p.year());
}

std::string RenderTitle(const std::string& pattern, const core::Period& period) {
  static constexpr std::string_view kToken = "{period}";
  const std::string name = PeriodTitle(period);
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = pattern.find(kToken); at != std::string::npos;
       at = pattern.find(kToken, from)) {
    out.append(pattern, from, at - from).append(name);
    from = at + kToken.size();
  }
  return out.append(pattern, from, std::string::npos);
}

std::vector<PlannedOccurrence> DueOccurrences(const MechanismTemplate& t, const core::Date& today) {
  std::vector<PlannedOccurrence> out;
  EachOccurrence(t, [&](const PlannedOccurrence& o) {
    if (o.creates_on > today) return false;
    out.push_back(o);
    return true;
  });
  // The most recent kMaxCatchUp only: a template started long ago does not flood the calendar.
  if (out.size() > kMaxCatchUp) out.erase(out.begin(), out.end() - kMaxCatchUp);
  return out;
}

std::vector<PlannedOccurrence> UpcomingOccurrences(const MechanismTemplate& t,
                                                   const core::Date& today, const core::Date& from,
                                                   const core::Date& to) {
  std::vector<PlannedOccurrence> out;
  EachOccurrence(t, [&](const PlannedOccurrence& o) {
    if (o.period.First() > to) return false;
    const core::Date last = o.period.Last();
    if (last >= from && last <= to && o.creates_on > today) out.push_back(o);
    return true;
  });
  return out;
}

core::Result<void> CheckCalendarRange(const core::Date& from, const core::Date& to) {
  if (to < from) return core::Error::Invalid("to", "must not be before from");
  if (core::DaysFromCivil(to) - core::DaysFromCivil(from) > kMaxCalendarDays) {
    return core::Error::Invalid(
        "to", fmt::format("must be at most {} days after from", kMaxCalendarDays));
  }
  return {};
}

}  // namespace lianyin::domain::mechanism
