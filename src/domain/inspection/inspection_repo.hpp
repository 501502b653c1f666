#pragma once
// The inspection area's only SQL: inspection_plans, inspection_results, inspection_assignments
// and user_conflicts, and the pools it freezes from orgs and users (which their areas own).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/inspection/inspection.hpp"
#include "store/store.hpp"

namespace lianyin::domain::inspection {

// Plans (alias p) are owned by the creator's unit (SPEC §1: plans → the creator's unit); no
// organisation or worker owns one.
inline constexpr common::Ownership kPlanRows{"p.unit_id"};

// What a new plan row holds besides the request.
struct PlanRow {
  NewPlan input;
  std::int64_t unit_id = 0;
  std::int64_t created_by_user_id = 0;
  std::vector<std::string> org_pool;
  std::vector<std::int64_t> inspector_pool;
  std::vector<Conflict> conflicts;
  std::string seed_commitment;
  std::string seed_sealed;
};

class InspectionRepo {
 public:
  explicit InspectionRepo(store::Session& session) : session_(session) {}

  // The USCCs of registered, published organisations `scope` manages matching `filter`, in
  // ascending byte order (sorted here, not by the engine's collation). One query.
  std::vector<std::string> OrgPool(const common::Scope& scope, const OrgFilter& filter);
  // The ids of enabled users with role inspector in unit `unit_id`'s subtree, ascending.
  std::vector<std::int64_t> InspectorPool(std::int64_t unit_id);
  // The standing declarations of the users `user_ids` (one query per 500 ids).
  std::vector<Conflict> StandingConflicts(const std::vector<std::int64_t>& user_ids);
  // The level (0 nation … 3 county) of unit `unit_id`'s region.
  int UnitRegionLevel(std::int64_t unit_id);

  std::int64_t InsertPlan(const PlanRow& row, std::string_view now);
  // The plan with its pools when `scope` sees it; one query.
  std::optional<Plan> FindInScope(const common::Scope& scope, std::int64_t id);
  // Any plan by id, for the public draw page (every plan is published from its creation).
  std::optional<Plan> FindPublic(std::int64_t id);
  // The sealed seed of plan `id` (never leaves the service).
  std::string SealedSeed(std::int64_t id);
  // One page of plans in scope, newest first, without their pools; and how many match.
  std::vector<Plan> List(const PlanFilter& filter, const common::Scope& scope, std::int64_t limit,
                         std::int64_t offset);
  std::int64_t Count(const PlanFilter& filter, const common::Scope& scope);
  // One page of every drawn or published plan, newest draw first, without pools (the public
  // index of draws); and how many there are.
  std::vector<Plan> ListDrawn(std::int64_t limit, std::int64_t offset);
  std::int64_t CountDrawn();

  // planned → drawn with the seed revealed and the selections; false when the plan was not
  // planned any more (a concurrent draw won: the row lock / write lock decides).
  bool MarkDrawn(std::int64_t id, const std::string& seed_hex,
                 const std::vector<Selection>& selections, std::string_view now);
  // The result rows and team assignments of a draw.
  void InsertOutcomes(std::int64_t plan_id, const std::vector<Selection>& selections);
  // The plan's drawn organisations in draw order with names, teams and results (two queries).
  std::vector<Outcome> Outcomes(std::int64_t plan_id);
  // Whether inspector `user_id` is on the team of `uscc` in plan `plan_id`.
  bool IsAssigned(std::int64_t plan_id, const std::string& uscc, std::int64_t user_id);
  // Records the result while the plan is drawn (not yet published); false otherwise.
  bool RecordResult(std::int64_t plan_id, const std::string& uscc, const std::string& result,
                    const std::string& findings, std::int64_t by_user_id, std::string_view now);
  // drawn → published; false when the plan was not drawn.
  bool MarkPublished(std::int64_t id, std::string_view now);
  // One page of the organisations of drawn plans assigned to `user_id`, newest plan first; only
  // those without a result when `pending_only`. One query; CountAssignments is its total.
  std::vector<Assignment> Assignments(std::int64_t user_id, bool pending_only, std::int64_t limit,
                                      std::int64_t offset);
  std::int64_t CountAssignments(std::int64_t user_id, bool pending_only);
  std::int64_t PendingCount(std::int64_t user_id);

  // The unit of user `user_id` when `scope` sees the user.
  std::optional<std::int64_t> UserUnitInScope(const common::Scope& scope, std::int64_t user_id);
  // A new declaration, or nullopt when the pair is declared already (unique).
  std::optional<std::int64_t> InsertUserConflict(std::int64_t user_id, const std::string& uscc,
                                                 std::int64_t unit_id, std::int64_t by_user_id,
                                                 std::string_view now);
  std::vector<UserConflict> UserConflicts(std::int64_t user_id);

 private:
  std::optional<Plan> FindWhere(const std::string& where, const std::vector<store::Value>& params);
  store::Session& session_;
};

}  // namespace lianyin::domain::inspection
