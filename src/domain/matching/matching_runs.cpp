// MatchingService: recommendations, matching runs (SPEC §5.1) and decisions on their proposals.

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <set>

#include "core/date.hpp"
#include "domain/account/scope.hpp"
#include "domain/credit/credit_gate.hpp"
#include "domain/matching/matching_internal.hpp"
#include "domain/matching/matching_repo.hpp"
#include "domain/matching/matching_rules.hpp"
#include "domain/matching/matching_service.hpp"
#include "domain/org/org.hpp"
#include "domain/region/region_repo.hpp"
#include "match/match.hpp"

namespace lianyin::domain::matching {
namespace {

using account::Actor;

// How specific a region code is: 0 the nation, 1 a province, 2 a city, 3 a county.
int CodeLevel(const std::string& code) {
  if (code == "100000") return 0;
  if (code.size() == 6 && code.ends_with("0000")) return 1;
  if (code.size() == 6 && code.ends_with("00")) return 2;
  return 3;
}

// The most specific of the resource's codes that covers a demand whose covering codes are
// `covering` (its own code and its ancestors).
std::string CoveringCode(const Resource& r, const std::vector<std::string>& covering) {
  std::string best;
  for (const std::string& code : r.region_codes) {
    if (std::find(covering.begin(), covering.end(), code) == covering.end()) continue;
    if (best.empty() || CodeLevel(code) > CodeLevel(best)) best = code;
  }
  return best;
}

// The names of every code in `covering` (a code the region table lacks names itself). One
// query per batch of codes.
std::map<std::string, std::string> RegionNames(
    store::Session& session, const std::map<std::string, std::vector<std::string>>& covering) {
  std::set<std::string> codes;
  for (const auto& [code, ancestors] : covering) codes.insert(ancestors.begin(), ancestors.end());
  std::map<std::string, std::string> names;
  for (const std::string& code : codes) names[code] = code;
  for (const region::Region& r :
       region::RegionRepo(session).FindMany({codes.begin(), codes.end()})) {
    names[r.code] = r.name;
  }
  return names;
}

std::int32_t Day(const std::string& date) {
  auto d = core::ParseDate(date);
  return d ? static_cast<std::int32_t>(core::DaysFromCivil(*d)) : 0;
}

std::int32_t CodeNumber(const std::string& code) {
  std::int32_t n = 0;
  for (char c : code) n = n * 10 + (c >= '0' && c <= '9' ? c - '0' : 0);
  return n;
}

std::int32_t CategoryIndex(const std::string& category) {
  const auto& all = org::ServiceCategories();
  return static_cast<std::int32_t>(std::find(all.begin(), all.end(), category) - all.begin());
}

std::string_view ReasonCode(match::Unmatched reason) {
  switch (reason) {
    case match::Unmatched::kNoCompatibleResource:
      return "no_compatible_resource";
    case match::Unmatched::kWindow:
      return "window";
    case match::Unmatched::kCapacityExhausted:
    case match::Unmatched::kNone:
      break;
  }
  return "capacity_exhausted";
}

Excluded ExcludedOf(const Resource& r, const credit::CreditEntry& entry) {
  return {r.id, r.org_id, r.org_name, credit::CreditListed(entry, "org_id").message};
}

// Leaves out the resources of organisations on a credit list, naming them in `excluded`.
void ExcludeListed(store::Session& session, std::vector<Resource>& resources,
                   std::vector<Excluded>& excluded) {
  std::vector<std::int64_t> org_ids;
  for (const Resource& r : resources) org_ids.push_back(r.org_id);
  std::sort(org_ids.begin(), org_ids.end());
  org_ids.erase(std::unique(org_ids.begin(), org_ids.end()), org_ids.end());
  const auto listed = credit::ActiveEntries(session, org_ids);
  if (listed.empty()) return;
  std::erase_if(resources, [&](const Resource& r) {
    const auto it = listed.find(r.org_id);
    if (it == listed.end()) return false;
    excluded.push_back(ExcludedOf(r, it->second));
    return true;
  });
}

// 422 for each id of `ids` (the field `name`) not among `found`.
template <class T>
void MissingIds(const char* name, const std::vector<std::int64_t>& ids, const std::vector<T>& found,
                const char* message, std::vector<core::FieldError>& errors) {
  std::set<std::int64_t> have;
  for (const T& item : found) have.insert(item.id);
  for (std::size_t i = 0; i < ids.size() && errors.size() < 20; ++i) {
    if (!have.contains(ids[i])) errors.push_back({fmt::format("{}[{}]", name, i), message, {}});
  }
}

// The run and its proposals, solved from what is matchable now (reads only).
core::Result<Run> Solve(store::Session& session, const common::Scope& scope,
                        const RunRequest& request) {
  MatchingRepo repo(session);
  Run run;
  run.request = request;
  std::vector<Demand> demands = repo.MatchableDemands(scope, request);
  std::vector<Resource> resources = repo.MatchableResources(request);
  std::vector<core::FieldError> errors;
  MissingIds("demand_ids", request.demand_ids, demands, "no such open demand in your scope",
             errors);
  MissingIds("resource_ids", request.resource_ids, resources, "no such open resource", errors);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  ExcludeListed(session, resources, run.excluded);

  std::vector<std::string> codes;
  for (const Demand& d : demands) codes.push_back(d.region_code);
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  const auto covering = repo.CoveringCodes(codes);
  const auto names = RegionNames(session, covering);

  std::vector<match::DemandSpec> dspecs(demands.size());
  for (std::size_t i = 0; i < demands.size(); ++i) {
    const Demand& d = demands[i];
    match::DemandSpec& s = dspecs[i];
    s.id = d.id;
    s.category = CategoryIndex(d.category);
    for (const std::string& c : covering.at(d.region_code))
      s.covering_codes.push_back(CodeNumber(c));
    s.window_start = Day(d.window_start);
    s.window_end = Day(d.window_end);
    s.need = d.Remaining();
  }
  std::vector<match::ResourceSpec> rspecs(resources.size());
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const Resource& r = resources[i];
    match::ResourceSpec& s = rspecs[i];
    s.id = r.id;
    s.category = CategoryIndex(r.category);
    for (const std::string& c : r.region_codes) s.region_codes.push_back(CodeNumber(c));
    s.window_start = Day(r.window_start);
    s.window_end = Day(r.window_end);
    s.remaining = r.Remaining();
    s.cost_per_person_fen = r.cost_per_person_fen;
  }
  const auto started = std::chrono::steady_clock::now();
  const match::Solution solution = match::Match(dspecs, rspecs);
  run.solve_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::now() - started)
                     .count();
  run.demands_considered = static_cast<std::int64_t>(demands.size());
  run.resources_considered = static_cast<std::int64_t>(resources.size());
  run.arcs = static_cast<std::int64_t>(solution.arcs);
  run.matched_headcount = solution.matched_headcount;
  run.unmatched_headcount = solution.unmatched_headcount;
  run.total_cost_fen = solution.total_cost_fen;
  for (const match::Assignment& a : solution.assignments) {
    const Demand& d = demands[static_cast<std::size_t>(a.demand)];
    const Resource& r = resources[static_cast<std::size_t>(a.resource)];
    Match m;
    m.demand_id = d.id;
    m.demand_title = d.title;
    m.resource_id = r.id;
    m.resource_title = r.title;
    m.unit_id = d.unit_id;
    m.unit_name = d.unit_name;
    m.org_id = r.org_id;
    m.org_name = r.org_name;
    m.headcount = a.headcount;
    m.cost_fen = a.cost_fen;
    m.reasons = AssignmentReasons(
        d, r, names.at(CoveringCode(r, covering.at(d.region_code))),
        OverlapDays(d.window_start, d.window_end, r.window_start, r.window_end), a.headcount);
    run.assignments.push_back(std::move(m));
  }
  for (std::size_t i = 0; i < demands.size(); ++i) {
    const match::DemandOutcome& o = solution.demands[i];
    const std::int64_t left = demands[i].Remaining() - o.matched;
    if (left <= 0) continue;
    run.unmatched.push_back(
        {demands[i].id, demands[i].title, left, std::string(ReasonCode(o.reason))});
  }
  return run;
}

}  // namespace

core::Result<Recommendations> MatchingService::Recommend(const Actor& actor, std::int64_t demand_id,
                                                         std::int64_t limit) {
  store::Session session = writer_.db().Acquire();
  MatchingRepo repo(session);
  auto demand = repo.FindDemand(account::ScopeOf(actor), demand_id);
  if (!demand) return common::OutOfScope();
  Recommendations out;
  out.demand_id = demand_id;
  std::vector<Resource> candidates = repo.CandidatesFor(*demand);
  ExcludeListed(session, candidates, out.excluded);
  out.candidates = static_cast<std::int64_t>(candidates.size());
  if (candidates.empty()) return out;
  const auto covering_of = repo.CoveringCodes({demand->region_code});
  const std::vector<std::string>& covering = covering_of.at(demand->region_code);
  const auto names = RegionNames(session, covering_of);
  std::vector<std::int64_t> org_ids;
  std::int64_t min_cost = candidates.front().cost_per_person_fen, max_cost = min_cost;
  for (const Resource& r : candidates) {
    org_ids.push_back(r.org_id);
    min_cost = std::min(min_cost, r.cost_per_person_fen);
    max_cost = std::max(max_cost, r.cost_per_person_fen);
  }
  const auto ratings = repo.Ratings(org_ids);
  for (const Resource& r : candidates) {
    Features f;
    const std::string code = CoveringCode(r, covering);
    f.covering_region = names.at(code);
    f.coverage_level = CodeLevel(code);
    f.overlap_days =
        OverlapDays(demand->window_start, demand->window_end, r.window_start, r.window_end);
    f.demand_days = WindowDays(demand->window_start, demand->window_end);
    f.remaining = r.Remaining();
    f.need = demand->Remaining();
    f.cost_per_person_fen = r.cost_per_person_fen;
    f.min_cost_fen = min_cost;
    f.max_cost_fen = max_cost;
    f.grade = r.org_grade;
    if (const auto it = ratings.find(r.org_id); it != ratings.end()) {
      f.mean_rating = it->second.first;
      f.ratings = it->second.second;
    }
    out.items.push_back(Score(r, demand->category, f));
  }
  std::sort(out.items.begin(), out.items.end(),
            [](const Recommendation& a, const Recommendation& b) {
              if (a.score != b.score) return a.score > b.score;
              if (a.resource.cost_per_person_fen != b.resource.cost_per_person_fen) {
                return a.resource.cost_per_person_fen < b.resource.cost_per_person_fen;
              }
              return a.resource.id < b.resource.id;
            });
  if (static_cast<std::int64_t>(out.items.size()) > limit) {
    out.items.resize(static_cast<std::size_t>(limit));
  }
  return out;
}

core::Result<Run> MatchingService::CreateRun(const Actor& actor, const RunRequest& input) {
  if (auto ok = CheckRunRequest(input); !ok) return ok.error();
  RunRequest request = input;
  for (auto* ids : {&request.demand_ids, &request.resource_ids}) {
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  const account::Scope scope = account::ScopeOf(actor);
  core::Result<Run> solved = [&]() -> core::Result<Run> {
    store::Session session = writer_.db().Acquire();
    store::Transaction snapshot = session.Begin(store::TxMode::kRead);
    if (request.region_code && !region::RegionRepo(session).Find(*request.region_code)) {
      return core::Error::Invalid("region_code", "unknown region");
    }
    // Solve names unmatchable ids by their positions in the lists as given.
    return Solve(session, scope, input);
  }();
  if (!solved) return solved.error();
  Run run = std::move(*solved);
  run.request = request;
  run.unit_id = actor.unit_id;
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Run> {
    MatchingRepo repo(tx.session());
    const std::int64_t id = repo.InsertRun(run, actor.user_id, at);
    repo.InsertProposals(id, run.assignments, run.unmatched, at);
    Run stored = repo.FindRun(scope, id).value();
    repo.LoadRunParts(stored, scope);
    stored.excluded = run.excluded;
    tx.Record({"create", "matching_run", std::to_string(id), nullptr, AuditJson(stored), true,
               stored.unit_id});
    return stored;
  });
}

core::Result<Run> MatchingService::GetRun(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  MatchingRepo repo(session);
  auto run = repo.FindRun(account::ScopeOf(actor), id);
  if (!run) return common::OutOfScope();
  repo.LoadRunParts(*run, account::ScopeOf(actor));
  return std::move(*run);
}

account::Page<Run> MatchingService::ListRuns(const Actor& actor, const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  MatchingRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return {repo.ListRuns(scope, page.page_size, page.Offset()), repo.CountRuns(scope)};
}

core::Result<Run> MatchingService::Decide(const Actor& actor, std::int64_t run_id,
                                          const Decision& decision, bool accept) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Run> {
    MatchingRepo repo(tx.session());
    auto run = repo.FindRun(scope, run_id);
    if (!run) return common::OutOfScope();
    std::vector<Match> matches =
        repo.RunMatches(run_id, MatchStatus::kProposed, decision.match_ids);
    std::vector<core::FieldError> errors;
    MissingIds("match_ids", decision.match_ids, matches,
               "not a proposal of this run awaiting a decision", errors);
    if (!errors.empty()) return core::Error::Invalid(std::move(errors));
    // One order for every accepting transaction: fewer lock waits between concurrent ones.
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
      return std::tie(a.resource_id, a.demand_id, a.id) <
             std::tie(b.resource_id, b.demand_id, b.id);
    });
    const MatchStatus to = accept ? MatchStatus::kAccepted : MatchStatus::kRejected;
    for (const Match& m : matches) {
      auto moved = MoveAndRecord(tx, repo, m, to, actor.user_id, at);
      if (!moved) return moved.error();
      if (accept) {
        if (auto ok = Reserve(repo, m, at); !ok) return ok.error();
      }
    }
    Run after = repo.FindRun(scope, run_id).value();
    repo.LoadRunParts(after, scope);
    return after;
  });
}

}  // namespace lianyin::domain::matching
