#pragma once
// Pure rules of the audit chain: canonical JSON and entry hashes (SPEC §4 "Audit").

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/audit/audit.hpp"

namespace lianyin::domain::audit {

// Canonical JSON of `value`: object keys sorted by the bytes of their UTF-8 encoding (nested
// objects too), no insignificant whitespace, strings as UTF-8 with only `"`, `\` and control
// characters escaped (\b \f \n \r \t, others \u00xx in lower-case hex), integers as integers,
// other numbers in the shortest form that reads back to the same double (std::to_chars).
// Strings are copied byte for byte: the caller supplies valid UTF-8.
std::string CanonicalJson(const boost::json::value& value);

// The object that is hashed for `entry`: exactly the keys id, at, actor_user_id, actor_username,
// ip, request_id, action, entity, entity_id, before, after, outcome, prev_hash (not hash), and
// owner_unit_id when the entry has one (entries written before it existed have none, so their
// hashes are unchanged). before / after are JSON values (not strings); absent values are null;
// outcome is its name.
boost::json::object EntryJson(const AuditEntry& entry);

// `document` (a before / after value of `entity`) with personal data masked as in every other
// response (SPEC §2): members named phone, mobile or contact_phone keep 3 + 4 characters,
// id_number keeps 4 + 4, legal_rep (and a worker's name) keeps its first character; nested
// objects and arrays too. Other members are unchanged.
boost::json::value MaskPersonalData(std::string_view entity, const boost::json::value& document);

// hex(SHA-256(entry.prev_hash ‖ CanonicalJson(EntryJson(entry)))), 64 lower-case hex digits.
std::string EntryHash(const AuditEntry& entry);

// Bounds on the stored `at` text: at_from <= at < at_before.
struct AtRange {
  std::optional<std::string> at_from;
  std::optional<std::string> at_before;
};

// `from` / `to`, each a date (the whole day) or a date-time, both inclusive, as bounds on `at`.
// A malformed value → 422 with a detail for each bad field ("from", "to").
core::Result<AtRange> ParseAtRange(const std::optional<std::string>& from,
                                   const std::optional<std::string>& to);

// The setting audit_retention_days: absent → kDefaultRetentionDays; otherwise a whole number of
// days ≥ 1, else 422 naming audit_retention_days.
inline constexpr std::int64_t kDefaultRetentionDays = 184;  // SECURITY.md "Audit"
core::Result<std::int64_t> ParseRetentionDays(const std::optional<std::string>& setting);

// Entries whose `at` sorts before this text are older than `days` at `now`.
std::string RetentionCutoff(core::DateTime now, std::int64_t days);

}  // namespace lianyin::domain::audit
