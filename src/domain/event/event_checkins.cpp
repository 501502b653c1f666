// EventService: check-ins — by a worker with the rotating token or code, by an officer or the
// organiser one at a time or from a list; the attendance list and the code of the screen.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/account/worker_repo.hpp"
#include "domain/event/attendance_repo.hpp"
#include "domain/event/checkin_token.hpp"
#include "domain/event/event_internal.hpp"
#include "domain/event/event_repo.hpp"
#include "domain/event/event_rules.hpp"
#include "domain/event/event_service.hpp"

namespace lianyin::domain::event {
namespace {

using account::Actor;

core::Error AlreadyCheckedIn() {
  core::Error e = core::Error::Conflict("the worker has checked in already");
  e.details.push_back({"worker_id", "has checked in already", std::nullopt});
  return e;
}

// What a worker's own check-in proves: the method, or 422 on the token or code.
core::Result<CheckinMethod> SelfMethod(core::ByteView key, const Actor& actor,
                                       std::int64_t event_id, const NewCheckin& in,
                                       core::DateTime now) {
  std::vector<core::FieldError> errors;
  if (in.worker_id && *in.worker_id != *actor.worker_id) {
    errors.push_back({"worker_id", "no such worker", std::nullopt});
  }
  if (in.at) errors.push_back({"at", "only officers record the time of a check-in", std::nullopt});
  if (!in.worker_ids.empty()) {
    errors.push_back({"worker_ids", "only officers check in a list", std::nullopt});
  }
  std::optional<CheckinMethod> method;
  if (in.token) {
    method = CheckinMethod::kToken;
    if (!AcceptsToken(key, event_id, *in.token, now)) {
      errors.push_back({"token", "is not the event's current check-in code", std::nullopt});
    }
  } else if (in.code) {
    method = CheckinMethod::kCode;
    if (!AcceptsCode(key, event_id, *in.code, now)) {
      errors.push_back({"code", "is not the event's current check-in code", std::nullopt});
    }
  } else {
    errors.push_back({"token", "scan the event's QR code or enter its code", std::nullopt});
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return *method;
}

// One check-in of `worker_id` at `at` by an officer or the organiser (who owns the event): the
// worker must be signed up for it or (officers) of the actor's scope.
core::Result<Checkin> Record(common::WriteTx& tx, const Actor& actor, const common::Scope& scope,
                             const Event& event, std::int64_t worker_id, const std::string& at,
                             CheckinMethod method, const std::string& now) {
  AttendanceRepo attendance(tx.session());
  if (method == CheckinMethod::kOfficer && !attendance.FindSignup(event.id, worker_id) &&
      !account::WorkerRepo(tx.session()).InScope(scope, worker_id)) {
    return core::Error::Invalid("worker_id", "no such worker");
  }
  auto id = attendance.InsertCheckin(event.id, worker_id, at, method, actor.user_id, now);
  if (!id) return AlreadyCheckedIn();
  EventRepo(tx.session()).AddCheckins(event.id, 1);
  Checkin created = attendance.FindCheckin(*id).value();
  tx.Record({"create", "event_checkin", std::to_string(*id), nullptr, AuditJson(created), true,
             event.owner_unit_id});
  return created;
}

// The time of an officer's check-in: `at` as given (date-time) or now, in the window.
core::Result<std::string> OfficerTime(const Event& event, const std::optional<std::string>& at,
                                      core::DateTime now) {
  core::DateTime when = now;
  if (at) {
    auto parsed = core::ParseDateTime(*at, "at");
    if (!parsed) {
      return core::Error::Invalid("at", "must be a date-time like 2023-04-01T09:00:00+08:00");
    }
    when = *parsed;
  }
  return CheckCheckinTime(event, when, now);
}

}  // namespace

core::Result<Checkin> EventService::CheckIn(const Actor& actor, std::int64_t event_id,
                                            const NewCheckin& in) {
  const core::DateTime now = clock_();
  const std::string stamp = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  if (actor.worker_id) {
    if (auto wait = checkin_attempts_.Admit(std::to_string(*actor.worker_id), now.unix_seconds,
                                            kCheckinAttemptsPerMinute)) {
      core::Error e{core::ErrorCode::kTooManyRequests, "too many check-in attempts", {}};
      e.retry_after_seconds = *wait;
      return e;
    }
    auto method = SelfMethod(key_, actor, event_id, in, now);
    if (!method) return method.error();
    return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Checkin> {
      EventRepo events(tx.session());
      auto event = LoadReadable(events, scope, event_id);
      if (!event) return event.error();
      // The event's row lock before the sign-up is read, as a cancellation takes it: a sign-up
      // cancelled meanwhile is gone here, and one checked in here cannot be cancelled.
      if (!events.TakeSignupTurn(event_id)) return common::OutOfScope();
      auto signup = AttendanceRepo(tx.session()).FindSignup(event_id, *actor.worker_id);
      if (!signup) return core::Error::Invalid("worker_id", "check in needs a confirmed sign-up");
      if (signup->status != SignupStatus::kConfirmed) {
        return core::Error::Invalid("worker_id", "a waitlisted worker has no seat to check in to");
      }
      auto at = CheckCheckinTime(*event, now, now);
      if (!at) return at.error();
      return Record(tx, actor, scope, *event, *actor.worker_id, *at, *method, stamp);
    });
  }
  if (!in.worker_id) return core::Error::Invalid("worker_id", "is required");
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Checkin> {
    EventRepo events(tx.session());
    auto event = LoadOwned(events, scope, event_id);
    if (!event) return event.error();
    auto at = OfficerTime(*event, in.at, now);
    if (!at) return at.error();
    if (!events.TakeSignupTurn(event_id)) return common::OutOfScope();
    return Record(tx, actor, scope, *event, *in.worker_id, *at, CheckinMethod::kOfficer, stamp);
  });
}

core::Result<std::vector<CheckinOutcome>> EventService::CheckInList(const Actor& actor,
                                                                    std::int64_t event_id,
                                                                    const NewCheckin& in) {
  if (actor.worker_id) return core::Error::Forbidden("only officers check in a list");
  if (in.worker_ids.empty() || in.worker_ids.size() > kMaxListCheckins) {
    return core::Error::Invalid("worker_ids",
                                fmt::format("must name 1 to {} workers", kMaxListCheckins));
  }
  const core::DateTime now = clock_();
  const std::string stamp = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  using Outcomes = std::vector<CheckinOutcome>;
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Outcomes> {
    EventRepo events(tx.session());
    auto event = LoadOwned(events, scope, event_id);
    if (!event) return event.error();
    auto at = OfficerTime(*event, in.at, now);
    if (!at) return at.error();
    if (!events.TakeSignupTurn(event_id)) return common::OutOfScope();
    Outcomes out;
    for (std::int64_t worker_id : in.worker_ids) {
      auto r = Record(tx, actor, scope, *event, worker_id, *at, CheckinMethod::kOfficer, stamp);
      CheckinOutcome o{worker_id, std::nullopt, std::nullopt, std::nullopt};
      if (r) {
        o.checkin = std::move(*r);
      } else {
        o.error_code = std::string(core::ErrorCodeName(r.error().code));
        o.message =
            r.error().details.empty() ? r.error().message : r.error().details.front().message;
      }
      out.push_back(std::move(o));
    }
    return out;
  });
}

core::Result<account::Page<Checkin>> EventService::ListCheckins(const Actor& actor,
                                                                std::int64_t event_id,
                                                                const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  EventRepo events(session);
  const account::Scope scope = account::ScopeOf(actor);
  auto event =
      actor.worker_id ? LoadReadable(events, scope, event_id) : LoadOwned(events, scope, event_id);
  if (!event) {
    if (event.error().code == core::ErrorCode::kForbidden) return common::OutOfScope();
    return event.error();
  }
  AttendanceRepo attendance(session);
  return account::Page<Checkin>{
      attendance.ListCheckins(event_id, scope, page.page_size, page.Offset()),
      attendance.CountCheckins(event_id, scope)};
}

core::Result<CheckinCode> EventService::CurrentCode(const Actor& actor, std::int64_t event_id) {
  const core::DateTime now = clock_();
  store::Session session = writer_.db().Acquire();
  EventRepo events(session);
  auto event = LoadOwned(events, account::ScopeOf(actor), event_id);
  if (!event) return event.error();
  if (event->status != EventStatus::kPublished) {
    return core::Error::Invalid(
        "status", fmt::format("the event is {}: it takes no check-ins", StatusName(event->status)));
  }
  const std::int64_t slot = SlotOf(now);
  return CheckinCode{event_id, TokenFor(key_, event_id, slot), CodeFor(key_, event_id, slot),
                     core::FormatDateTime(SlotEnd(slot)), kSlotSeconds};
}

}  // namespace lianyin::domain::event
