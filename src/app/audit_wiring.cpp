#include "app/audit_wiring.hpp"

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

namespace lianyin::app {

domain::account::AuditSink MakeAuditSink() {
  // Until the hash-chained audit log lands, changes go to the server log.
  return [](store::Session&, const domain::account::Actor& actor,
            const domain::account::Change& change) {
    spdlog::info("audit: {} {} {} {} by {} from {}", change.action, change.entity,
                 change.entity_id, boost::json::serialize(change.after), actor.username, actor.ip);
  };
}

}  // namespace lianyin::app
