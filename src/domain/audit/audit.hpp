#pragma once
// The audit trail (SPEC §4 "Audit", SECURITY.md "Audit"): who did what to which record, from
// where, with the record before and after, in an append-only hash chain.

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lianyin::domain::audit {

enum class Outcome { kSuccess, kFailure, kDenied };
std::string_view OutcomeName(Outcome outcome);  // "success", "failure", "denied"
std::optional<Outcome> ParseOutcome(std::string_view name);

// What a service records. `before` / `after` are null when absent (a create has no before, a
// delete no after, a login neither); they should never hold secrets or unmasked PII.
struct AuditEvent {
  std::optional<std::int64_t> actor_user_id;  // empty for anonymous (a failed login)
  std::string actor_username;
  std::string ip;
  std::string request_id;
  std::string action;  // a verb: "create", "update", "login", ...
  std::string entity;  // a table-like noun: "user", "unit", "session", ...
  std::optional<std::string> entity_id;
  boost::json::value before;
  boost::json::value after;
  Outcome outcome = Outcome::kSuccess;
  // The unit owning the record (common::Change::owner_unit_id): who may read the entry. Empty
  // for deployment-wide records and anonymous attempts: the platform level only.
  std::optional<std::int64_t> owner_unit_id;
};

// A stored row: the event plus its place in the chain.
struct AuditEntry {
  std::int64_t id = 0;
  std::string at;  // date-time in +08:00, as stored and hashed
  AuditEvent event;
  std::string prev_hash;  // 64 lower-case hex digits
  std::string hash;
};

// The prev_hash of the first entry of a chain that was never pruned.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

}  // namespace lianyin::domain::audit
