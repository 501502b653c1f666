#pragma once
// The audit area's only SQL: tables audit_log and audit_head, settings keys
// audit_retention_days, audit_anchor_id and audit_anchor_hash.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit/audit.hpp"
#include "domain/common/scope.hpp"
#include "store/store.hpp"

namespace lianyin::domain::audit {

// Filters of a list, already validated; `at_from` / `at_before` compare with the stored text
// (`at_from <= at < at_before`), which sorts as time because every `at` is written in +08:00.
struct ListQuery {
  std::optional<std::string> entity;
  std::optional<std::string> entity_id;
  std::optional<std::int64_t> actor_user_id;
  std::optional<std::string> action;
  std::optional<Outcome> outcome;
  std::optional<std::string> at_from;
  std::optional<std::string> at_before;
  std::optional<std::int64_t> before_id;  // keyset paging: entries older than this id only
};

// Who reads an entry: the owner unit's subtree (entries without one: the platform level only).
inline constexpr common::Ownership kAuditOwnership{"owner_unit_id", {}, {}, true};

struct ChainHead {
  std::int64_t last_id = 0;  // 0 before the first append
  std::string last_hash;     // kGenesisHash before the first append
};

class AuditRepo {
 public:
  explicit AuditRepo(store::Session& session) : session_(session) {}

  // Advances the head's last_id by `count` and returns the head as it was: the new entries take
  // ids last_id + 1 .. last_id + count and the first follows last_hash. On PostgreSQL this locks
  // the head row until the caller's transaction ends, which serialises appends: callers claim
  // last, just before COMMIT. Runs inside the caller's write transaction.
  ChainHead ClaimRange(std::int64_t count);
  // Inserts `entries` (consecutive ids from ClaimRange, chained) and records the last one's hash
  // as the head's last_hash. Many entries go through the bulk loader (COPY on PostgreSQL).
  void InsertAll(const std::vector<AuditEntry>& entries);
  ChainHead Head();

  // Up to `limit` entries with after_id < id <= max_id, in id order (keyset paging keeps
  // memory bounded on either engine).
  std::vector<AuditEntry> Chain(std::int64_t after_id, std::int64_t max_id, std::int64_t limit);
  // Entries visible in `scope` (kAuditOwnership) matching `query`, newest first.
  std::vector<AuditEntry> List(const common::Scope& scope, const ListQuery& query,
                               std::int64_t offset, std::int64_t limit);
  std::int64_t Count(const common::Scope& scope, const ListQuery& query);
  // The smallest id whose `at` is not before `at_cutoff`, if any.
  std::optional<std::int64_t> FirstIdAtOrAfter(std::string_view at_cutoff);
  std::optional<std::string> PrevHashOf(std::int64_t id);
  // Deletes every entry with id < `id`; returns how many.
  std::int64_t DeleteBefore(std::int64_t id);

  std::optional<std::string> Setting(std::string_view key);
  void SetSetting(std::string_view key, const std::string& value);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::audit
