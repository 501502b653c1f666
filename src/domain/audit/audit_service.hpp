#pragma once
// Use cases of the audit area: record, list, verify the chain, prune past the retention.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/audit/audit.hpp"
#include "domain/common/scope.hpp"
#include "store/store.hpp"

namespace lianyin::domain::audit {

// List filters; absent = any. `from` / `to` are dates ("2026-01-31", the whole day) or
// date-times, both inclusive.
struct AuditFilter {
  std::optional<std::string> entity;
  std::optional<std::string> entity_id;
  std::optional<std::int64_t> actor_user_id;
  std::optional<std::string> action;
  std::optional<Outcome> outcome;
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<std::int64_t> before_id;  // keyset paging: entries with smaller ids only
};

struct AuditPage {
  std::vector<AuditEntry> items;  // newest first
  std::int64_t total = 0;         // matching entries over all pages
};

struct VerifyReport {
  bool ok = true;
  std::int64_t entries = 0;                  // rows checked
  std::optional<std::int64_t> first_bad_id;  // set when !ok
};

struct PruneReport {
  std::int64_t exported = 0;  // == deleted
  std::int64_t deleted = 0;
};

class AuditService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit AuditService(store::Database& db, Clock clock = core::Now);

  // Appends `event` in its own write transaction: for what has no change to ride along with
  // (denied requests). Busy past the retries → 503 unavailable. Changes reach the chain through
  // AuditChangeSink (audit_sink.hpp), in their own transaction.
  core::Result<void> Record(const AuditEvent& event);

  // Entries visible in `scope` — those whose owner unit lies in its subtree; at the platform
  // level also those without one — matching `filter`, newest first, with personal data in
  // before / after masked (MaskPersonalData). page from 1, page_size ≥ 1 (the caller bounds it);
  // with filter.before_id the page starts below that id. A malformed `from` / `to` → 422 naming
  // that field. Two indexed queries (page, count).
  core::Result<AuditPage> List(const common::Scope& scope, const AuditFilter& filter,
                               std::int64_t page, std::int64_t page_size);

  // Re-hashes every entry in id order and checks that each one follows the one before (from
  // genesis, or from the anchor a prune left) and that the last one is the chain head. Any edited
  // field, deleted, inserted or reordered row makes it fail, naming the first bad id (for a
  // missing tail, the first missing id). O(n) time, memory bounded by a fixed batch.
  VerifyReport Verify();

  // Moves the entries older than the retention (setting audit_retention_days, default 184) out:
  // writes them to `export_file` as JSON lines (each the canonical entry plus "hash", in id order),
  // fsyncs it and renames it into place, then deletes them and records the anchor (settings
  // audit_anchor_id / audit_anchor_hash) in the same transaction. The oldest entries go first, so
  // what stays is an unbroken chain. Nothing old enough → nothing written, {0, 0}.
  // `export_file` already existing → 409; a bad retention setting → 422.
  core::Result<PruneReport> Prune(const std::filesystem::path& export_file);

 private:
  store::Database& db_;
  Clock clock_;
};

}  // namespace lianyin::domain::audit
