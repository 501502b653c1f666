#pragma once
// The registry's only SQL: orgs, their categories and name grams, events and links.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account/scope.hpp"
#include "domain/org/org.hpp"
#include "store/store.hpp"

namespace lianyin::domain::org {

class OrgRepo {
 public:
  explicit OrgRepo(store::Session& session) : session_(session) {}

  // Inserts the org with its categories and (unless `index_name` is false, for bulk imports that
  // call IndexNames once) its name grams; returns its id.
  std::int64_t Insert(const NewOrg& org, std::string_view now, bool index_name = true);
  // Indexes many new names at once, inserting the grams in key order: random-order inserts into
  // the (gram, org_id) index of a large import thrash the page cache (bench/org_import_bench).
  void IndexNames(const std::vector<std::pair<std::int64_t, std::string>>& names);
  std::optional<Org> Find(std::int64_t id);
  std::optional<Org> FindByUscc(std::string_view uscc);
  bool UsccTaken(std::string_view uscc);
  // Writes every editable field of `org` (and re-indexes the name when it changed).
  void Update(const Org& org, bool name_changed, std::string_view now);
  void SetStatus(std::int64_t id, OrgStatus status, std::string_view now);

  // Orgs matching `filter`, newest first; `scope` applies when filter.in_scope_only.
  std::vector<Org> List(const OrgFilter& filter, const account::Scope& scope, std::int64_t limit,
                        std::int64_t offset);
  std::int64_t Count(const OrgFilter& filter, const account::Scope& scope);

  void AddEvent(const OrgEvent& event, std::int64_t org_id);
  std::vector<OrgEvent> Events(std::int64_t org_id);

  std::int64_t InsertLink(std::int64_t unit_id, std::int64_t org_id, std::string_view since,
                          std::string_view now);
  // The active link of a unit to an org, if any.
  std::optional<Link> ActiveLink(std::int64_t unit_id, std::int64_t org_id);
  void EndLink(std::int64_t link_id, std::string_view until);
  std::vector<Link> Links(std::int64_t unit_id, bool active_only);

 private:
  void IndexName(std::int64_t id, std::string_view name);  // replaces the name's grams
  void AddGrams(std::int64_t id, std::string_view name);
  void SetCategories(std::int64_t id, const std::vector<std::string>& categories);
  void AddCategories(std::int64_t id, const std::vector<std::string>& categories);
  std::vector<std::string> Categories(std::int64_t id);
  // The FROM, WHERE and ORDER BY of a list query and its parameters.
  struct Query {
    std::string from;
    std::string where;
    std::vector<store::Value> params;
    std::string order;
  };
  Query Where(const OrgFilter& filter, const account::Scope& scope);
  // Of a query's grams, the one with the fewest postings (counted up to a cap).
  std::string RarestGram(const std::vector<std::string>& grams);
  store::Session& session_;
};

}  // namespace lianyin::domain::org
