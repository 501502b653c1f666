// MechanismService: meetings and their decisions.

#include <fmt/format.h>

#include "domain/account/scope.hpp"
#include "domain/mechanism/mechanism_audit.hpp"
#include "domain/mechanism/mechanism_repo.hpp"
#include "domain/mechanism/mechanism_rules.hpp"
#include "domain/mechanism/mechanism_service.hpp"
#include "domain/mechanism/task_repo.hpp"

namespace lianyin::domain::mechanism {
namespace {

using account::Actor;

// The attendees' units must be in scope and their organisations published (422 per bad one).
void CheckAttendeeNames(MechanismRepo& repo, const common::Scope& scope,
                        const std::vector<Attendee>& attendees,
                        std::vector<core::FieldError>& errors) {
  for (std::size_t i = 0; i < attendees.size(); ++i) {
    const Attendee& a = attendees[i];
    if (a.unit_id && !repo.UnitNameInScope(scope, *a.unit_id)) {
      errors.push_back({fmt::format("attendees[{}].unit_id", i), "no such unit", {}});
    }
    if (a.org_id && !repo.OrgName(*a.org_id)) {
      errors.push_back({fmt::format("attendees[{}].org_id", i), "no such organisation", {}});
    }
  }
}

core::Result<void> CheckNames(MechanismRepo& repo, const common::Scope& scope,
                              const MeetingInput& in) {
  std::vector<core::FieldError> errors;
  if (in.unit_id && !repo.UnitNameInScope(scope, *in.unit_id)) {
    errors.push_back({"unit_id", "no such unit", {}});
  }
  if (in.attendees) CheckAttendeeNames(repo, scope, *in.attendees, errors);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

MeetingDetail DetailOf(store::Session& session, const core::Date& today, Meeting meeting) {
  std::vector<SupervisedTask> decisions = TaskRepo(session, today).OfMeeting(meeting.id);
  return {std::move(meeting), std::move(decisions)};
}

}  // namespace

core::Result<MeetingDetail> MechanismService::CreateMeeting(const Actor& actor,
                                                            const MeetingInput& input) {
  if (auto ok = CheckMeeting(input, true); !ok) return ok.error();
  const MeetingInput in = Normalized(input);
  const std::string now = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<MeetingDetail> {
    MechanismRepo repo(tx.session());
    if (auto ok = CheckNames(repo, scope, in); !ok) return ok.error();
    const std::int64_t id = repo.InsertMeeting(in, std::nullopt, actor.user_id, now);
    Meeting created = repo.FindMeetingInScope(scope, id).value();
    tx.Record(MeetingChange("create", created, nullptr, AuditJson(created)));
    return MeetingDetail{std::move(created), {}};
  });
}

core::Result<MeetingDetail> MechanismService::UpdateMeeting(const Actor& actor, std::int64_t id,
                                                            const MeetingInput& input) {
  if (input.unit_id) return core::Error::Invalid("unit_id", "cannot be changed");
  if (auto ok = CheckMeeting(input, false); !ok) return ok.error();
  const MeetingInput in = Normalized(input);
  const std::string now = core::FormatDateTime(clock_());
  const core::Date today = Today();
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<MeetingDetail> {
    MechanismRepo repo(tx.session());
    auto before = repo.FindMeetingInScope(scope, id);
    if (!before) return account::OutOfScope();
    if (auto ok = CheckNames(repo, scope, in); !ok) return ok.error();
    repo.UpdateMeeting(id, in, now);
    Meeting after = repo.FindMeetingInScope(scope, id).value();
    tx.Record(MeetingChange("update", after, AuditJson(*before), AuditJson(after)));
    return DetailOf(tx.session(), today, std::move(after));
  });
}

core::Result<MeetingDetail> MechanismService::RecordMinutes(const Actor& actor, std::int64_t id,
                                                            const std::string& minutes) {
  const std::string now = core::FormatDateTime(clock_());
  const core::Date today = Today();
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<MeetingDetail> {
    MechanismRepo repo(tx.session());
    auto before = repo.FindMeetingInScope(scope, id);
    if (!before) return account::OutOfScope();
    repo.SetMinutes(id, minutes, now);
    Meeting after = repo.FindMeetingInScope(scope, id).value();
    tx.Record(MeetingChange("record_minutes", after, AuditJson(*before), AuditJson(after)));
    return DetailOf(tx.session(), today, std::move(after));
  });
}

core::Result<MeetingDetail> MechanismService::GetMeeting(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto meeting = MechanismRepo(session).FindMeetingInScope(account::ScopeOf(actor), id);
  if (!meeting) return account::OutOfScope();
  return DetailOf(session, Today(), std::move(*meeting));
}

account::Page<Meeting> MechanismService::ListMeetings(const Actor& actor,
                                                      const MeetingFilter& filter,
                                                      const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  MechanismRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return {repo.ListMeetings(filter, scope, page.page_size, page.Offset()),
          repo.CountMeetings(filter, scope)};
}

core::Result<SupervisedTask> MechanismService::AddDecision(const Actor& actor,
                                                           std::int64_t meeting_id,
                                                           const NewDecision& d) {
  if (auto ok = CheckDecision(d); !ok) return ok.error();
  const std::string now = core::FormatDateTime(clock_());
  const core::Date today = Today();
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<SupervisedTask> {
    MechanismRepo repo(tx.session());
    auto meeting = repo.FindMeetingInScope(scope, meeting_id);
    if (!meeting) return account::OutOfScope();
    if (d.owner_unit_id && !repo.UnitNameInScope(scope, *d.owner_unit_id)) {
      return core::Error::Invalid("owner_unit_id", "no such unit");
    }
    if (d.owner_org_id && !repo.OrgName(*d.owner_org_id)) {
      return core::Error::Invalid("owner_org_id", "no such organisation");
    }
    TaskRepo tasks(tx.session(), today);
    const std::int64_t id = tasks.Insert(*meeting, d, actor.user_id, now);
    SupervisedTask created = tasks.FindInScope(scope, id).value();
    tx.Record(TaskChange("create", created, nullptr, AuditJson(created)));
    return created;
  });
}

}  // namespace lianyin::domain::mechanism
