#pragma once
// Use cases of double-random inspections (SPEC §4 "Supervision", §5.2; issue #12). Every change
// runs in one short write transaction (common::Writer) with its Change, owned by the plan's unit
// (a declaration: by the user's unit).
//
// The seed: made from the CSPRNG at creation, sealed under the deployment key with the
// commitment as associated data, and revealed only by the draw — no response, log or audit entry
// holds it before. The draw happens once: a conditional update planned → drawn decides between
// concurrent draws (SQLite's write lock; PostgreSQL's row lock, the loser re-reads the status),
// and the loser answers 409.
//
// Scope: plans are their creator's unit's (404 outside). Inspectors reach the organisations they
// are assigned to through their assignments; recording another team's result answers 403 when
// the plan is in the caller's scope, else 404. Every plan's public page is readable by anyone.

#include <functional>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/writer.hpp"
#include "domain/inspection/inspection.hpp"

namespace lianyin::domain::inspection {

// The pools a filter would freeze now, for the create dialog.
struct PoolPreview {
  std::int64_t org_count = 0;
  std::int64_t inspector_count = 0;
  SamplingHint hint;
};

class InspectionService {
 public:
  using Clock = std::function<core::DateTime()>;
  // `deployment_key`: the 32-byte key of app/keys.hpp (the seeds' sealing key derives from it).
  InspectionService(common::Writer& writer, const core::Bytes& deployment_key,
                    Clock clock = core::Now);

  // Freezes the pools (SPEC §5.2) and commits to a fresh seed. 422 on fields (CheckNewPlan) or
  // an inspector unit outside the caller's scope (field inspector_unit_id).
  core::Result<PlanDetail> CreatePlan(const account::Actor& actor, const NewPlan& plan);
  // The pool sizes and the sampling hint `filter` and `inspector_unit_id` would give now.
  core::Result<PoolPreview> Preview(const account::Actor& actor, const OrgFilter& filter,
                                    std::int64_t inspector_unit_id);
  account::Page<Plan> List(const account::Actor& actor, const PlanFilter& filter,
                           const account::PageRequest& page);
  core::Result<PlanDetail> Get(const account::Actor& actor, std::int64_t plan_id);
  // The draw (draw.hpp): reveals the seed, stores the selections, assigns the teams. 404 outside
  // scope; 409 when drawn already (exact under concurrency); 422 when the pools are too small,
  // nothing drawn.
  core::Result<PlanDetail> DrawPlan(const account::Actor& actor, std::int64_t plan_id);
  // Puts the results on the public page. 409 unless drawn and not yet published; 422 naming the
  // organisations without a result.
  core::Result<PlanDetail> Publish(const account::Actor& actor, std::int64_t plan_id);
  // An assigned inspector records its organisation's result (until publication). 422 on fields,
  // 403/404 as above, 409 after publication or before the draw.
  core::Result<Outcome> RecordResult(const account::Actor& actor, std::int64_t plan_id,
                                     const std::string& uscc, const std::string& result,
                                     const std::string& findings);
  // One page of the caller's assignments (待检查 when pending_only); PendingCount: how many are
  // pending in all.
  account::Page<Assignment> MyAssignments(const account::Actor& actor, bool pending_only,
                                          const account::PageRequest& page);
  std::int64_t PendingCount(const account::Actor& actor);

  // GET /api/public/inspections: every drawn plan, newest draw first, without pools.
  account::Page<Plan> PublicList(const account::PageRequest& page);
  // GET /api/public/inspections/{id}; nullopt for no such plan.
  std::optional<PublicDraw> Public(std::int64_t plan_id);

  // A standing declaration by the user itself, or by an actor who plans inspections
  // (inspection:plan:edit) over a user in its scope; 404 for a user out of reach, 403 for
  // someone else's declaration without that permission, 422 on the USCC, 409 when declared.
  core::Result<UserConflict> Declare(const account::Actor& actor, std::int64_t user_id,
                                     const std::string& uscc);
  core::Result<std::vector<UserConflict>> Declarations(const account::Actor& actor,
                                                       std::int64_t user_id);

 private:
  common::Writer& writer_;
  core::Bytes seal_key_;
  Clock clock_;
};

}  // namespace lianyin::domain::inspection
