#pragma once
// What a use case changed, and who made the change: what every write reports to the change
// sinks (the audit chain now, statistics roll-ups next) inside its own transaction.

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace lianyin::domain::common {

// Who made a change: the user behind the request, and where the request came from.
struct Origin {
  std::optional<std::int64_t> user_id;  // empty for anonymous (a failed login)
  std::string username;
  std::string ip;
  std::string request_id;
};

// One change to one record. `before` is null for creations, `after` null for deletions; neither
// holds secrets (no password hashes, tokens or TOTP secrets). Personal data may appear: every
// reader of changes masks it (audit responses, exports).
struct Change {
  std::string action;  // "create", "update", "delete", "move", "reset_password", ...
  std::string entity;  // "unit", "user", "role", "session", "setting", "org", ...
  std::string entity_id;
  boost::json::value before;
  boost::json::value after;
  bool success = true;  // false for attempts that failed (a wrong password)
  // The unit that owns the changed record in the sense of SPEC §1 ("who owns what"): the audit
  // log shows the entry to users whose data scope holds this unit. Empty for deployment-wide
  // objects (roles, settings) and anonymous attempts: only the platform level sees those.
  std::optional<std::int64_t> owner_unit_id;
};

}  // namespace lianyin::domain::common
