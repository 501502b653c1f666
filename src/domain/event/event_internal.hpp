#pragma once
// Shared steps of the event use cases (internal to the area).

#include <boost/json/value.hpp>

#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/event/event.hpp"
#include "domain/event/event_repo.hpp"

namespace lianyin::domain::event {

boost::json::value AuditJson(const Event& e);
boost::json::value AuditJson(const Signup& s);
boost::json::value AuditJson(const Checkin& c);

// Officers act for their unit subtree; org members for their organisation, workers for
// themselves.
inline bool IsOfficer(const account::Actor& actor) { return !actor.org_id && !actor.worker_id; }

// The event when the caller may read it: 404 for a missing event and a draft outside scope.
core::Result<Event> LoadReadable(EventRepo& repo, const common::Scope& scope, std::int64_t id);
// The event when the caller owns it (may change it, read its lists): 404 as LoadReadable, 403
// for a readable one outside scope.
core::Result<Event> LoadOwned(EventRepo& repo, const common::Scope& scope, std::int64_t id);

}  // namespace lianyin::domain::event
