#pragma once
// Use cases of the organisation registry (SPEC §4 "Organisations"; issue #4). Each change runs in
// one short write transaction (common::Writer), records an org event for the timeline and its
// Change, owned by the registration unit.
//
// Reading: every logged-in user reads the public fields of every organisation (SPEC §1); the
// registration authority's subtree and the org's own members (kOrgRows) read everything and
// change it. Changing an org outside one's scope answers 403 (it is readable, so 404 would lie).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/writer.hpp"
#include "domain/org/org.hpp"
#include "domain/org/org_count_cache.hpp"
#include "domain/org/org_import_places.hpp"
#include "store/store.hpp"

namespace lianyin::domain::org {

class OrgService {
 public:
  using Clock = std::function<core::DateTime()>;
  // One of `writer`'s sinks must be a common::DataVersionSink tracking "org", "unit" and
  // "region": list totals (OrgCountCache) and cached pages are labelled with ViewVersion.
  explicit OrgService(common::Writer& writer, Clock clock = core::Now)
      : writer_(writer), clock_(std::move(clock)) {}

  // 422 on fields (see NormaliseNewOrg), on a registration unit that is not a civil-affairs unit
  // in scope, or a region unknown or not covered by that unit's; 409 on a duplicate USCC, naming
  // the organisation that holds it (exact under concurrency: the unique index decides).
  core::Result<OrgView> Create(const account::Actor& actor, NewOrg input);
  core::Result<OrgView> Get(const account::Actor& actor, std::int64_t id);
  // The workbench's figures of the organisations the actor's scope manages (OrgRepo::Summary),
  // "this month" in +08:00.
  OrgSummary Summary(const account::Actor& actor);
  // The data version (common/data_versions.hpp) of everything an OrgView shows: organisations,
  // units (their names, and the subtrees that decide `full`) and regions (their names). Read it
  // before Get or List to label what they return.
  std::int64_t ViewVersion();
  // One page (one query) and its total — counted with the filter but not the keyset cursor,
  // and taken from OrgCountCache when the filter was counted in the last few seconds.
  account::Page<OrgView> List(const account::Actor& actor, const OrgFilter& filter,
                              const account::PageRequest& page);
  // The first `limit` organisations matching `filter`, newest first, without counting them all
  // (exports walk the registry with filter.before_id).
  std::vector<OrgView> Slice(const account::Actor& actor, const OrgFilter& filter,
                             std::int64_t limit);
  core::Result<OrgView> Update(const account::Actor& actor, std::int64_t id, OrgPatch patch);
  // An illegal transition → 409; `reason` is required (422).
  core::Result<OrgView> Transition(const account::Actor& actor, std::int64_t id, OrgStatus to,
                                   const std::string& reason);
  // Reviews an application: approving needs the business scope and every non-profit item
  // checked (422 naming those that are not) and registers it; rejecting needs a comment.
  core::Result<OrgView> ReviewApplication(const account::Actor& actor, std::int64_t id,
                                          const Review& review);
  // The timeline, oldest first (in scope only: 404 otherwise).
  core::Result<std::vector<OrgEvent>> History(const account::Actor& actor, std::int64_t id);

  // SPEC §4 POST /orgs/import: rows[0] names the columns. Every row is validated first, before
  // any write begins — fields, registration unit and region as for Create, duplicates within
  // the file and with the registry (unless `update_existing`, which then updates those) — and
  // if any fails nothing is written and the 422 lists every {row, field, message} (at most
  // kMaxImportErrors). Otherwise the rows are written in chunks of short transactions, staged
  // invisibly, then published with one Change per created or updated organisation (before /
  // after) in each chunk's transaction, and one for the import (org_import_service.cpp says
  // how); a USCC registered concurrently meanwhile fails the whole import as row errors. A row
  // that would change nothing of an existing organisation is counted as unchanged, not written;
  // an import never changes an existing one's status, type or registration unit (row errors).
  // Names of units and regions resolve through Places (loaded once, org_import.hpp).
  struct ImportResult {
    std::int64_t imported = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
  };
  static constexpr std::size_t kMaxImportErrors = 1000;
  // `dry_run` validates exactly the same way and writes nothing (the error report uses it).
  core::Result<ImportResult> Import(const account::Actor& actor,
                                    const std::vector<std::vector<std::string>>& rows,
                                    bool update_existing, bool dry_run = false);

  // The units in the actor's scope and the regions, loaded once (two queries), that files write
  // by name (exports, the template) and imports resolve names against.
  ImportPlaces Places(const account::Actor& actor);

  // Finishes what imports stopped midway left (serve calls it at start): a batch still staging
  // is discarded, one publishing is published. Returns how many batches it handled.
  core::Result<int> RecoverImports();

  // Public disclosure: an organisation that is or was registered, by USCC; 404 otherwise.
  core::Result<Org> PublicLookup(const std::string& uscc);
  // Public search by name: a page of the organisations PublicLookup would show whose name
  // contains `q`, newest first, and their total (two queries; no login, so no scope).
  account::Page<Org> PublicSearch(const std::string& q, const account::PageRequest& page);

  // 联系引导: a union unit in scope links an organisation (since defaults to today); an active
  // link of the same pair → 409, exact under concurrency (a partial unique index); an
  // organisation on a credit list → 422 on org_id naming the entry (credit::CreditListed).
  core::Result<Link> LinkOrg(const account::Actor& actor, std::int64_t unit_id, std::int64_t org_id,
                             std::optional<std::string> since);
  // One page of the active links of a union unit in scope (oldest first) with their total;
  // 404 outside scope.
  core::Result<account::Page<Link>> Links(const account::Actor& actor, std::int64_t unit_id,
                                          const account::PageRequest& page);
  // Ends the active link (404 when there is none).
  core::Result<void> Unlink(const account::Actor& actor, std::int64_t unit_id, std::int64_t org_id);

 private:
  common::Writer& writer_;
  OrgCountCache counts_;
  Clock clock_;
};

}  // namespace lianyin::domain::org
