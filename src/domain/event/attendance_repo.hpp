#pragma once
// The event area's SQL of sign-ups and check-ins (internal to the area; the service calls it
// inside its transactions). Worker names leave it masked (core::MaskName): no clear name of a
// worker reaches a response.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/event/event.hpp"
#include "store/store.hpp"

namespace lianyin::domain::event {

// Sign-ups (s) and check-ins (c), with their event (e): the event's owners see them, a worker
// its own.
inline constexpr common::Ownership kSignupRows{"e.owner_unit_id", "e.org_id", "s.worker_id"};
inline constexpr common::Ownership kCheckinRows{"e.owner_unit_id", "e.org_id", "c.worker_id"};

class AttendanceRepo {
 public:
  explicit AttendanceRepo(store::Session& session) : session_(session) {}

  // Inserts the sign-up unless the worker has one for the event (nullopt): the unique key
  // decides, also between concurrent transactions (store::InsertOrConflict).
  std::optional<std::int64_t> InsertSignup(std::int64_t event_id, std::int64_t worker_id,
                                           SignupStatus status,
                                           std::optional<std::int64_t> waitlist_number,
                                           std::optional<std::int64_t> by_user_id,
                                           std::string_view now);
  // The worker's sign-up for the event (unscoped: the service checked who asks).
  std::optional<Signup> FindSignup(std::int64_t event_id, std::int64_t worker_id);
  void DeleteSignup(std::int64_t id);
  // The first on the event's waiting list (one indexed probe), or nullopt.
  std::optional<Signup> FirstWaitlisted(std::int64_t event_id);
  // waitlisted → confirmed.
  void Confirm(std::int64_t id, std::string_view now);
  // One page of the event's sign-ups visible in `scope`: confirmed by time, then the waiting
  // list in order (each with its position); one query. And their number.
  std::vector<Signup> ListSignups(std::int64_t event_id, std::optional<SignupStatus> status,
                                  const common::Scope& scope, std::int64_t limit,
                                  std::int64_t offset);
  std::int64_t CountSignups(std::int64_t event_id, std::optional<SignupStatus> status,
                            const common::Scope& scope);

  // Inserts the check-in unless the worker has one for the event (nullopt), like InsertSignup.
  std::optional<std::int64_t> InsertCheckin(std::int64_t event_id, std::int64_t worker_id,
                                            std::string_view at, CheckinMethod method,
                                            std::optional<std::int64_t> by_user_id,
                                            std::string_view now);
  std::optional<Checkin> FindCheckin(std::int64_t id);
  // One page of the event's check-ins visible in `scope`, by time; one query. And their number.
  std::vector<Checkin> ListCheckins(std::int64_t event_id, const common::Scope& scope,
                                    std::int64_t limit, std::int64_t offset);
  std::int64_t CountCheckins(std::int64_t event_id, const common::Scope& scope);

  // The events the worker signed up for or checked in at, newest start first, with its sign-up
  // and check-in; one query. And their number.
  std::vector<MyEvent> ListMine(std::int64_t worker_id, std::int64_t limit, std::int64_t offset);
  std::int64_t CountMine(std::int64_t worker_id);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::event
