#pragma once
// How account use cases report their changes to the audit trail without depending on it: the
// composition root passes a sink that appends to the hash-chained log (domain/audit) inside the
// same transaction; tests pass one that records.

#include <functional>
#include <string>

#include <boost/json/value.hpp>

#include "core/date.hpp"
#include "domain/account/account.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

// One change to one record. `before` is null for creations, `after` null for deletions; neither
// holds secrets (no password hashes, tokens or TOTP secrets).
struct Change {
  std::string action;  // "create", "update", "delete", "move", "reset_password", ...
  std::string entity;  // "unit", "user", "role", "session", "setting", ...
  std::string entity_id;
  boost::json::value before;
  boost::json::value after;
  bool success = true;  // false for attempts that failed (a wrong password)
};

// Called inside the use case's open write transaction, after the change was written.
using AuditSink = std::function<void(store::Session&, const Actor&, const Change&)>;

// The sink of a deployment: appends each change to the hash-chained audit log (domain/audit) in
// the same transaction, stamped by `clock`, with the actor's user, IP and request id.
AuditSink ChainedAuditSink(std::function<core::DateTime()> clock = core::Now);

}  // namespace lianyin::domain::account
