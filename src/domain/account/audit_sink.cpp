#include "domain/account/audit_sink.hpp"

#include "domain/audit/audit_log.hpp"

namespace lianyin::domain::account {

AuditSink ChainedAuditSink(std::function<core::DateTime()> clock) {
  return [clock = std::move(clock)](store::Session& session, const Actor& actor,
                                    const Change& change) {
    audit::AuditEvent event;
    if (actor.user_id != 0) event.actor_user_id = actor.user_id;
    event.actor_username = actor.username;
    event.ip = actor.ip;
    event.request_id = actor.request_id;
    event.action = change.action;
    event.entity = change.entity;
    if (!change.entity_id.empty()) event.entity_id = change.entity_id;
    event.before = change.before;
    event.after = change.after;
    event.outcome = change.success ? audit::Outcome::kSuccess : audit::Outcome::kFailure;
    audit::Append(session, event, clock());
  };
}

}  // namespace lianyin::domain::account
