#pragma once
// The pure rules of demands, resources and matches (SPEC §4, §5.1; issue #10): field checks,
// the lifecycles, the recommendation score and the reasons an assignment carries. No I/O; each
// check reports every failing field at once (422 details).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/event/event.hpp"
#include "domain/matching/matching.hpp"

namespace lianyin::domain::matching {

inline constexpr std::size_t kMaxTitleChars = 200;
inline constexpr std::size_t kMaxDescriptionChars = 5000;
inline constexpr std::size_t kMaxReasonChars = 500;
inline constexpr std::size_t kMaxRegionCodes = 50;
inline constexpr std::size_t kMaxRunIds = 100000;  // per id list of a run
inline constexpr std::int64_t kMaxHeadcount = 1000000;
inline constexpr std::int64_t kMaxCostPerPersonFen = 100000000;  // ¥1 000 000 a person
inline constexpr std::int64_t kMaxRecommendations = 50;

// The fields of a new demand and who owns it. A worker (poster_worker_id set) posts for itself:
// worker_id absent or its own, unit_id absent (0) or its worker record's unit (OwnedByWorker
// checks that against the record); anyone else names the union unit (unit_id) and no worker_id.
core::Result<void> CheckNewDemand(const NewDemand& demand,
                                  std::optional<std::int64_t> poster_worker_id);
// The demand a worker posts: owned by its worker record's unit and by itself. 422 on unit_id
// when the demand names another unit, on worker_id when it names another worker.
core::Result<NewDemand> OwnedByWorker(NewDemand demand, std::int64_t worker_id,
                                      std::int64_t worker_unit_id);
core::Result<void> CheckNewResource(const NewResource& resource);
// A run's request: region_code a six-digit code, category a service_category, at most
// kMaxRunIds ids per list (422 on each).
core::Result<void> CheckRunRequest(const RunRequest& request);

// Applies a patch while the listing is open, partly matched or matched (closed or withdrawn →
// 409). Once anything is matched, category, region and window stay (422 on the field) and the
// headcount / capacity may not drop below what is matched / reserved.
core::Result<NewDemand> ApplyPatch(const NewDemand& current, const Demand& demand,
                                   const DemandPatch& patch);
core::Result<NewResource> ApplyPatch(const NewResource& current, const Resource& resource,
                                     const ResourcePatch& patch);

// The status that follows the accepted headcount: open (0), partly_matched, matched (all).
ListingStatus DerivedStatus(std::int64_t matched, std::int64_t total);
// closed from open / partly_matched / matched; open again from closed (the status then follows
// the headcount); withdrawn from any but withdrawn. 422 on `to` for another code, 409 when the
// move is not allowed from `from`.
core::Result<ListingStatus> CheckListingMove(ListingStatus from, const ListingTransition& t);

// The match lifecycle: proposed → accepted | rejected; accepted → in_service | withdrawn;
// in_service → done; done → rated.
bool CanMove(MatchStatus from, MatchStatus to);
// 409 "a match that is {from} cannot become {to}".
core::Error IllegalMove(MatchStatus from, MatchStatus to);
core::Result<void> CheckRating(const Rating& rating);

// Whether a match in `status` has been served, so that a project or an event may be made of it
// (in service, done, rated).
bool Served(MatchStatus status);
// The event a served match becomes: organised by its resource's organisation, the request's
// fields with the absent ones taken from the match and its demand (EventRequest). Not checked:
// the event service checks it as any new event.
event::NewEvent EventOfMatch(const Match& match, const Demand& demand, const EventRequest& request);

// Whether the inclusive date windows overlap, and by how many days (0 when they do not).
std::int64_t OverlapDays(const std::string& a_start, const std::string& a_end,
                         const std::string& b_start, const std::string& b_end);
std::int64_t WindowDays(const std::string& start, const std::string& end);

// What the recommendation score is made of for one compatible resource with room.
struct Features {
  int coverage_level = 0;         // of the most specific code covering the demand: 0 nation,
                                  // 1 province, 2 city, 3 county
  std::string covering_region;    // that code's name (the code when the table lacks it)
  std::int64_t overlap_days = 0;  // window overlap
  std::int64_t demand_days = 1;   // the demand's window length
  std::int64_t remaining = 0;     // capacity left on the resource
  std::int64_t need = 0;          // headcount still to serve
  std::int64_t cost_per_person_fen = 0;
  std::int64_t min_cost_fen = 0;  // cheapest / dearest among the candidates
  std::int64_t max_cost_fen = 0;
  std::optional<std::string> grade;  // 5A..1A
  std::optional<double> mean_rating;
  std::int64_t ratings = 0;
};

// Score out of 100 (docs/api.md "Recommendations" states it) with one reason per part:
//   coverage   20 × (1 + level) / 4        (nation 5, province 10, city 15, county 20)
//   window     20 × overlap_days / demand_days
//   capacity   25 × min(remaining, need) / need
//   cost       15 × (max − cost) / (max − min)   (15 when all candidates cost the same)
//   grade      10 × grade / 5               (5A 10 … 1A 2, none 0)
//   ratings    10 × (mean − 1) / 4          (5 when never rated)
// rounded to 0.1. The category match is the first reason (it scores nothing: it is required).
Recommendation Score(const Resource& resource, const std::string& category,
                     const Features& features);

// The reasons an assignment of a run carries: category, the covering code, the window overlap,
// the headcount against the resource's room, and the cost. `covering_region` names the most
// specific of the resource's codes covering the demand.
std::vector<Reason> AssignmentReasons(const Demand& demand, const Resource& resource,
                                      const std::string& covering_region, std::int64_t overlap_days,
                                      std::int64_t headcount);

}  // namespace lianyin::domain::matching
