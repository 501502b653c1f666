#pragma once
// Use cases of the demand list ↔ resource list (SPEC §4 "Demands and resources", §5.1; issue
// #10). Every change runs in one short write transaction (common::Writer) with a Change per
// changed record: demands owned by their unit, resources by their organisation's registration
// unit, runs by the creator's unit, matches by the demand's unit.
//
// Scope (SPEC §1): demands, runs and matches outside the caller's subtree answer 404; resources
// are read by every logged-in user, and changing one outside scope answers 403. An org member
// manages its organisation's resources and sees (and serves) the matches of them.

#include <functional>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/writer.hpp"
#include "domain/event/event.hpp"
#include "domain/matching/matching.hpp"

namespace lianyin::domain::matching {

class MatchingService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit MatchingService(common::Writer& writer, Clock clock = core::Now)
      : writer_(writer), clock_(std::move(clock)) {}

  // 422 on fields (CheckNewDemand), on unit_id (not a union unit in scope) or region_code
  // (unknown, or not covered by the unit's region). A worker posts for itself: the demand is
  // owned by its worker record's unit and carries its worker_id (OwnedByWorker: 422 on unit_id
  // or worker_id naming another), so the worker sees it and no other worker does.
  core::Result<Demand> CreateDemand(const account::Actor& actor, const NewDemand& demand);
  // ApplyPatch's rules; the same 422s; 404 outside scope.
  core::Result<Demand> UpdateDemand(const account::Actor& actor, std::int64_t id,
                                    const DemandPatch& patch);
  // Close, reopen or withdraw (CheckListingMove). Withdrawing rejects the demand's proposals
  // and withdraws its accepted matches, freeing what they reserved; matches in service stay.
  core::Result<Demand> MoveDemand(const account::Actor& actor, std::int64_t id,
                                  const ListingTransition& transition);
  core::Result<Demand> GetDemand(const account::Actor& actor, std::int64_t id);
  account::Page<Demand> ListDemands(const account::Actor& actor, const DemandFilter& filter,
                                    const account::PageRequest& page);

  // 422 on fields (CheckNewResource), on org_id (an organisation the caller may not offer for:
  // another organisation for an org member, one registered outside scope for an officer; or
  // not registered) or region_codes[i] (unknown).
  core::Result<Resource> CreateResource(const account::Actor& actor, const NewResource& resource);
  core::Result<Resource> UpdateResource(const account::Actor& actor, std::int64_t id,
                                        const ResourcePatch& patch);
  // As MoveDemand (withdrawing frees what the resource's accepted matches reserved).
  core::Result<Resource> MoveResource(const account::Actor& actor, std::int64_t id,
                                      const ListingTransition& transition);
  core::Result<Resource> GetResource(const account::Actor& actor, std::int64_t id);
  account::Page<Resource> ListResources(const account::Actor& actor, const ResourceFilter& filter,
                                        const account::PageRequest& page);

  // The compatible resources with room for the demand, best first (Score), at most `limit`
  // (1..kMaxRecommendations); those of organisations on a credit list are left out and named
  // in `excluded`. 404 outside scope. A few queries, whatever the number of candidates.
  core::Result<Recommendations> Recommend(const account::Actor& actor, std::int64_t demand_id,
                                          std::int64_t limit);

  // A matching run (SPEC §5.1) over the matchable demands in scope and the matchable resources
  // (MatchingRepo::MatchableDemands / MatchableResources; organisations on a credit list left
  // out and named), solved optimally by match::Match outside any write transaction; then one
  // short write stores the run, its proposals and its unmatched demands. 422 on region_code,
  // category or an id of demand_ids / resource_ids that names nothing matchable.
  core::Result<Run> CreateRun(const account::Actor& actor, const RunRequest& request);
  core::Result<Run> GetRun(const account::Actor& actor, std::int64_t id);
  account::Page<Run> ListRuns(const account::Actor& actor, const account::PageRequest& page);
  // Accepts (or rejects) the run's proposals named in `decision` (every proposed one when it
  // names none), all or nothing: accepting reserves each match's headcount on its resource and
  // its demand by conditional UPDATEs, so concurrent accepts never over-reserve; 409 naming the
  // first that no longer fits (re-run the matching) or was decided meanwhile. 422 for an id
  // that is not a proposal of the run.
  core::Result<Run> Decide(const account::Actor& actor, std::int64_t run_id,
                           const Decision& decision, bool accept);

  core::Result<Match> GetMatch(const account::Actor& actor, std::int64_t id);
  account::Page<Match> ListMatches(const account::Actor& actor, const MatchFilter& filter,
                                   const account::PageRequest& page);
  // One step of a match: accepted → in_service → done (the demand's unit or the resource's
  // organisation), accepted → withdrawn (frees the reservation), proposed → accepted |
  // rejected (the demand's unit: as Decide for one match). 409 for a step the lifecycle does
  // not allow or a concurrent step that won; 403 for an org member deciding or withdrawing.
  core::Result<Match> MoveMatch(const account::Actor& actor, std::int64_t id, MatchStatus to);
  // done → rated by the demand's unit (403 for the organisation); ratings feed Recommend.
  core::Result<Match> Rate(const account::Actor& actor, std::int64_t id, const Rating& rating);
  // A draft purchased-service project made of a served match (in service, done or rated):
  // funded by the demand's unit, provided by the resource's organisation, the match's cost as
  // budget, the overlap of the windows as dates; linked to the match (409 when one is already).
  core::Result<Match> MakeProject(const account::Actor& actor, std::int64_t id);
  // A draft event of the resource's organisation made of a served match (in service, done or
  // rated), with the request's fields and the match's defaults (EventOfMatch), through
  // event::EventService::CreateIn: its 422s, and its 403 for an officer whose scope would not
  // own the event. Who: as MakeProject (the demand's unit; 403 for an org member), holding
  // event:event:edit (403). 404 outside scope; 409 when the match is not served yet or has an
  // event. One event per match, exact under concurrency on both engines: the event is inserted
  // and linked (MatchingRepo::LinkEvent, a conditional UPDATE) in one transaction, so of
  // parallel requests one links its event and the others roll theirs back with 409.
  core::Result<event::Event> MakeEvent(const account::Actor& actor, std::int64_t id,
                                       const EventRequest& request);

  Summary Summarise(const account::Actor& actor);

 private:
  core::Result<Match> Step(const account::Actor& actor, std::int64_t id, MatchStatus to,
                           const std::string& at);
  common::Writer& writer_;
  Clock clock_;
};

}  // namespace lianyin::domain::matching
