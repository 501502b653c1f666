#include "domain/audit/audit_log.hpp"

#include "domain/audit/audit_repo.hpp"
#include "domain/audit/audit_rules.hpp"

namespace lianyin::domain::audit {

void Append(store::Session& session, const AuditEvent& event, core::DateTime at) {
  AuditRepo repo(session);
  const ChainHead next = repo.ClaimNext();
  AuditEntry entry{next.last_id, core::FormatDateTime(at), event, next.last_hash, ""};
  entry.hash = EntryHash(entry);
  repo.Insert(entry);
}

}  // namespace lianyin::domain::audit
