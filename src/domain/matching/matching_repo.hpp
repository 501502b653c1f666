#pragma once
// The matching area's only SQL: demands, resources (with resource_regions), matching runs,
// their matches and unmatched demands (internal to the area; services call it inside their
// transactions).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/matching/matching.hpp"
#include "store/store.hpp"

namespace lianyin::domain::matching {

// Demands (d) are owned by their unit; a worker sees those it posted; org members none.
inline constexpr common::Ownership kDemandRows{"d.unit_id", {}, "d.worker_id"};
// Resources (s, with the organisation o) are read by everyone; they are changed by the
// organisation's members or in the scope of its registration unit.
inline constexpr common::Ownership kResourceRows{"o.registration_unit_id", "s.org_id"};
// Runs (mr) belong to the creator's unit; an organisation sees those that proposed a match of
// its resources (docs/api.md "Scope").
inline constexpr common::Ownership kRunRows{
    .unit_column = "mr.unit_id",
    .org_condition = "EXISTS (SELECT 1 FROM matches om WHERE om.run_id = mr.id AND om.org_id = ?)"};
// Matches (m) belong to the demand's unit; the resource's organisation sees them too.
inline constexpr common::Ownership kMatchRows{"m.unit_id", "m.org_id"};

// An organisation a resource names, as this area needs it.
struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string status;  // org_status
  std::int64_t registration_unit_id = 0;
};

class MatchingRepo {
 public:
  explicit MatchingRepo(store::Session& session) : session_(session) {}

  std::int64_t InsertDemand(const NewDemand& d, std::optional<std::int64_t> by_user_id,
                            std::string_view now);
  // The unit of the worker record a worker scope stands for (table workers), nullopt for any
  // other scope or a record that is gone. One query.
  std::optional<std::int64_t> WorkerUnit(const common::Scope& scope);
  // Replaces the fields unless the matched headcount or the status changed since `before`
  // was read (false: a concurrent accept or move won).
  bool UpdateDemand(std::int64_t id, const NewDemand& d, const Demand& before,
                    std::string_view now);
  std::optional<Demand> FindDemand(const common::Scope& scope, std::int64_t id);
  std::vector<Demand> ListDemands(const DemandFilter& f, const common::Scope& scope,
                                  std::int64_t limit, std::int64_t offset);
  std::int64_t CountDemands(const DemandFilter& f, const common::Scope& scope);
  // Sets `to` unless a concurrent change moved the demand from `from` (false). "open" means:
  // the status its matched headcount gives.
  bool MoveDemand(std::int64_t id, ListingStatus from, ListingStatus to, std::string_view now);
  // Adds `delta` to the matched headcount — a positive one only while open or partly matched
  // and within the headcount — and sets the status that follows (closed and withdrawn stay).
  // One conditional UPDATE: false when it would not fit (exact under concurrency).
  bool AddMatched(std::int64_t id, std::int64_t delta, std::string_view now);

  std::int64_t InsertResource(const NewResource& r, std::optional<std::int64_t> by_user_id,
                              std::string_view now);
  // As UpdateDemand, against the reserved headcount.
  bool UpdateResource(std::int64_t id, const NewResource& r, const Resource& before,
                      std::string_view now);
  // Unscoped: resources are readable by every logged-in user (SPEC §1).
  std::optional<Resource> FindPublicResource(std::int64_t id);
  // Whether `scope` may change the resource (its organisation's member, or its registration
  // unit in scope).
  bool ResourceInScope(const common::Scope& scope, std::int64_t id);
  // The organisation when `scope` may offer for it (its member, or its registration unit in
  // scope), else nullopt.
  std::optional<OrgRef> FindOfferingOrg(const common::Scope& scope, std::int64_t org_id);
  std::vector<Resource> ListResources(const ResourceFilter& f, std::int64_t limit,
                                      std::int64_t offset);
  std::int64_t CountResources(const ResourceFilter& f);
  bool MoveResource(std::int64_t id, ListingStatus from, ListingStatus to, std::string_view now);
  // As AddMatched, for the reserved headcount within the capacity.
  bool AddReserved(std::int64_t id, std::int64_t delta, std::string_view now);

  // What a run considers: the open or partly matched demands in scope with headcount left
  // (restricted by the request's category, region coverage and ids), and the offered resources
  // — open, partly matched or matched (full: they explain a demand left for capacity) —
  // restricted by category and ids. One query each.
  std::vector<Demand> MatchableDemands(const common::Scope& scope, const RunRequest& request);
  std::vector<Resource> MatchableResources(const RunRequest& request);
  // The compatible resources with room for one demand: same category, a code covering its
  // region, overlapping window. One query.
  std::vector<Resource> CandidatesFor(const Demand& demand);
  // For each of `codes`, itself and its ancestors in the region table (a code the table does
  // not know covers only itself). One query per 500 codes.
  std::map<std::string, std::vector<std::string>> CoveringCodes(
      const std::vector<std::string>& codes);
  // The mean rating and number of rated matches per organisation of `org_ids`.
  std::map<std::int64_t, std::pair<double, std::int64_t>> Ratings(
      const std::vector<std::int64_t>& org_ids);

  std::int64_t InsertRun(const Run& run, std::optional<std::int64_t> by_user_id,
                         std::string_view now);
  // Bulk-loads the run's proposals and unmatched demands (one load per table).
  void InsertProposals(std::int64_t run_id, const std::vector<Match>& matches,
                       const std::vector<Unmatched>& unmatched, std::string_view now);
  std::optional<Run> FindRun(const common::Scope& scope, std::int64_t id);
  // The run's matches (by id) and unmatched demands that `scope` sees: an organisation its own
  // proposals and no demands.
  void LoadRunParts(Run& run, const common::Scope& scope);
  std::vector<Run> ListRuns(const common::Scope& scope, std::int64_t limit, std::int64_t offset);
  std::int64_t CountRuns(const common::Scope& scope);

  std::optional<Match> FindMatch(const common::Scope& scope, std::int64_t id);
  std::vector<Match> ListMatches(const MatchFilter& f, const common::Scope& scope,
                                 std::int64_t limit, std::int64_t offset);
  std::int64_t CountMatches(const MatchFilter& f, const common::Scope& scope);
  // The run's matches in `status` (all, when ids is empty; else those of ids).
  std::vector<Match> RunMatches(std::int64_t run_id, MatchStatus status,
                                const std::vector<std::int64_t>& ids);
  // The matches of a demand or a resource in `status`.
  std::vector<Match> MatchesOf(std::string_view column, std::int64_t id, MatchStatus status);
  // Moves from `from` to `to` unless a concurrent change won (false).
  bool MoveMatch(std::int64_t id, MatchStatus from, MatchStatus to,
                 std::optional<std::int64_t> by_user_id, std::string_view now);
  bool Rate(std::int64_t id, const Rating& rating, std::string_view now);
  // Links the project made of the match, unless one is linked already (false).
  bool LinkProject(std::int64_t id, std::int64_t project_id, std::string_view now);
  // Links the event made of the match, unless one is linked already (false). One conditional
  // UPDATE: of concurrent links exactly one succeeds (on PostgreSQL the others wait for its
  // row lock and re-check `event_id IS NULL` on the committed row).
  bool LinkEvent(std::int64_t id, std::int64_t event_id, std::string_view now);

  Summary Summarise(const common::Scope& scope);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::matching
