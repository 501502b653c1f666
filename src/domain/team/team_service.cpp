// TeamService: teams and their plans.

#include "domain/team/team_service.hpp"

#include "domain/account/scope.hpp"
#include "domain/team/team_audit.hpp"
#include "domain/team/team_checks.hpp"
#include "domain/team/team_repo.hpp"
#include "domain/team/team_rules.hpp"

namespace lianyin::domain::team {
namespace {

using account::Actor;

// The stored values with `patch` applied.
NewTeam Patched(const Team& team, const TeamPatch& patch) {
  NewTeam out{patch.name.value_or(team.name),
              patch.domain.value_or(team.domain),
              patch.lead_org_id.value_or(team.lead_org_id),
              {},
              {}};
  if (patch.member_org_ids) {
    out.member_org_ids = *patch.member_org_ids;
  } else {
    for (const Member& m : team.members) {
      if (!m.lead) out.member_org_ids.push_back(m.org_id);
    }
    // A new lead keeps the old one as an ordinary member.
    if (out.lead_org_id != team.lead_org_id) out.member_org_ids.push_back(team.lead_org_id);
  }
  if (patch.county_codes) {
    out.county_codes = *patch.county_codes;
  } else {
    for (const County& c : team.counties) out.county_codes.push_back(c.code);
  }
  return out;
}

}  // namespace

core::Result<Team> TeamService::Create(const Actor& actor, const NewTeam& input) {
  if (auto ok = CheckNewTeam(input); !ok) return ok.error();
  const std::string now = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Team> {
    TeamRepo repo(tx.session());
    if (auto ok = CheckOrgsExist(repo, input.lead_org_id, input.member_org_ids); !ok) {
      return ok.error();
    }
    if (auto ok = CheckCountiesExist(repo, "county_codes", input.county_codes); !ok) {
      return ok.error();
    }
    const std::int64_t id = repo.Insert(input, actor.unit_id, actor.user_id, now);
    repo.ReplaceMembers(id, input.lead_org_id, input.member_org_ids);
    repo.ReplaceCounties(id, input.county_codes);
    Team created = repo.FindInScope(scope, id).value();
    tx.Record(TeamChange("create", "team", id, created, nullptr, AuditJson(created)));
    return created;
  });
}

core::Result<Team> TeamService::Update(const Actor& actor, std::int64_t id,
                                       const TeamPatch& patch) {
  if (auto ok = CheckTeamPatch(patch); !ok) return ok.error();
  const std::string now = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Team> {
    TeamRepo repo(tx.session());
    if (!repo.FindInScope(scope, id)) return account::OutOfScope();
    repo.Lock(id);
    auto before = repo.FindInScope(scope, id);  // as of the lock: the audit's before
    if (!before) return account::OutOfScope();
    if (auto ok = CheckOrgsExist(repo, patch.lead_org_id,
                                 patch.member_org_ids.value_or(std::vector<std::int64_t>{}));
        !ok) {
      return ok.error();
    }
    if (patch.county_codes) {
      if (auto ok = CheckCountiesExist(repo, "county_codes", *patch.county_codes); !ok) {
        return ok.error();
      }
    }
    const NewTeam next = Patched(*before, patch);
    repo.Update(id, next.name, next.domain, next.lead_org_id, now);
    repo.ReplaceMembers(id, next.lead_org_id, next.member_org_ids);
    repo.ReplaceCounties(id, next.county_codes);
    Team after = repo.FindInScope(scope, id).value();
    tx.Record(TeamChange("update", "team", id, after, AuditJson(*before), AuditJson(after)));
    return after;
  });
}

core::Result<Team> TeamService::Get(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto team = TeamRepo(session).FindInScope(account::ScopeOf(actor), id);
  if (!team) return account::OutOfScope();
  return std::move(*team);
}

account::Page<Team> TeamService::List(const Actor& actor, const TeamFilter& filter,
                                      const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  TeamRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return {repo.List(filter, scope, page.page_size, page.Offset()), repo.Count(filter, scope)};
}

core::Result<Plan> TeamService::CreatePlan(const Actor& actor, std::int64_t team_id,
                                           const NewPlan& plan) {
  if (auto ok = CheckPlan(plan); !ok) return ok.error();
  const std::string now = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Plan> {
    TeamRepo repo(tx.session());
    auto team = repo.FindInScope(scope, team_id);
    if (!team) return account::OutOfScope();
    auto id = repo.InsertPlan(team_id, plan, now);
    if (!id) {
      core::Error e = core::Error::Conflict("the team already has a plan for this year");
      e.details.push_back({"year", "the team already has a plan for this year", {}});
      return e;
    }
    Plan created = repo.FindPlan(team_id, plan.year).value();
    tx.Record(TeamChange("create", "team_plan", *id, *team, nullptr, AuditJson(created)));
    return created;
  });
}

core::Result<Plan> TeamService::UpdatePlan(const Actor& actor, std::int64_t team_id,
                                           std::int64_t year, const PlanPatch& patch) {
  if (auto ok = CheckPlanPatch(patch); !ok) return ok.error();
  const std::string now = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Plan> {
    TeamRepo repo(tx.session());
    auto team = repo.FindInScope(scope, team_id);
    if (!team) return account::OutOfScope();
    auto before = repo.FindPlan(team_id, year);
    if (!before) return core::Error::NotFound();
    Plan next = *before;
    next.projects_planned = patch.projects_planned.value_or(before->projects_planned);
    next.funds_planned_fen = patch.funds_planned_fen.value_or(before->funds_planned_fen);
    repo.UpdatePlan(next, now);
    Plan after = repo.FindPlan(team_id, year).value();
    tx.Record(
        TeamChange("update", "team_plan", after.id, *team, AuditJson(*before), AuditJson(after)));
    return after;
  });
}

core::Result<std::vector<Plan>> TeamService::Plans(const Actor& actor, std::int64_t team_id) {
  store::Session session = writer_.db().Acquire();
  TeamRepo repo(session);
  if (!repo.FindInScope(account::ScopeOf(actor), team_id)) return account::OutOfScope();
  return repo.Plans(team_id);
}

}  // namespace lianyin::domain::team
