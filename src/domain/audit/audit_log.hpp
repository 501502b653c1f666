#pragma once
// Appending to the audit chain from inside another area's write transaction.

#include <vector>

#include "core/date.hpp"
#include "domain/audit/audit.hpp"
#include "store/store.hpp"

namespace lianyin::domain::audit {

// Appends `events`, stamped `at`, as the next entries of the chain, in order: one claim of the
// head, the hashes chained in memory, one insert (the bulk loader past a few dozen entries).
// Precondition: `session` has an open write transaction (TxMode::kWrite); the entries commit or
// roll back with it, so a change and its audit rows never part. On PostgreSQL the chain head
// stays locked until that transaction ends: concurrent appenders wait rather than fork the
// chain, so append last, just before COMMIT (common::Writer's sinks do). O(events) hashing.
// Throws store::DbError like any statement.
void AppendAll(store::Session& session, const std::vector<AuditEvent>& events, core::DateTime at);
inline void Append(store::Session& session, const AuditEvent& event, core::DateTime at) {
  AppendAll(session, {event}, at);
}

}  // namespace lianyin::domain::audit
