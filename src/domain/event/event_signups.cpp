// EventService: sign-ups — signing up (with the waiting list), cancelling (with its promotion)
// and the lists. Why seats are exact under concurrency: event_service.hpp.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/account/worker_repo.hpp"
#include "domain/event/attendance_repo.hpp"
#include "domain/event/event_internal.hpp"
#include "domain/event/event_repo.hpp"
#include "domain/event/event_rules.hpp"
#include "domain/event/event_service.hpp"

namespace lianyin::domain::event {
namespace {

using account::Actor;

// A 409 whose first detail names what collided, so that clients tell "full" (capacity) from
// "already signed up" (worker_id) without parsing the message.
core::Error Conflict(const char* field, std::string message) {
  core::Error e = core::Error::Conflict(message);
  e.details.push_back({field, std::move(message), std::nullopt});
  return e;
}

core::Error Duplicate() {
  return Conflict("worker_id", "the worker has signed up for this event already");
}
core::Error Full() { return Conflict("capacity", "the event is full"); }

// 422 on worker_id unless the actor may sign up (or cancel for) the worker: a worker itself, an
// officer a worker of its scope. 403 for org members.
core::Result<void> CheckSignee(store::Session& session, const Actor& actor,
                               const common::Scope& scope, std::int64_t worker_id) {
  if (actor.org_id) return core::Error::Forbidden("workers sign up themselves or through officers");
  if (actor.worker_id ? *actor.worker_id != worker_id
                      : !account::WorkerRepo(session).InScope(scope, worker_id)) {
    return core::Error::Invalid("worker_id", "no such worker");
  }
  return {};
}

}  // namespace

core::Result<Signup> EventService::SignUp(const Actor& actor, std::int64_t event_id,
                                          const NewSignup& input) {
  const core::DateTime now = clock_();
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Signup> {
    EventRepo events(tx.session());
    AttendanceRepo attendance(tx.session());
    auto event = LoadReadable(events, scope, event_id);
    if (!event) return event.error();
    if (auto ok = CheckSignee(tx.session(), actor, scope, input.worker_id); !ok) {
      return ok.error();
    }
    if (auto ok = CheckSignupOpen(*event, now); !ok) return ok.error();
    std::optional<std::int64_t> id;
    // A waiting-list number is refused only when a seat was freed after the seat was refused:
    // then the seat is tried again. Three rounds bound that; missing each time (seats freed and
    // retaken in between) answers full.
    for (int round = 0; round < 3 && !id; ++round) {
      if (events.TakeSeat(event_id, at)) {
        id = attendance.InsertSignup(event_id, input.worker_id, SignupStatus::kConfirmed, {},
                                     actor.user_id, at);
        if (!id) return Duplicate();  // the seat is rolled back with the transaction
        break;
      }
      if (attendance.FindSignup(event_id, input.worker_id)) return Duplicate();
      const Event now_event = events.FindPublic(event_id).value();
      if (auto ok = CheckSignupOpen(now_event, now); !ok) return ok.error();
      if (!input.waitlist) return Full();
      if (auto number = events.TakeWaitlistNumber(event_id, at)) {
        id = attendance.InsertSignup(event_id, input.worker_id, SignupStatus::kWaitlisted, number,
                                     actor.user_id, at);
        if (!id) return Duplicate();
      }
    }
    if (!id) return Full();
    Signup created = attendance.FindSignup(event_id, input.worker_id).value();
    tx.Record({"create", "event_signup", std::to_string(*id), nullptr, AuditJson(created), true,
               event->owner_unit_id});
    return created;
  });
}

core::Result<Cancellation> EventService::Cancel(const Actor& actor, std::int64_t event_id,
                                                std::int64_t worker_id) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Cancellation> {
    EventRepo events(tx.session());
    AttendanceRepo attendance(tx.session());
    auto event = LoadReadable(events, scope, event_id);
    if (!event) return event.error();
    const bool allowed =
        actor.worker_id
            ? *actor.worker_id == worker_id
            : IsOfficer(actor) && (events.InScope(scope, event_id) ||
                                   account::WorkerRepo(tx.session()).InScope(scope, worker_id));
    if (!allowed) return common::OutOfScope();
    // The event's row lock first: the sign-ups read below are those committed before.
    if (!events.TakeSignupTurn(event_id)) return common::OutOfScope();
    auto signup = attendance.FindSignup(event_id, worker_id);
    if (!signup) return common::OutOfScope();
    if (event->status != EventStatus::kPublished) {
      return core::Error::Conflict(
          fmt::format("the event is {}: its sign-ups stay as they are", StatusName(event->status)));
    }
    if (at >= event->start) {
      return core::Error::Conflict("a sign-up is cancelled before the event starts");
    }
    // A worker who checked in (inside the window's half hour before the start) was there: the
    // seat and the person-time stay.
    if (signup->checked_in_at) {
      return core::Error::Conflict("the worker has checked in: the sign-up stays");
    }
    attendance.DeleteSignup(signup->id);
    tx.Record({"cancel", "event_signup", std::to_string(signup->id), AuditJson(*signup), nullptr,
               true, event->owner_unit_id});
    Cancellation out{*signup, std::nullopt};
    if (signup->status == SignupStatus::kWaitlisted) {
      events.WaitlistLeft(event_id, at);
      return out;
    }
    if (auto next = attendance.FirstWaitlisted(event_id)) {
      attendance.Confirm(next->id, at);
      Signup promoted = attendance.FindSignup(event_id, next->worker_id).value();
      tx.Record({"promote", "event_signup", std::to_string(next->id), AuditJson(*next),
                 AuditJson(promoted), true, event->owner_unit_id});
      out.promoted = std::move(promoted);
    }
    events.SeatFreed(event_id, out.promoted.has_value(), at);
    return out;
  });
}

core::Result<account::Page<Signup>> EventService::ListSignups(const Actor& actor,
                                                              std::int64_t event_id,
                                                              std::optional<SignupStatus> status,
                                                              const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  EventRepo events(session);
  const account::Scope scope = account::ScopeOf(actor);
  auto event =
      actor.worker_id ? LoadReadable(events, scope, event_id) : LoadOwned(events, scope, event_id);
  if (!event) {
    // Readers outside the owners learn nothing of who signed up.
    if (event.error().code == core::ErrorCode::kForbidden) return common::OutOfScope();
    return event.error();
  }
  AttendanceRepo attendance(session);
  return account::Page<Signup>{
      attendance.ListSignups(event_id, status, scope, page.page_size, page.Offset()),
      attendance.CountSignups(event_id, status, scope)};
}

core::Result<account::Page<MyEvent>> EventService::MyEvents(const Actor& actor,
                                                            const account::PageRequest& page) {
  if (!actor.worker_id) return core::Error::Forbidden("only workers have events of their own");
  store::Session session = writer_.db().Acquire();
  AttendanceRepo attendance(session);
  return account::Page<MyEvent>{
      attendance.ListMine(*actor.worker_id, page.page_size, page.Offset()),
      attendance.CountMine(*actor.worker_id)};
}

}  // namespace lianyin::domain::event
