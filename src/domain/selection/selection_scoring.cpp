// SelectionService: the round's lifecycle, experts, scores and the ranking.

#include <fmt/format.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "domain/account/scope.hpp"
#include "domain/selection/selection_internal.hpp"
#include "domain/selection/selection_rules.hpp"
#include "domain/selection/selection_service.hpp"

namespace lianyin::domain::selection {
namespace {

using account::Actor;
namespace json = boost::json;

common::Change AssignmentChange(std::string action, const Round& round, std::int64_t nomination,
                                json::value after) {
  return {std::move(action), "selection_assignment", std::to_string(nomination),
          nullptr,           std::move(after),       true,
          round.unit_id};
}

// Ranks the round's nominations from the scores of their experts, or 409 naming how many lack
// scores.
core::Result<void> Publish(SelectionRepo& repo, const Round& round) {
  std::map<std::int64_t, std::vector<std::int64_t>> totals;
  for (const Assignment& a : repo.Assignments(round.id)) {
    if (a.total) totals[a.nomination_id].push_back(*a.total);
  }
  const std::vector<Nomination> nominations =
      repo.ListNominations(PlatformScope(), round.id, {}, 1'000'000, 0);
  std::vector<RankInput> inputs;
  int waiting = 0;
  for (const Nomination& n : nominations) {
    const std::vector<std::int64_t>& mine = totals[n.id];
    if (static_cast<int>(mine.size()) < round.experts_per_project) {
      ++waiting;
      continue;
    }
    inputs.push_back({n.id, n.category, ScoreTenths(mine),
                      *std::min_element(mine.begin(), mine.end()), n.person_times});
  }
  if (waiting > 0) {
    return core::Error::Conflict(fmt::format("{} nominations still await their scores", waiting));
  }
  std::map<std::string, int> quotas;
  for (const Quota& q : round.quotas) quotas[q.category] = q.quota;
  std::map<std::int64_t, std::int64_t> score;
  for (const RankInput& in : inputs) score[in.nomination_id] = in.score_tenths;
  for (const RankResult& r : Rank(std::move(inputs), quotas)) {
    repo.SetResult(r.nomination_id, score[r.nomination_id], r.rank, r.excellent);
  }
  return {};
}

}  // namespace

core::Result<Round> SelectionService::MoveRound(const Actor& actor, std::int64_t id,
                                                const std::string& to_name) {
  const auto to = ParseRoundStatus(to_name);
  if (!to) return core::Error::Invalid("to", "not a selection_status code");
  const core::DateTime now = clock_();
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Round> {
    SelectionRepo repo(tx.session());
    auto before = LoadManagedRound(repo, scope, id);
    if (!before) return before.error();
    if (!CanMove(before->status, *to)) {
      return core::Error::Conflict(fmt::format("a round cannot change from {} to {}",
                                               RoundStatusName(before->status), to_name));
    }
    if (*to == RoundStatus::kScoring && before->nominations == 0) {
      return core::Error::Conflict("a round needs nominations before scoring");
    }
    std::optional<std::string> published_on;
    if (*to == RoundStatus::kPublished) {
      if (auto ok = Publish(repo, *before); !ok) return ok.error();
      published_on = core::FormatDate(core::LocalDate(now));
    }
    if (!repo.SetRoundStatus(id, before->status, *to, published_on, at)) {
      return core::Error::Conflict("the round was changed meanwhile; reload it");
    }
    Round after = repo.FindRound(scope, id).value();
    tx.Record(RoundChange("transition", after, AuditJson(*before), AuditJson(after)));
    return after;
  });
}

core::Result<int> SelectionService::AutoAssign(const Actor& actor, std::int64_t round_id) {
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<int> {
    SelectionRepo repo(tx.session());
    auto round = LoadManagedRound(repo, scope, round_id);
    if (!round) return round.error();
    if (round->status != RoundStatus::kScoring) {
      return core::Error::Conflict("experts are assigned while the round is being scored");
    }
    std::map<std::int64_t, std::vector<std::int64_t>> existing;
    for (const Assignment& a : repo.Assignments(round_id)) {
      existing[a.nomination_id].push_back(a.expert_user_id);
    }
    const AutoAssignment plan =
        AssignExperts(repo.ConflictKeysOf(round_id), existing, repo.Experts(round->unit_id),
                      round->experts_per_project);
    if (plan.short_of) {
      const auto short_of = repo.FindNomination(PlatformScope(), round_id, *plan.short_of);
      return core::Error::Invalid(
          "nomination_id",
          fmt::format("too few experts without a conflict for {}",
                      short_of ? short_of->project_title : std::to_string(*plan.short_of)));
    }
    int made = 0;
    for (const auto& [nomination, experts] : plan.experts) {
      for (std::int64_t expert : experts)
        made += repo.InsertAssignment(round_id, nomination, expert);
      tx.Record(AssignmentChange("assign", *round, nomination,
                                 json::array(experts.begin(), experts.end())));
    }
    return made;
  });
}

core::Result<std::vector<Assignment>> SelectionService::SetExperts(
    const Actor& actor, std::int64_t round_id, std::int64_t nomination_id,
    const std::vector<std::int64_t>& expert_ids) {
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(
      OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<std::vector<Assignment>> {
        SelectionRepo repo(tx.session());
        auto round = LoadManagedRound(repo, scope, round_id);
        if (!round) return round.error();
        if (!repo.FindNomination(scope, round_id, nomination_id)) return core::Error::NotFound();
        if (round->status != RoundStatus::kScoring) {
          return core::Error::Conflict("experts are assigned while the round is being scored");
        }
        std::map<std::int64_t, Expert> pool;
        for (Expert& e : repo.Experts(round->unit_id)) pool[e.user_id] = std::move(e);
        ConflictKeys keys;
        for (auto& [id, k] : repo.ConflictKeysOf(round_id)) {
          if (id == nomination_id) keys = std::move(k);
        }
        std::vector<core::FieldError> errors;
        std::set<std::int64_t> seen;
        for (std::size_t i = 0; i < expert_ids.size(); ++i) {
          const std::string field = fmt::format("expert_ids[{}]", i);
          const auto it = pool.find(expert_ids[i]);
          if (it == pool.end()) {
            errors.push_back({field, "not an expert of the organising unit", {}});
          } else if (!seen.insert(expert_ids[i]).second) {
            errors.push_back({field, "is given twice", {}});
          } else if (Conflicts(it->second, keys)) {
            errors.push_back(
                {field,
                 "has a conflict: the project is of the expert's own unit or organisation",
                 {}});
          }
        }
        if (static_cast<int>(expert_ids.size()) > round->experts_per_project) {
          errors.push_back(
              {"expert_ids", fmt::format("at most {} experts", round->experts_per_project), {}});
        }
        if (!errors.empty()) return core::Error::Invalid(std::move(errors));
        repo.ClearUnscored(nomination_id);
        for (std::int64_t expert : expert_ids)
          repo.InsertAssignment(round_id, nomination_id, expert);
        tx.Record(AssignmentChange("assign", *round, nomination_id,
                                   json::array(expert_ids.begin(), expert_ids.end())));
        std::vector<Assignment> out;
        for (Assignment& a : repo.Assignments(round_id)) {
          if (a.nomination_id == nomination_id) out.push_back(std::move(a));
        }
        return out;
      });
}

core::Result<std::vector<Assignment>> SelectionService::Assignments(const Actor& actor,
                                                                    std::int64_t round_id) {
  store::Session session = writer_.db().Acquire();
  SelectionRepo repo(session);
  auto round = LoadManagedRound(repo, account::ScopeOf(actor), round_id);
  if (!round) return round.error();
  return repo.Assignments(round_id);
}

core::Result<std::vector<Expert>> SelectionService::Experts(const Actor& actor,
                                                            std::int64_t round_id) {
  store::Session session = writer_.db().Acquire();
  SelectionRepo repo(session);
  auto round = LoadManagedRound(repo, account::ScopeOf(actor), round_id);
  if (!round) return round.error();
  return repo.Experts(round->unit_id);
}

std::vector<std::pair<Assignment, Nomination>> SelectionService::MyAssignments(
    const Actor& actor, std::optional<std::int64_t> round) {
  store::Session session = writer_.db().Acquire();
  return SelectionRepo(session).ExpertQueue(actor.user_id, round);
}

core::Result<Assignment> SelectionService::Score(
    const Actor& actor, std::int64_t round_id, std::int64_t nomination_id,
    const std::map<std::string, std::int64_t>& scores) {
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Assignment> {
    SelectionRepo repo(tx.session());
    auto assignment = repo.FindAssignment(nomination_id, actor.user_id);
    if (!assignment || assignment->round_id != round_id) return core::Error::NotFound();
    const Round round = repo.FindRound(PlatformScope(), round_id).value();
    if (round.status != RoundStatus::kScoring) {
      return core::Error::Conflict("scores are entered while the round is being scored");
    }
    auto total = CheckScores(round.rubric, scores);
    if (!total) return total.error();
    json::object scores_json;
    for (const auto& [code, value] : scores) scores_json[code] = value;
    repo.SaveScores(nomination_id, actor.user_id, json::serialize(scores_json), *total, at);
    Assignment after = repo.FindAssignment(nomination_id, actor.user_id).value();
    tx.Record(AssignmentChange("score", round, nomination_id,
                               json::object{{"expert_user_id", actor.user_id},
                                            {"scores", std::move(scores_json)},
                                            {"total", *total}}));
    return after;
  });
}

core::Result<BookletJob> SelectionService::QueueBooklet(const Actor& actor, std::int64_t round_id) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<BookletJob> {
    SelectionRepo repo(tx.session());
    auto round = LoadManagedRound(repo, scope, round_id);
    if (!round) return round.error();
    if (round->status != RoundStatus::kPublished) {
      return core::Error::Conflict("a booklet is made of a published round");
    }
    auto id = repo.InsertJob(round_id, actor.user_id, at);
    if (!id) return core::Error::Conflict("the booklet of this round is being generated");
    tx.Record({"create", "booklet_job", std::to_string(*id), nullptr,
               json::object{{"round_id", round_id}}, true, round->unit_id});
    return repo.LatestJob(round_id).value();
  });
}

core::Result<std::optional<BookletJob>> SelectionService::BookletStatus(const Actor& actor,
                                                                        std::int64_t round_id) {
  store::Session session = writer_.db().Acquire();
  SelectionRepo repo(session);
  if (!repo.FindRound(account::ScopeOf(actor), round_id)) return core::Error::NotFound();
  return repo.LatestJob(round_id);
}

core::Result<std::string> SelectionService::BookletFile(std::int64_t round_id, bool pdf) {
  store::Session session = writer_.db().Acquire();
  SelectionRepo repo(session);
  auto round = repo.FindRound(PublicScope(), round_id);
  if (!round || round->status != RoundStatus::kPublished) return core::Error::NotFound();
  auto file = repo.JobFile(round_id, pdf);
  if (!file) return core::Error::NotFound();
  return std::move(*file);
}

}  // namespace lianyin::domain::selection
