// MatchingService: one match at a time — its steps from proposal to a rated service, and the
// project and the event made of it.

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/event/event_service.hpp"
#include "domain/matching/matching_internal.hpp"
#include "domain/matching/matching_repo.hpp"
#include "domain/matching/matching_rules.hpp"
#include "domain/matching/matching_service.hpp"
#include "domain/project/project_service.hpp"

namespace lianyin::domain::matching {
namespace {

using account::Actor;

core::Error ForOfficers() {
  return core::Error::Forbidden(
      "the organisation serves the match; the demand's unit decides, rates and contracts it");
}

}  // namespace

core::Result<Match> MatchingService::Step(const Actor& actor, std::int64_t id, MatchStatus to,
                                          const std::string& at) {
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Match> {
    MatchingRepo repo(tx.session());
    auto before = repo.FindMatch(scope, id);
    if (!before) return common::OutOfScope();
    const bool decision = to == MatchStatus::kAccepted || to == MatchStatus::kRejected ||
                          to == MatchStatus::kWithdrawn;
    if (decision && actor.org_id) return ForOfficers();
    if (!CanMove(before->status, to)) return IllegalMove(before->status, to);
    auto moved = MoveAndRecord(tx, repo, *before, to, actor.user_id, at);
    if (!moved) return moved.error();
    if (to == MatchStatus::kAccepted) {
      if (auto ok = Reserve(repo, *before, at); !ok) return ok.error();
    } else if (to == MatchStatus::kWithdrawn) {
      Release(repo, *before, at);
    }
    return repo.FindMatch(scope, id).value();
  });
}

core::Result<Match> MatchingService::MoveMatch(const Actor& actor, std::int64_t id,
                                               MatchStatus to) {
  if (to == MatchStatus::kProposed || to == MatchStatus::kRated) {
    return core::Error::Invalid("to", "must be accepted, rejected, in_service, done or withdrawn");
  }
  return Step(actor, id, to, core::FormatDateTime(clock_()));
}

core::Result<Match> MatchingService::Rate(const Actor& actor, std::int64_t id,
                                          const Rating& rating) {
  if (auto ok = CheckRating(rating); !ok) return ok.error();
  if (actor.org_id) return ForOfficers();
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Match> {
    MatchingRepo repo(tx.session());
    auto before = repo.FindMatch(scope, id);
    if (!before) return common::OutOfScope();
    if (!CanMove(before->status, MatchStatus::kRated) || !repo.Rate(id, rating, at)) {
      return IllegalMove(before->status, MatchStatus::kRated);
    }
    Match after = repo.FindMatch(scope, id).value();
    tx.Record({"rate", "match", std::to_string(id), AuditJson(*before), AuditJson(after), true,
               after.unit_id});
    return after;
  });
}

core::Result<Match> MatchingService::MakeProject(const Actor& actor, std::int64_t id) {
  if (actor.org_id) return ForOfficers();
  if (!actor.Can("project:project:create")) {
    return core::Error::Forbidden("making a project needs the right to create projects");
  }
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Match> {
    MatchingRepo repo(tx.session());
    auto before = repo.FindMatch(scope, id);
    if (!before) return common::OutOfScope();
    if (!Served(before->status)) {
      return core::Error::Conflict("only a match in service or served becomes a project");
    }
    if (before->project_id) {
      return core::Error::Conflict(
          fmt::format("project {} is made of this match already", *before->project_id));
    }
    const Demand demand = repo.FindDemand(scope, before->demand_id).value();
    const Resource resource = repo.FindPublicResource(before->resource_id).value();
    project::NewProject p;
    p.title = demand.title;
    p.category = demand.category;
    p.funding_unit_id = demand.unit_id;
    p.mode = "purchase";
    p.provider_org_ids = {resource.org_id};
    p.budget_fen = before->cost_fen;
    p.region_code = demand.region_code;
    p.start_on = std::max(demand.window_start, resource.window_start);
    p.end_on = std::min(demand.window_end, resource.window_end);
    if (demand.target_group) p.target_groups = {*demand.target_group};
    p.description = fmt::format("{}（{}）", resource.title, resource.org_name);
    auto created = project::ProjectService::CreateIn(tx, actor, p, at);
    if (!created) return created.error();
    if (!repo.LinkProject(id, created->id, at)) {
      return core::Error::Conflict("a project was made of this match meanwhile");
    }
    Match after = repo.FindMatch(scope, id).value();
    tx.Record({"make_project", "match", std::to_string(id), AuditJson(*before), AuditJson(after),
               true, after.unit_id});
    return after;
  });
}

core::Result<event::Event> MatchingService::MakeEvent(const Actor& actor, std::int64_t id,
                                                      const EventRequest& request) {
  if (actor.org_id) return ForOfficers();
  if (!actor.Can("event:event:edit")) {
    return core::Error::Forbidden("making an event needs the right to manage events");
  }
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<event::Event> {
    MatchingRepo repo(tx.session());
    auto before = repo.FindMatch(scope, id);
    if (!before) return common::OutOfScope();
    if (!Served(before->status)) {
      return core::Error::Conflict("only a match in service or served becomes an event");
    }
    if (before->event_id) {
      return core::Error::Conflict(
          fmt::format("event {} is made of this match already", *before->event_id));
    }
    const Demand demand = repo.FindDemand(scope, before->demand_id).value();
    auto created =
        event::EventService::CreateIn(tx, actor, EventOfMatch(*before, demand, request), at);
    if (!created) return created.error();
    if (!repo.LinkEvent(id, created->id, at)) {
      return core::Error::Conflict("an event was made of this match meanwhile");
    }
    Match after = repo.FindMatch(scope, id).value();
    tx.Record({"make_event", "match", std::to_string(id), AuditJson(*before), AuditJson(after),
               true, after.unit_id});
    return std::move(*created);
  });
}

core::Result<Match> MatchingService::GetMatch(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto match = MatchingRepo(session).FindMatch(account::ScopeOf(actor), id);
  if (!match) return common::OutOfScope();
  return std::move(*match);
}

account::Page<Match> MatchingService::ListMatches(const Actor& actor, const MatchFilter& filter,
                                                  const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  MatchingRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return {repo.ListMatches(filter, scope, page.page_size, page.Offset()),
          repo.CountMatches(filter, scope)};
}

}  // namespace lianyin::domain::matching
