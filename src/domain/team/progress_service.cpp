// TeamService: plan against actual (the reads of progress_repo.hpp).

#include "domain/account/scope.hpp"
#include "domain/region/region_repo.hpp"
#include "domain/team/progress_repo.hpp"
#include "domain/team/team_repo.hpp"
#include "domain/team/team_service.hpp"

namespace lianyin::domain::team {

using account::Actor;

core::Result<Progress> TeamService::GetProgress(const Actor& actor, std::int64_t team_id,
                                                std::optional<std::int64_t> year) {
  store::Session session = writer_.db().Acquire();
  if (!TeamRepo(session).FindInScope(account::ScopeOf(actor), team_id)) {
    return account::OutOfScope();
  }
  return ProgressRepo(session).Of(team_id, year);
}

core::Result<std::vector<YearRow>> TeamService::ProgressByYear(const Actor& actor,
                                                               std::int64_t team_id) {
  store::Session session = writer_.db().Acquire();
  if (!TeamRepo(session).FindInScope(account::ScopeOf(actor), team_id)) {
    return account::OutOfScope();
  }
  return ProgressRepo(session).ByYear(team_id);
}

core::Result<CountyProgress> TeamService::ProgressByCounty(const Actor& actor, std::int64_t team_id,
                                                           std::optional<std::int64_t> year) {
  store::Session session = writer_.db().Acquire();
  if (!TeamRepo(session).FindInScope(account::ScopeOf(actor), team_id)) {
    return account::OutOfScope();
  }
  ProgressRepo repo(session);
  const Progress team = repo.Of(team_id, year);
  return CountyProgress{team.planned, repo.ByCounty(team_id, year), team.actual};
}

core::Result<MemberProgress> TeamService::ProgressByMember(const Actor& actor, std::int64_t team_id,
                                                           std::optional<std::int64_t> year) {
  store::Session session = writer_.db().Acquire();
  if (!TeamRepo(session).FindInScope(account::ScopeOf(actor), team_id)) {
    return account::OutOfScope();
  }
  ProgressRepo repo(session);
  return MemberProgress{repo.ByMember(team_id, year), repo.Of(team_id, year)};
}

core::Result<Overview> TeamService::GetOverview(const Actor& actor,
                                                const std::optional<std::string>& region_code,
                                                std::optional<std::int64_t> year) {
  store::Session session = writer_.db().Acquire();
  if (region_code && !region::RegionRepo(session).Find(*region_code)) {
    return core::Error::Invalid("region_code", "no such region");
  }
  Overview out;
  out.rows = ProgressRepo(session).Overview(account::ScopeOf(actor), region_code, year);
  // Each project belongs to one team, so the teams' figures add up to the distinct total.
  for (const OverviewRow& row : out.rows) {
    out.total.planned.projects += row.progress.planned.projects;
    out.total.planned.funds_fen += row.progress.planned.funds_fen;
    out.total.actual.Add(row.progress.actual);
  }
  return out;
}

}  // namespace lianyin::domain::team
