#include "domain/audit/audit_log.hpp"

#include "domain/audit/audit_repo.hpp"
#include "domain/audit/audit_rules.hpp"

namespace lianyin::domain::audit {

void AppendAll(store::Session& session, const std::vector<AuditEvent>& events, core::DateTime at) {
  if (events.empty()) return;
  AuditRepo repo(session);
  const ChainHead head = repo.ClaimRange(static_cast<std::int64_t>(events.size()));
  const std::string stamp = core::FormatDateTime(at);
  std::vector<AuditEntry> entries;
  entries.reserve(events.size());
  std::string prev = head.last_hash;
  std::int64_t id = head.last_id;
  for (const AuditEvent& event : events) {
    AuditEntry& entry = entries.emplace_back(AuditEntry{++id, stamp, event, prev, ""});
    entry.hash = EntryHash(entry);
    prev = entry.hash;
  }
  repo.InsertAll(entries);
}

}  // namespace lianyin::domain::audit
