#pragma once
// Use cases of rural-revitalisation teams (SPEC §4; issue #13 point 1). Every change runs in
// one short write transaction (common::Writer) with its Change (audit), owned by the team's
// unit — the creator's (SPEC §1).
//
// Scope: a team is seen and changed by its unit's subtree; an org member reads the teams its
// organisation leads or belongs to (its role has no edit permission); anything else answers
// 404, like a missing id. Help projects, plans and consumption are reached through their team.
// Organisations are public registry data: any published organisation may be a member.
//
// Counting: a help project is one record whoever takes part, so every total (progress,
// by-year, by-county, overview) counts it once; by-member attributes it to each participant
// in full, and says so beside the team total.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/writer.hpp"
#include "domain/team/team.hpp"

namespace lianyin::domain::team {

class TeamService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit TeamService(common::Writer& writer, Clock clock = core::Now)
      : writer_(writer), clock_(std::move(clock)) {}

  // 422 on fields (CheckNewTeam), an unknown lead (lead_org_id) or member (member_org_ids)
  // organisation, or an unknown county (county_codes).
  core::Result<Team> Create(const account::Actor& actor, const NewTeam& team);
  // The same checks on the present fields; 404 outside scope.
  core::Result<Team> Update(const account::Actor& actor, std::int64_t id, const TeamPatch& patch);
  core::Result<Team> Get(const account::Actor& actor, std::int64_t id);
  // One page by id (one query, two more for members and counties) and the total.
  account::Page<Team> List(const account::Actor& actor, const TeamFilter& filter,
                           const account::PageRequest& page);

  // One plan per year: 409 when the team has one (exact under concurrency: a unique key).
  core::Result<Plan> CreatePlan(const account::Actor& actor, std::int64_t team_id,
                                const NewPlan& plan);
  // Corrects an existing plan; 404 when the team has none for that year.
  core::Result<Plan> UpdatePlan(const account::Actor& actor, std::int64_t team_id,
                                std::int64_t year, const PlanPatch& patch);
  core::Result<std::vector<Plan>> Plans(const account::Actor& actor, std::int64_t team_id);

  // member_org_ids must be the team's members (422 member_org_ids); empty → the lead.
  core::Result<HelpProject> CreateHelpProject(const account::Actor& actor, std::int64_t team_id,
                                              const NewHelpProject& project);
  core::Result<HelpProject> UpdateHelpProject(const account::Actor& actor, std::int64_t team_id,
                                              std::int64_t id, const HelpProjectPatch& patch);
  core::Result<HelpProject> GetHelpProject(const account::Actor& actor, std::int64_t team_id,
                                           std::int64_t id);
  core::Result<account::Page<HelpProject>> ListHelpProjects(const account::Actor& actor,
                                                            std::int64_t team_id,
                                                            const PartFilter& filter,
                                                            const account::PageRequest& page);
  // The help projects the organisation takes part in, of the teams the actor sees; 404 for an
  // unknown organisation.
  core::Result<account::Page<HelpProject>> OrgHelpProjects(const account::Actor& actor,
                                                           std::int64_t org_id,
                                                           const account::PageRequest& page);

  core::Result<Consumption> AddConsumption(const account::Actor& actor, std::int64_t team_id,
                                           const NewConsumption& record);
  core::Result<account::Page<Consumption>> ListConsumption(const account::Actor& actor,
                                                           std::int64_t team_id,
                                                           const PartFilter& filter,
                                                           const account::PageRequest& page);

  // Plan against actual in `year` (every year when empty); 404 outside scope.
  core::Result<Progress> GetProgress(const account::Actor& actor, std::int64_t team_id,
                                     std::optional<std::int64_t> year);
  core::Result<std::vector<YearRow>> ProgressByYear(const account::Actor& actor,
                                                    std::int64_t team_id);
  core::Result<CountyProgress> ProgressByCounty(const account::Actor& actor, std::int64_t team_id,
                                                std::optional<std::int64_t> year);
  core::Result<MemberProgress> ProgressByMember(const account::Actor& actor, std::int64_t team_id,
                                                std::optional<std::int64_t> year);
  // 万社助万家: the teams in scope whose lead organisation `region_code` covers, side by side,
  // and their total (each project counted once). 422 region_code for an unknown region.
  core::Result<Overview> GetOverview(const account::Actor& actor,
                                     const std::optional<std::string>& region_code,
                                     std::optional<std::int64_t> year);

 private:
  common::Writer& writer_;
  Clock clock_;
};

}  // namespace lianyin::domain::team
