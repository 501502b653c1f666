#pragma once
// The event area's SQL of events (internal to the area; the service calls it inside its
// transactions). Sign-ups and check-ins: attendance_repo.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/event/event.hpp"
#include "store/store.hpp"

namespace lianyin::domain::event {

// Events (e) belong to their owner unit (SPEC §1) and to the organising organisation. Every
// logged-in user reads the events that are not drafts (FindPublic; lists add them).
inline constexpr common::Ownership kEventRows{"e.owner_unit_id", "e.org_id"};

// A new event's row: its fields and the links fixed at creation.
struct EventRow {
  EventFields fields;
  std::int64_t org_id = 0;
  std::int64_t owner_unit_id = 0;
  std::optional<std::int64_t> booking_id;
  std::optional<std::int64_t> venue_id;
  std::optional<std::int64_t> project_id;
};

// "SELECT <the event's columns> FROM events e JOIN …" (the organisation, owner unit, region,
// venue and project names joined), for other queries of the area to extend; ReadEvent reads
// its first kEventColumns columns.
std::string EventSelect();
inline constexpr int kEventColumns = 30;
Event ReadEvent(const store::Row& row);

class EventRepo {
 public:
  explicit EventRepo(store::Session& session) : session_(session) {}

  std::int64_t Insert(const EventRow& row, std::optional<std::int64_t> by_user_id,
                      std::string_view now);
  // Replaces the fields unless the new capacity is below the seats taken (false): one
  // conditional UPDATE, so a concurrent sign-up is never left without its seat.
  bool Update(std::int64_t id, const EventFields& f, std::string_view now);
  // `from` → `to` unless a concurrent change moved it first (false).
  bool Move(std::int64_t id, EventStatus from, EventStatus to,
            const std::optional<std::string>& reason, std::string_view now);

  // Unscoped (events are readable by every logged-in user; the service hides drafts).
  std::optional<Event> FindPublic(std::int64_t id);
  // Whether `scope` owns the event (kEventRows): it may change it and read its lists.
  bool InScope(const common::Scope& scope, std::int64_t id);
  // Events that are not drafts, and the drafts in `scope`, newest start first; one query.
  std::vector<Event> List(const EventFilter& f, const common::Scope& scope, std::int64_t limit,
                          std::int64_t offset);
  std::int64_t Count(const EventFilter& f, const common::Scope& scope);

  // Seats and the waiting list, each one conditional UPDATE of the event's row (which on
  // PostgreSQL holds its row lock until the transaction ends; SQLite's writers are serial):
  // Takes a seat of a published event with one free (false otherwise).
  bool TakeSeat(std::int64_t id, std::string_view now);
  // The next waiting-list number of a published event that is still full, counted in
  // `waitlisted`; nullopt when it is not (a seat was freed meanwhile, or it is not published).
  std::optional<std::int64_t> TakeWaitlistNumber(std::int64_t id, std::string_view now);
  // Locks the event's row (PostgreSQL) before a cancellation reads its sign-ups, so that
  // cancellations and promotions of one event run one at a time. False: no such event.
  bool TakeSignupTurn(std::int64_t id);
  // A confirmed sign-up left (`promoted`: a waitlisted one took its seat) or a waitlisted one
  // left.
  void SeatFreed(std::int64_t id, bool promoted, std::string_view now);
  void WaitlistLeft(std::int64_t id, std::string_view now);
  void AddCheckins(std::int64_t id, std::int64_t count);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::event
