#pragma once
// Appending to the audit chain from inside another area's use case.

#include "core/date.hpp"
#include "domain/audit/audit.hpp"
#include "store/store.hpp"

namespace lianyin::domain::audit {

// Appends `event`, stamped `at`, as the next entry of the chain. Precondition: `session` has an
// open write transaction (TxMode::kWrite); the entry commits or rolls back with it, so a change
// and its audit row never part. On PostgreSQL the chain head stays locked until that transaction
// ends: concurrent appenders wait rather than fork the chain, so keep audited transactions short.
// Throws store::DbError like any statement.
void Append(store::Session& session, const AuditEvent& event, core::DateTime at);

}  // namespace lianyin::domain::audit
