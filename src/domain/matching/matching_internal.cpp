#include "domain/matching/matching_internal.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "domain/matching/matching_rules.hpp"

namespace lianyin::domain::matching {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& v) { return v ? json::value(*v) : nullptr; }
json::value Opt(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : nullptr; }

// The audit action of a step to `to`.
std::string ActionOf(MatchStatus to) {
  switch (to) {
    case MatchStatus::kAccepted:
      return "accept";
    case MatchStatus::kRejected:
      return "reject";
    case MatchStatus::kInService:
      return "start";
    case MatchStatus::kDone:
      return "complete";
    case MatchStatus::kRated:
      return "rate";
    case MatchStatus::kWithdrawn:
      return "withdraw";
    case MatchStatus::kProposed:
      break;
  }
  return "propose";
}

json::array Ids(const std::vector<std::int64_t>& ids) {
  return json::array(ids.begin(), ids.end());
}

}  // namespace

json::value AuditJson(const Demand& d) {
  return json::object{{"id", d.id},
                      {"title", d.title},
                      {"category", d.category},
                      {"region_code", d.region_code},
                      {"headcount", d.headcount},
                      {"window_start", d.window_start},
                      {"window_end", d.window_end},
                      {"target_group", Opt(d.target_group)},
                      {"description", Opt(d.description)},
                      {"unit_id", d.unit_id},
                      {"worker_id", Opt(d.worker_id)},
                      {"status", StatusName(d.status)},
                      {"matched", d.matched}};
}

json::value AuditJson(const Resource& r) {
  return json::object{{"id", r.id},
                      {"org_id", r.org_id},
                      {"title", r.title},
                      {"category", r.category},
                      {"region_codes", json::array(r.region_codes.begin(), r.region_codes.end())},
                      {"capacity", r.capacity},
                      {"reserved", r.reserved},
                      {"window_start", r.window_start},
                      {"window_end", r.window_end},
                      {"cost_per_person_fen", r.cost_per_person_fen},
                      {"description", Opt(r.description)},
                      {"status", StatusName(r.status)}};
}

json::value AuditJson(const Run& r) {
  return json::object{{"id", r.id},
                      {"unit_id", r.unit_id},
                      {"region_code", Opt(r.request.region_code)},
                      {"category", Opt(r.request.category)},
                      {"demand_ids", Ids(r.request.demand_ids)},
                      {"resource_ids", Ids(r.request.resource_ids)},
                      {"demands_considered", r.demands_considered},
                      {"resources_considered", r.resources_considered},
                      {"matched_headcount", r.matched_headcount},
                      {"unmatched_headcount", r.unmatched_headcount},
                      {"total_cost_fen", r.total_cost_fen},
                      {"assignments", static_cast<std::int64_t>(r.assignments.size())}};
}

json::value AuditJson(const Match& m) {
  json::object o{{"id", m.id},
                 {"run_id", m.run_id},
                 {"demand_id", m.demand_id},
                 {"resource_id", m.resource_id},
                 {"headcount", m.headcount},
                 {"cost_fen", m.cost_fen},
                 {"status", StatusName(m.status)}};
  if (m.rating) o["rating"] = *m.rating;
  if (m.rating_comment) o["rating_comment"] = *m.rating_comment;
  if (m.project_id) o["project_id"] = *m.project_id;
  if (m.event_id) o["event_id"] = *m.event_id;
  return o;
}

core::Result<void> Reserve(MatchingRepo& repo, const Match& match, const std::string& at) {
  if (!repo.AddReserved(match.resource_id, match.headcount, at)) {
    const auto now = repo.FindPublicResource(match.resource_id);
    const std::int64_t left = now ? now->Remaining() : 0;
    return core::Error::Conflict(fmt::format(
        "resource {} has room for only {} of the {} this match needs; run the matching again",
        match.resource_id, left, match.headcount));
  }
  if (!repo.AddMatched(match.demand_id, match.headcount, at)) {
    return core::Error::Conflict(fmt::format(
        "demand {} no longer needs {} more (it is matched, closed or withdrawn meanwhile); run "
        "the matching again",
        match.demand_id, match.headcount));
  }
  return {};
}

void Release(MatchingRepo& repo, const Match& match, const std::string& at) {
  repo.AddReserved(match.resource_id, -match.headcount, at);
  repo.AddMatched(match.demand_id, -match.headcount, at);
}

core::Result<Match> MoveAndRecord(common::WriteTx& tx, MatchingRepo& repo, const Match& before,
                                  MatchStatus to, std::optional<std::int64_t> by_user_id,
                                  const std::string& at) {
  if (!repo.MoveMatch(before.id, before.status, to, by_user_id, at)) {
    return IllegalMove(before.status, to);
  }
  Match after = before;
  after.status = to;
  after.updated_at = at;
  tx.Record({ActionOf(to), "match", std::to_string(before.id), AuditJson(before), AuditJson(after),
             true, before.unit_id});
  return after;
}

void EndMatchesOf(common::WriteTx& tx, MatchingRepo& repo, std::string_view column, std::int64_t id,
                  std::optional<std::int64_t> by_user_id, const std::string& at) {
  for (const Match& m : repo.MatchesOf(column, id, MatchStatus::kProposed)) {
    (void)MoveAndRecord(tx, repo, m, MatchStatus::kRejected, by_user_id, at);
  }
  for (const Match& m : repo.MatchesOf(column, id, MatchStatus::kAccepted)) {
    if (MoveAndRecord(tx, repo, m, MatchStatus::kWithdrawn, by_user_id, at)) Release(repo, m, at);
  }
}

}  // namespace lianyin::domain::matching
