#include "domain/audit/audit_sink.hpp"

#include "domain/audit/audit_log.hpp"

namespace lianyin::domain::audit {

void AuditChangeSink::Apply(store::Session& session, const common::Origin& origin,
                            const std::vector<common::Change>& changes) {
  std::vector<AuditEvent> events;
  events.reserve(changes.size());
  for (const common::Change& change : changes) {
    AuditEvent& event = events.emplace_back();
    event.actor_user_id = origin.user_id;
    event.actor_username = origin.username;
    event.ip = origin.ip;
    event.request_id = origin.request_id;
    event.action = change.action;
    event.entity = change.entity;
    if (!change.entity_id.empty()) event.entity_id = change.entity_id;
    event.before = change.before;
    event.after = change.after;
    event.outcome = change.success ? Outcome::kSuccess : Outcome::kFailure;
    event.owner_unit_id = change.owner_unit_id;
  }
  AppendAll(session, events, clock_());
}

}  // namespace lianyin::domain::audit
