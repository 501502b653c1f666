#pragma once
// The registry's only SQL: orgs, their categories, the name search index, events and links.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/org/org.hpp"
#include "store/store.hpp"

namespace lianyin::domain::org {

// Who manages an organisation: its registration authority's subtree, or its own members
// (org_member narrowing). Everyone logged in reads its public fields (SPEC §1).
inline constexpr common::Ownership kOrgRows{"o.registration_unit_id", "o.id"};

// True when organisation `org_id` exists and `scope` manages it (kOrgRows): what a user account
// may name as its org_id (account::UserService's OrgInScopeCheck).
bool OrgInScope(store::Session& session, const common::Scope& scope, std::int64_t org_id);

// One row of a bulk load (imports): the org with the id allocated for it.
struct NewOrgRow {
  std::int64_t id = 0;
  const NewOrg* org = nullptr;
};

class OrgRepo {
 public:
  explicit OrgRepo(store::Session& session) : session_(session) {}

  // Inserts the org with its categories and name index entry unless its USCC is taken
  // (store::InsertOrConflict): its id, or nullopt.
  std::optional<std::int64_t> Insert(const NewOrg& org, std::string_view now);
  // `count` ids for a bulk load, unused by any row (PostgreSQL: drawn from the identity
  // sequence; SQLite: above the largest, so call inside the write transaction).
  std::vector<std::int64_t> AllocateIds(std::size_t count);
  // Loads `rows` with their categories and name index entries in bulk (COPY on PostgreSQL),
  // staged by import `import_id` (invisible until Publish). Throws store::DbError
  // kUniqueViolation when a USCC is taken: the caller's transaction is then to be rolled back.
  void InsertMany(const std::vector<NewOrgRow>& rows, std::string_view now, std::int64_t import_id);
  // Of `usccs`, those an organisation already has, staged ones included (batched IN lists).
  std::set<std::string> TakenUsccs(const std::vector<std::string>& usccs);
  // Up to `limit` organisations staged by `import_id`, by id.
  std::vector<Org> FindStaged(std::int64_t import_id, std::int64_t limit);
  // Makes the staged organisations `ids` of `import_id` visible.
  void Publish(std::int64_t import_id, const std::vector<std::int64_t>& ids);
  // Deletes up to `limit` staged organisations of `import_id` with their categories, events and
  // index entries; returns how many.
  std::int64_t DiscardStaged(std::int64_t import_id, std::int64_t limit);

  // Public: every logged-in user reads every organisation (SPEC §1); `full` tells whether
  // `scope` manages it. One query.
  std::optional<OrgView> FindPublic(const common::Scope& scope, std::int64_t id);
  // The org when `scope` manages it, for changes; one query.
  std::optional<Org> FindManaged(const common::Scope& scope, std::int64_t id);
  // Unauthenticated disclosure (SPEC §4 public lookup) and the import's updates, by USCC.
  std::optional<Org> FindByUscc(std::string_view uscc);
  // Writes every editable field of `org` (and re-indexes the name when it changed from
  // `old_name`).
  void Update(const Org& org, const std::string& old_name, std::string_view now);
  void SetStatus(std::int64_t id, OrgStatus status, std::string_view now);

  // One page of orgs matching `filter`, in the filter's order, each with `full` computed in the
  // same query (no per-row loads or checks); `scope` also restricts the rows when
  // filter.in_scope_only.
  std::vector<OrgView> List(const OrgFilter& filter, const common::Scope& scope, std::int64_t limit,
                            std::int64_t offset);
  std::int64_t Count(const OrgFilter& filter, const common::Scope& scope);
  // Published organisations `scope` manages, counted by status and by service category (a
  // category-less status or category counts 0), and those created at or after `since` (a
  // date-time text). Three aggregate queries, each O(n) in the managed rows.
  OrgSummary Summary(const common::Scope& scope, std::string_view since);

  void AddEvent(const OrgEvent& event, std::int64_t org_id);
  void AddEvents(const std::vector<std::pair<std::int64_t, OrgEvent>>& events);
  std::vector<OrgEvent> Events(std::int64_t org_id);

  // A new active link, or nullopt when the unit already has one to the org (the partial unique
  // index org_links_active: exact under concurrency).
  std::optional<std::int64_t> InsertLink(std::int64_t unit_id, std::int64_t org_id,
                                         std::string_view since, std::string_view now);
  // The active link of a unit to an org, if any.
  std::optional<Link> ActiveLink(std::int64_t unit_id, std::int64_t org_id);
  // Ends the active link; false when there was none (a concurrent unlink won).
  bool EndLink(std::int64_t link_id, std::string_view until);
  // One page of the unit's active links, oldest first, and how many it has in all.
  std::vector<Link> ActiveLinks(std::int64_t unit_id, std::int64_t limit, std::int64_t offset);
  std::int64_t CountActiveLinks(std::int64_t unit_id);

 private:
  // The select list of an OrgView (its `full` flag computed for `scope`), whose parameters it
  // appends to `params`, and the reader of its rows.
  std::string Select(const common::Scope& scope, std::vector<store::Value>& params) const;
  static OrgView ReadView(const store::Row& row);
  void IndexName(std::int64_t id, const std::string& name);
  void UnindexName(std::int64_t id, const std::string& name);
  void SetCategories(std::int64_t id, const std::vector<std::string>& categories);
  // The FROM, WHERE and ORDER BY of a list query and its parameters.
  struct Query {
    std::string from;
    std::string where;
    std::vector<store::Value> params;
    std::string order;
    std::vector<store::Value> order_params;  // bound after `params` (a scope test in the order)
  };
  // Staged organisations (an import's, not yet published) are excluded always (kAlways: a page
  // reads each row anyway, so the test is free) or only while an import runs (kWhileStaged: the
  // condition makes SQLite count from the table instead of its smallest index).
  enum class Staged { kAlways, kWhileStaged };
  Query Where(const OrgFilter& filter, const common::Scope& scope, Staged staged);
  // Whether an import has staged organisations now (one probe of a usually empty index).
  bool AnyStaged();
  store::Session& session_;
};

}  // namespace lianyin::domain::org
