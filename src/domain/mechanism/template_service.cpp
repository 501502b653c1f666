// MechanismService: recurring templates and the calendar.

#include <algorithm>
#include <tuple>

#include "domain/account/scope.hpp"
#include "domain/mechanism/mechanism_audit.hpp"
#include "domain/mechanism/mechanism_repo.hpp"
#include "domain/mechanism/mechanism_rules.hpp"
#include "domain/mechanism/mechanism_service.hpp"
#include "domain/mechanism/task_repo.hpp"

namespace lianyin::domain::mechanism {
namespace {

using account::Actor;

// The template's units in scope and its attendees' organisations published.
core::Result<void> CheckTemplateNames(MechanismRepo& repo, const common::Scope& scope,
                                      const NewTemplate& in) {
  std::vector<core::FieldError> errors;
  if (!repo.UnitNameInScope(scope, in.unit_id)) errors.push_back({"unit_id", "no such unit", {}});
  if (in.report_task && !repo.UnitNameInScope(scope, in.report_task->scope_unit_id)) {
    errors.push_back({"report_task.scope_unit_id", "no such unit", {}});
  }
  if (in.meeting) {
    for (std::size_t i = 0; i < in.meeting->attendees.size(); ++i) {
      const Attendee& a = in.meeting->attendees[i];
      const std::string field = "meeting.attendees[" + std::to_string(i) + "]";
      if (a.unit_id && !repo.UnitNameInScope(scope, *a.unit_id)) {
        errors.push_back({field + ".unit_id", "no such unit", {}});
      }
      if (a.org_id && !repo.OrgName(*a.org_id)) {
        errors.push_back({field + ".org_id", "no such organisation", {}});
      }
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

CalendarItem MeetingItem(const Meeting& m) {
  return {"meeting", m.starts_at.substr(0, 10), m.title, m.kind, m.id, m.starts_at, "", m.unit_id};
}

CalendarItem DeadlineItem(const SupervisedTask& t) {
  return {"deadline", t.deadline, t.text, DisplayStatus(t), t.id, "", "", t.unit_id};
}

std::string OccurrenceTitle(const MechanismTemplate& t, const core::Period& period) {
  if (t.meeting) return RenderTitle(t.meeting->title_pattern, period);
  if (t.report_task) return RenderTitle(t.report_task->title_pattern, period);
  return t.name;
}

int TypeOrder(const std::string& type) {
  return type == "meeting" ? 0 : type == "deadline" ? 1 : 2;
}

}  // namespace

core::Result<MechanismTemplate> MechanismService::CreateTemplate(const Actor& actor,
                                                                 const NewTemplate& in) {
  if (auto ok = CheckTemplate(in); !ok) return ok.error();
  if (in.kind == "report_task" && issuer_ == nullptr) {
    return core::Error::Invalid("kind", "report_tasks_unavailable");
  }
  const std::string now = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<MechanismTemplate> {
    MechanismRepo repo(tx.session());
    if (auto ok = CheckTemplateNames(repo, scope, in); !ok) return ok.error();
    const std::int64_t id = repo.InsertTemplate(in, actor.user_id, now);
    MechanismTemplate created = repo.FindTemplateInScope(scope, id).value();
    tx.Record(TemplateChange("create", created, nullptr, AuditJson(created)));
    return created;
  });
}

core::Result<MechanismTemplate> MechanismService::SetTemplateActive(const Actor& actor,
                                                                    std::int64_t id, bool active) {
  const std::string now = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<MechanismTemplate> {
    MechanismRepo repo(tx.session());
    auto before = repo.FindTemplateInScope(scope, id);
    if (!before) return account::OutOfScope();
    if (before->active == active) return *before;  // nothing changes, nothing to record
    repo.SetTemplateActive(id, active, now);
    MechanismTemplate after = repo.FindTemplateInScope(scope, id).value();
    tx.Record(TemplateChange("update", after, AuditJson(*before), AuditJson(after)));
    return after;
  });
}

core::Result<MechanismTemplate> MechanismService::GetTemplate(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto found = MechanismRepo(session).FindTemplateInScope(account::ScopeOf(actor), id);
  if (!found) return account::OutOfScope();
  return std::move(*found);
}

account::Page<MechanismTemplate> MechanismService::ListTemplates(const Actor& actor,
                                                                 const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  MechanismRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return {repo.ListTemplates(scope, page.page_size, page.Offset()), repo.CountTemplates(scope)};
}

core::Result<std::vector<CalendarItem>> MechanismService::Calendar(const Actor& actor,
                                                                   const core::Date& from,
                                                                   const core::Date& to) {
  if (auto ok = CheckCalendarRange(from, to); !ok) return ok.error();
  const core::Date today = Today();
  const std::string first = core::FormatDate(from);
  const std::string last = core::FormatDate(to);
  const account::Scope scope = account::ScopeOf(actor);
  store::Session session = writer_.db().Acquire();
  MechanismRepo repo(session);
  std::vector<CalendarItem> items;
  for (const Meeting& m : repo.MeetingsBetween(scope, first, last)) items.push_back(MeetingItem(m));
  for (const SupervisedTask& t : TaskRepo(session, today).DueBetween(scope, first, last)) {
    items.push_back(DeadlineItem(t));
  }
  for (const MechanismTemplate& t : repo.ActiveTemplates(scope)) {
    for (const PlannedOccurrence& o : UpcomingOccurrences(t, today, from, to)) {
      items.push_back({"occurrence", core::FormatDate(o.period.Last()),
                       OccurrenceTitle(t, o.period), t.kind, t.id, "", core::FormatPeriod(o.period),
                       t.unit_id});
    }
  }
  std::stable_sort(items.begin(), items.end(), [](const CalendarItem& a, const CalendarItem& b) {
    return std::make_tuple(a.date, TypeOrder(a.type), a.at) <
           std::make_tuple(b.date, TypeOrder(b.type), b.at);
  });
  return items;
}

}  // namespace lianyin::domain::mechanism
