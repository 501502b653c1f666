// TeamService: help projects and consumption records.

#include <algorithm>

#include "domain/account/scope.hpp"
#include "domain/team/help_repo.hpp"
#include "domain/team/team_audit.hpp"
#include "domain/team/team_checks.hpp"
#include "domain/team/team_repo.hpp"
#include "domain/team/team_rules.hpp"
#include "domain/team/team_service.hpp"

namespace lianyin::domain::team {
namespace {

using account::Actor;

// `ids` (empty: the lead alone) when every one is a member of `team`; else 422 naming the field.
core::Result<std::vector<std::int64_t>> Participants(const Team& team,
                                                     const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return std::vector<std::int64_t>{team.lead_org_id};
  for (std::int64_t id : ids) {
    const auto same = [id](const Member& m) { return m.org_id == id; };
    if (std::ranges::none_of(team.members, same)) {
      return core::Error::Invalid("member_org_ids", "must be members of the team");
    }
  }
  return ids;
}

// The stored project with `patch` applied, as a NewHelpProject to check.
NewHelpProject Patched(const HelpProject& p, const HelpProjectPatch& patch) {
  NewHelpProject out{
      patch.title.value_or(p.title),           patch.county_code.value_or(p.county_code),
      patch.funds_fen.value_or(p.funds_fen),   patch.beneficiaries.value_or(p.beneficiaries),
      patch.started_on.value_or(p.started_on), {}};
  if (patch.member_org_ids) {
    out.member_org_ids = *patch.member_org_ids;
  } else {
    for (const Member& m : p.members) out.member_org_ids.push_back(m.org_id);
  }
  return out;
}

}  // namespace

core::Result<HelpProject> TeamService::CreateHelpProject(const Actor& actor, std::int64_t team_id,
                                                         const NewHelpProject& input) {
  if (auto ok = CheckHelpProject(input); !ok) return ok.error();
  const std::string now = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<HelpProject> {
    TeamRepo teams(tx.session());
    auto team = teams.FindInScope(scope, team_id);
    if (!team) return account::OutOfScope();
    auto members = Participants(*team, input.member_org_ids);
    if (!members) return members.error();
    if (auto ok = CheckCountiesExist(teams, "county_code", {input.county_code}); !ok) {
      return ok.error();
    }
    HelpRepo repo(tx.session());
    const std::int64_t id = repo.Insert(team_id, input, actor.user_id, now);
    repo.ReplaceMembers(id, *members);
    HelpProject created = repo.Find(team_id, id).value();
    tx.Record(TeamChange("create", "help_project", id, *team, nullptr, AuditJson(created)));
    return created;
  });
}

core::Result<HelpProject> TeamService::UpdateHelpProject(const Actor& actor, std::int64_t team_id,
                                                         std::int64_t id,
                                                         const HelpProjectPatch& patch) {
  const std::string now = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<HelpProject> {
    TeamRepo teams(tx.session());
    auto team = teams.FindInScope(scope, team_id);
    if (!team) return account::OutOfScope();
    HelpRepo repo(tx.session());
    if (!repo.Find(team_id, id)) return core::Error::NotFound();
    repo.Lock(id);
    auto before = repo.Find(team_id, id);  // as of the lock
    if (!before) return core::Error::NotFound();
    const NewHelpProject next = Patched(*before, patch);
    if (auto ok = CheckHelpProject(next); !ok) return ok.error();
    auto members = Participants(*team, next.member_org_ids);
    if (!members) return members.error();
    if (auto ok = CheckCountiesExist(teams, "county_code", {next.county_code}); !ok) {
      return ok.error();
    }
    HelpProject stored = *before;
    stored.title = next.title;
    stored.county_code = next.county_code;
    stored.funds_fen = next.funds_fen;
    stored.beneficiaries = next.beneficiaries;
    stored.started_on = next.started_on;
    repo.Update(stored, now);
    if (patch.member_org_ids) repo.ReplaceMembers(id, *members);
    HelpProject after = repo.Find(team_id, id).value();
    tx.Record(
        TeamChange("update", "help_project", id, *team, AuditJson(*before), AuditJson(after)));
    return after;
  });
}

core::Result<HelpProject> TeamService::GetHelpProject(const Actor& actor, std::int64_t team_id,
                                                      std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  if (!TeamRepo(session).FindInScope(account::ScopeOf(actor), team_id)) {
    return account::OutOfScope();
  }
  auto found = HelpRepo(session).Find(team_id, id);
  if (!found) return core::Error::NotFound();
  return std::move(*found);
}

core::Result<account::Page<HelpProject>> TeamService::ListHelpProjects(
    const Actor& actor, std::int64_t team_id, const PartFilter& filter,
    const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  if (!TeamRepo(session).FindInScope(account::ScopeOf(actor), team_id)) {
    return account::OutOfScope();
  }
  HelpRepo repo(session);
  return account::Page<HelpProject>{repo.List(team_id, filter, page.page_size, page.Offset()),
                                    repo.Count(team_id, filter)};
}

core::Result<account::Page<HelpProject>> TeamService::OrgHelpProjects(
    const Actor& actor, std::int64_t org_id, const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  if (TeamRepo(session).FindPublicOrgs({org_id}).empty()) return core::Error::NotFound();
  HelpRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return account::Page<HelpProject>{repo.OfOrg(scope, org_id, page.page_size, page.Offset()),
                                    repo.CountOfOrg(scope, org_id)};
}

core::Result<Consumption> TeamService::AddConsumption(const Actor& actor, std::int64_t team_id,
                                                      const NewConsumption& input) {
  if (auto ok = CheckConsumption(input); !ok) return ok.error();
  const std::string now = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Consumption> {
    TeamRepo teams(tx.session());
    auto team = teams.FindInScope(scope, team_id);
    if (!team) return account::OutOfScope();
    if (auto ok = CheckCountiesExist(teams, "county_code", {input.county_code}); !ok) {
      return ok.error();
    }
    HelpRepo repo(tx.session());
    const std::int64_t id = repo.InsertConsumption(team_id, input, actor.user_id, now);
    Consumption created = repo.FindConsumption(id).value();
    tx.Record(TeamChange("create", "team_consumption", id, *team, nullptr, AuditJson(created)));
    return created;
  });
}

core::Result<account::Page<Consumption>> TeamService::ListConsumption(
    const Actor& actor, std::int64_t team_id, const PartFilter& filter,
    const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  if (!TeamRepo(session).FindInScope(account::ScopeOf(actor), team_id)) {
    return account::OutOfScope();
  }
  HelpRepo repo(session);
  return account::Page<Consumption>{
      repo.Consumptions(team_id, filter, page.page_size, page.Offset()),
      repo.CountConsumptions(team_id, filter)};
}

}  // namespace lianyin::domain::team
