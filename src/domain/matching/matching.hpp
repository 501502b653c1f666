#pragma once
// Demand list ↔ resource list (资源清单与需求清单精准对接, SPEC §4 "Demands and resources", §5.1;
// issue #10): plain types. Codes are the data dictionary's (demand_status, resource_status,
// match_status, unmatched_reason; categories are service_category, target groups target_group).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::matching {

// Demands and resources share one lifecycle: open → partly_matched → matched follows the
// accepted headcount; closed (by the owner, reopenable) and withdrawn (final) end it.
enum class ListingStatus { kOpen, kPartlyMatched, kMatched, kClosed, kWithdrawn };
std::string_view StatusName(ListingStatus status);
std::optional<ListingStatus> ParseListingStatus(std::string_view name);
const std::vector<std::string>& ListingStatusNames();

enum class MatchStatus { kProposed, kAccepted, kRejected, kInService, kDone, kRated, kWithdrawn };
std::string_view StatusName(MatchStatus status);
std::optional<MatchStatus> ParseMatchStatus(std::string_view name);
const std::vector<std::string>& MatchStatusNames();
// Whether a match in `status` holds capacity (accepted, in_service, done, rated).
bool Reserves(MatchStatus status);

// Why a demand stayed (partly) unmatched: no resource of its category covers its region; some do
// but no window overlaps; or every compatible resource is used up.
const std::vector<std::string>& UnmatchedReasonNames();

struct Demand {
  std::int64_t id = 0;
  std::string title;
  std::string category;
  std::string region_code;
  std::string region_name;
  std::int64_t headcount = 0;
  std::string window_start;  // inclusive dates
  std::string window_end;
  std::optional<std::string> target_group;
  std::optional<std::string> description;
  std::int64_t unit_id = 0;  // the owner (SPEC §1)
  std::string unit_name;
  std::optional<std::int64_t> worker_id;  // the worker who posted it (the phone pages)
  ListingStatus status = ListingStatus::kOpen;
  std::int64_t matched = 0;  // headcount of its accepted (and later) matches
  std::string created_at;
  std::string updated_at;

  std::int64_t Remaining() const { return headcount - matched; }
};

struct NewDemand {
  std::string title;
  std::string category;
  std::string region_code;
  std::int64_t headcount = 0;
  std::string window_start;
  std::string window_end;
  std::optional<std::string> target_group;
  std::optional<std::string> description;
  std::int64_t unit_id = 0;               // 0: a worker's own unit (OwnedByWorker fills it in)
  std::optional<std::int64_t> worker_id;  // set for a worker posting for itself
};

// PATCH /demands/{id}: present members change; target_group / description present-but-empty
// clear.
struct DemandPatch {
  std::optional<std::string> title;
  std::optional<std::string> category;
  std::optional<std::string> region_code;
  std::optional<std::int64_t> headcount;
  std::optional<std::string> window_start;
  std::optional<std::string> window_end;
  std::optional<std::optional<std::string>> target_group;
  std::optional<std::optional<std::string>> description;
};

struct Resource {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string org_name;
  std::optional<std::string> org_grade;  // 5A..1A
  std::int64_t org_unit_id = 0;          // the organisation's registration unit
  std::string title;
  std::string category;
  std::vector<std::string> region_codes;
  std::int64_t capacity = 0;
  std::int64_t reserved = 0;
  std::string window_start;
  std::string window_end;
  std::int64_t cost_per_person_fen = 0;
  std::optional<std::string> description;
  ListingStatus status = ListingStatus::kOpen;
  std::string created_at;
  std::string updated_at;

  std::int64_t Remaining() const { return capacity - reserved; }
};

struct NewResource {
  std::int64_t org_id = 0;
  std::string title;
  std::string category;
  std::vector<std::string> region_codes;
  std::int64_t capacity = 0;
  std::string window_start;
  std::string window_end;
  std::int64_t cost_per_person_fen = 0;
  std::optional<std::string> description;
};

struct ResourcePatch {
  std::optional<std::string> title;
  std::optional<std::string> category;
  std::optional<std::vector<std::string>> region_codes;
  std::optional<std::int64_t> capacity;
  std::optional<std::string> window_start;
  std::optional<std::string> window_end;
  std::optional<std::int64_t> cost_per_person_fen;
  std::optional<std::optional<std::string>> description;
};

// POST /demands/{id}/transitions, /resources/{id}/transitions: "closed", "open" (reopen a
// closed one) or "withdrawn" (final; frees what its matches reserved).
struct ListingTransition {
  std::string to;
  std::optional<std::string> reason;
};

// GET /demands and GET /resources filters; absent members do not filter.
struct DemandFilter {
  std::optional<std::string> category;
  std::optional<ListingStatus> status;
  std::optional<std::int64_t> unit_id;     // its subtree
  std::optional<std::string> region_code;  // demands whose region it covers
  std::optional<std::string> q;            // part of the title
  bool open_only = false;                  // open or partly matched (the matchable ones)
};

struct ResourceFilter {
  std::optional<std::string> category;
  std::optional<ListingStatus> status;
  std::optional<std::int64_t> org_id;
  std::optional<std::string> region_code;  // resources with a code covering it
  std::optional<std::string> q;
  bool open_only = false;
};

// A reason: an English message id with "{}" parameters (dictionary codes shown by their labels
// through the catalogue) and the points it gave, when it scored.
struct Reason {
  std::string text;
  std::optional<double> points;
};

// GET /demands/{id}/recommendations.
struct Recommendation {
  Resource resource;
  double score = 0;  // 0..100, see RecommendationScore
  std::vector<Reason> reasons;
};
struct Excluded {
  std::int64_t resource_id = 0;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string reason;  // the credit-list entry, as CreditListed words it
};
struct Recommendations {
  std::int64_t demand_id = 0;
  std::vector<Recommendation> items;  // best first
  std::int64_t candidates = 0;        // compatible resources with room, before the limit
  std::vector<Excluded> excluded;     // compatible, but the organisation is on a credit list
};

// POST /matching/runs.
struct RunRequest {
  std::optional<std::string> region_code;
  std::optional<std::string> category;
  std::vector<std::int64_t> demand_ids;  // empty: no restriction
  std::vector<std::int64_t> resource_ids;
};

struct Match {
  std::int64_t id = 0;
  std::int64_t run_id = 0;
  std::int64_t demand_id = 0;
  std::string demand_title;
  std::int64_t resource_id = 0;
  std::string resource_title;
  std::int64_t unit_id = 0;  // the demand's unit (the owner)
  std::string unit_name;
  std::int64_t org_id = 0;  // the resource's organisation
  std::string org_name;
  std::int64_t headcount = 0;
  std::int64_t cost_fen = 0;
  std::vector<Reason> reasons;
  MatchStatus status = MatchStatus::kProposed;
  std::optional<int> rating;
  std::optional<std::string> rating_comment;
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> event_id;  // the event made of it (POST /matches/{id}/event)
  std::optional<std::string> decided_at;
  std::string created_at;
  std::string updated_at;
};

struct Unmatched {
  std::int64_t demand_id = 0;
  std::string demand_title;
  std::int64_t headcount = 0;  // left unmatched
  std::string reason;          // unmatched_reason code
};

struct Run {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::optional<std::int64_t> created_by;
  std::string created_by_name;
  RunRequest request;
  std::int64_t demands_considered = 0;
  std::int64_t resources_considered = 0;
  std::int64_t arcs = 0;
  std::int64_t matched_headcount = 0;
  std::int64_t unmatched_headcount = 0;
  std::int64_t total_cost_fen = 0;
  std::int64_t solve_ms = 0;
  std::string created_at;
  // With the run itself (not in lists):
  std::vector<Match> assignments;
  std::vector<Unmatched> unmatched;
  std::vector<Excluded> excluded;
  std::int64_t proposed = 0;  // assignments still awaiting a decision (lists too)
};

// GET /matches filters.
struct MatchFilter {
  std::optional<std::int64_t> run_id;
  std::optional<std::int64_t> demand_id;
  std::optional<std::int64_t> resource_id;
  std::optional<MatchStatus> status;
};

// POST /matching/runs/{id}/accept|reject: these matches of the run, or every proposed one.
struct Decision {
  std::vector<std::int64_t> match_ids;
  std::optional<std::string> reason;
};

// POST /matches/{id}/rate.
struct Rating {
  int rating = 0;
  std::optional<std::string> comment;
};

// POST /matches/{id}/event: the POST /events fields but org_id (the resource's organisation).
// Absent members default from the match (EventOfMatch): title and category the demand's,
// capacity the match's headcount, target_groups the worker groups of the demand's target group,
// region_code (without a booking) the demand's region.
struct EventRequest {
  std::optional<std::string> title;
  std::optional<std::string> category;
  std::optional<std::string> description;
  std::string start;
  std::string end;
  std::optional<std::int64_t> capacity;
  std::optional<std::string> signup_opens;
  std::optional<std::string> signup_closes;
  std::optional<std::vector<std::string>> target_groups;
  std::optional<std::string> region_code;
  std::optional<std::string> address;
  std::optional<std::int64_t> booking_id;
  std::optional<std::int64_t> project_id;
};

// GET /matching/summary: workbench cards.
struct Summary {
  std::int64_t open_demands = 0;
  std::int64_t open_headcount = 0;  // still to serve
  std::int64_t proposals_to_review = 0;
  std::int64_t in_service = 0;
  std::int64_t to_rate = 0;  // done, not rated
  std::int64_t open_resources = 0;
};

}  // namespace lianyin::domain::matching
