#pragma once
// Use cases of events, sign-ups and check-ins (SPEC §4 "Venues and events"; issue #11). Every
// change runs in one short write transaction (common::Writer) with a Change per changed record,
// owned by the event's owner unit.
//
// Owner (SPEC §1), fixed at creation: the venue's unit when the event is at a booking, else the
// project's funding unit, else the organising organisation's registration unit. So the union
// that lends the venue, or pays for the service, manages the event with the organiser; an
// event of neither belongs where the organisation is registered.
//
// Scope: events that are not drafts are read by every logged-in user; drafts only by their
// owners (404 for others). The owner unit's subtree and the organiser's members change an
// event (403 for other readers) and read its sign-up and attendance lists (404 for others);
// a worker reads and cancels only its own sign-ups and check-ins.
//
// Seats are exact under any concurrency, on both engines, without check-then-insert:
//   - A sign-up takes its seat with one conditional UPDATE of the event's row
//     (seats_taken < capacity, status published) and inserts its row under the unique key
//     (event, worker) in the same transaction: a duplicate rolls the seat back (409), and of N
//     concurrent sign-ups for C seats exactly C get one. On PostgreSQL (READ COMMITTED) the
//     UPDATE waits for the row lock of a concurrent one and re-evaluates its condition on the
//     committed row; on SQLite write transactions run one at a time.
//   - Joining the waiting list takes the next number with a conditional UPDATE of the same row
//     (still full): if a seat was freed meanwhile, the sign-up tries the seat again instead.
//   - A cancellation takes the event's row lock first (EventRepo::TakeSignupTurn), so
//     cancellations of one event run one at a time and each promotes the earliest waitlisted
//     sign-up in the same transaction: promotions follow the waiting list's order exactly and
//     the seat count never passes the capacity (also a CHECK of the table).
//   - A check-in is one row per (event, worker) under a unique key: of parallel duplicates
//     exactly one is recorded, the others answer 409. It takes the same row lock before it
//     reads the sign-up, so a check-in and a cancellation of one sign-up never both succeed
//     (before, on PostgreSQL, a check-in could land on a sign-up cancelled meanwhile).
//
// Self check-in needs a confirmed sign-up (a worker on the waiting list has no seat); walk-ins
// are recorded by an officer or the organiser, who may check in any worker signed up for the
// event or (officers) any worker of their scope, also afterwards with `at` inside the window.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/account/login_rules.hpp"
#include "domain/common/writer.hpp"
#include "domain/event/event.hpp"

namespace lianyin::domain::event {

class EventService {
 public:
  using Clock = std::function<core::DateTime()>;
  // `checkin_key`: CheckinKey(deployment key) (checkin_token.hpp).
  EventService(common::Writer& writer, core::Bytes checkin_key, Clock clock = core::Now)
      : writer_(writer), key_(std::move(checkin_key)), clock_(std::move(clock)) {}

  // A draft event. 422 on fields (CheckEventFields); on org_id (no such organisation, another
  // one for an org member, not registered); on booking_id (not readable, another
  // organisation's, not approved, not covering [start, end)); on capacity (above the venue's);
  // on project_id (not readable, not provided by the organisation, not contracted or in
  // progress); on region_code (unknown) without a booking. 403 for workers, and for an officer
  // whose scope would not hold the event's owner unit.
  core::Result<Event> Create(const account::Actor& actor, const NewEvent& event);
  // Create inside a write transaction another area's use case runs (an event made of a served
  // match), timestamped `at`: the same checks and the same audit record.
  static core::Result<Event> CreateIn(common::WriteTx& tx, const account::Actor& actor,
                                      const NewEvent& event, const std::string& at);
  // ApplyPatch's rules and Create's checks of the booking's time and capacity; 409 when the
  // event is cancelled or ended, or the capacity would fall below the seats taken. 404 / 403
  // as described above.
  core::Result<Event> Update(const account::Actor& actor, std::int64_t id, const EventPatch& patch);
  // CheckTransition; 404 / 403 as Update.
  core::Result<Event> Move(const account::Actor& actor, std::int64_t id,
                           const EventTransition& transition);
  core::Result<Event> Get(const account::Actor& actor, std::int64_t id);
  // `from` / `to`: dates or date-times (422 when malformed).
  core::Result<account::Page<Event>> List(const account::Actor& actor, const EventFilter& filter,
                                          const account::PageRequest& page);

  // Signs the worker up: confirmed while seats are left; when full, 409 (details[0].field
  // "capacity") or, with `waitlist`, waitlisted with its position. 409 (details[0].field
  // "worker_id") when the worker has a sign-up already. 422 per CheckSignupOpen; on worker_id
  // for another worker than a worker's own or one outside an officer's scope. 403 for org
  // members. 404 for a draft outside scope.
  core::Result<Signup> SignUp(const account::Actor& actor, std::int64_t event_id,
                              const NewSignup& signup);
  // Cancels the worker's sign-up before the event starts; a confirmed one's seat goes to the
  // first on the waiting list, in the same transaction. Who: the worker itself, or an officer
  // whose scope holds the event or the worker. 404 when there is no such sign-up for the
  // caller; 409 once the event has started, or when it is cancelled or ended.
  core::Result<Cancellation> Cancel(const account::Actor& actor, std::int64_t event_id,
                                    std::int64_t worker_id);
  core::Result<account::Page<Signup>> ListSignups(const account::Actor& actor,
                                                  std::int64_t event_id,
                                                  std::optional<SignupStatus> status,
                                                  const account::PageRequest& page);

  // One check-in (see the header for who may check in whom). A worker gives the current token
  // or code (422 when it is not the event's now). 409 (details[0].field "worker_id") when the
  // worker has checked in already; 422 per CheckCheckinTime. A worker's token and code attempts
  // are limited to kCheckinAttemptsPerMinute (429 with Retry-After), so the six digits cannot be
  // guessed within a code's 30–60 s life (at most 10 of 10^6 tries a minute, two codes valid).
  core::Result<Checkin> CheckIn(const account::Actor& actor, std::int64_t event_id,
                                const NewCheckin& checkin);
  // An officer's or the organiser's list: each of `checkin.worker_ids` (1–200) checked in at
  // `at` (default now) in one transaction, each reported (a duplicate or an unknown worker does
  // not stop the others). 422 on worker_ids or at for the list as a whole; 403 for workers.
  core::Result<std::vector<CheckinOutcome>> CheckInList(const account::Actor& actor,
                                                        std::int64_t event_id,
                                                        const NewCheckin& checkin);
  core::Result<account::Page<Checkin>> ListCheckins(const account::Actor& actor,
                                                    std::int64_t event_id,
                                                    const account::PageRequest& page);
  // The rotating code of a published event for its owners' screen (checkin_token.hpp). 422
  // when the event is not published.
  core::Result<CheckinCode> CurrentCode(const account::Actor& actor, std::int64_t event_id);

  // The worker's own events (its sign-ups and check-ins). 403 for other users.
  core::Result<account::Page<MyEvent>> MyEvents(const account::Actor& actor,
                                                const account::PageRequest& page);

 private:
  common::Writer& writer_;
  core::Bytes key_;
  Clock clock_;
  account::RateLimiter checkin_attempts_;  // per worker, in this process
};

}  // namespace lianyin::domain::event
