#pragma once
// The credit area's only SQL: credit_entries and credit_objections, and the organisation an
// entry names (read from orgs, which the registry owns).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/credit/credit.hpp"
#include "store/store.hpp"

namespace lianyin::domain::credit {

// Entries (alias e) are owned by the organisation's registration unit, copied to e.unit_id at
// entry, and belong to the organisation (an org member sees its own). Objections are read
// through their entry.
inline constexpr common::Ownership kEntryRows{"e.unit_id", "e.org_id"};

// The organisation an entry is made for, as the credit area needs it.
struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::int64_t registration_unit_id = 0;
  std::string status;    // the registry's org_status code
  bool managed = false;  // the scope manages it (its registration subtree, or its own member)
};

class CreditRepo {
 public:
  explicit CreditRepo(store::Session& session) : session_(session) {}

  // The published organisation `org_id` with whether `scope` manages it (as the registry's
  // ownership of orgs says), or nullopt. One query.
  std::optional<OrgRef> FindOrg(const common::Scope& scope, std::int64_t org_id);

  // A new active entry, or nullopt when the organisation has an active one on that list (the
  // partial unique index credit_entries_active: exact under concurrency).
  std::optional<std::int64_t> InsertEntry(const OrgRef& org, CreditList list,
                                          const std::string& reason, const std::string& entered_on,
                                          std::optional<std::int64_t> by_user_id,
                                          std::string_view now);
  // An entry made by the dated rule `rule` (entered_by NULL), or nullopt when the organisation
  // has an active entry on that list or the rule entered it before (credit_entries_rule).
  std::optional<std::int64_t> InsertRuleEntry(const OrgRef& org, CreditList list,
                                              const std::string& reason,
                                              const std::string& entered_on,
                                              const std::string& rule, std::string_view now);
  // The organisation's active entry on `list`, if any (unscoped: naming a duplicate).
  std::optional<CreditEntry> ActiveEntry(std::int64_t org_id, CreditList list);
  // The entry when `scope` sees it; one query.
  std::optional<CreditEntry> FindInScope(const common::Scope& scope, std::int64_t id);
  // Removes the active entry; false when it was already removed (a concurrent removal won).
  bool Remove(std::int64_t id, const std::string& removed_on, const std::string& reason,
              std::int64_t by_user_id, std::string_view now);

  // One page of the entries `scope` sees matching `filter`, newest first, each with its count
  // of open objections (one query); and how many match in all.
  std::vector<CreditEntry> List(const EntryFilter& filter, const common::Scope& scope,
                                std::int64_t limit, std::int64_t offset);
  std::int64_t Count(const EntryFilter& filter, const common::Scope& scope);
  // The earliest active entry (entered_on, then id) of any of `org_ids`; one query per 500 ids.
  std::optional<CreditEntry> FirstActive(const std::vector<std::int64_t>& org_ids);
  // Every active entry of `org_ids`, by (org_id, entered_on, id); one query per 500 ids.
  std::vector<CreditEntry> ActiveOf(const std::vector<std::int64_t>& org_ids);
  // Every entry of the organisation, newest first, as the public disclosure shows it.
  std::vector<PublicEntry> PublicEntries(std::int64_t org_id);

  // A new open objection, or nullopt when the entry has one awaiting an answer (the partial
  // unique index credit_objections_open).
  std::optional<std::int64_t> InsertObjection(std::int64_t entry_id, const std::string& text,
                                              std::int64_t by_user_id, std::string_view now);
  // The objection when `scope` sees its entry; one query.
  std::optional<Objection> FindObjectionInScope(const common::Scope& scope, std::int64_t id);
  // Answers the open objection; false when it was answered already (a concurrent answer won).
  bool AnswerObjection(std::int64_t id, ObjectionStatus status, const std::string& reply,
                       std::int64_t by_user_id, std::string_view now);
  // The objections of `entry_ids`, oldest first (one query per 500 ids).
  std::vector<Objection> Objections(const std::vector<std::int64_t>& entry_ids);

 private:
  // The FROM and WHERE of a list query and its parameters.
  struct Query {
    std::string from_where;
    std::vector<store::Value> params;
  };
  Query Where(const EntryFilter& filter, const common::Scope& scope) const;
  store::Session& session_;
};

}  // namespace lianyin::domain::credit
