#pragma once
// The team area's SQL for teams, their members, paired counties and plans (help projects,
// consumption and the progress figures are in help_repo.hpp / progress_repo.hpp).

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/team/team.hpp"
#include "store/store.hpp"

namespace lianyin::domain::team {

// Teams (alias t) are owned by the creator's unit; an org member sees the teams its
// organisation leads or belongs to (a probe of team_members' (team_id, org_id) key).
inline constexpr common::Ownership kTeamRows{
    "t.unit_id",
    {},
    {},
    false,
    "EXISTS (SELECT 1 FROM team_members om WHERE om.team_id = t.id AND om.org_id = ?)"};

// An organisation as a team needs it.
struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string region_code;
};

class TeamRepo {
 public:
  explicit TeamRepo(store::Session& session) : session_(session) {}

  // The published organisations among `ids`, by id (one query per 500 ids). Organisations are
  // public registry data (SPEC §1), so this read is unscoped.
  std::map<std::int64_t, OrgRef> FindPublicOrgs(const std::vector<std::int64_t>& ids);
  // The county-level (level 3) region codes among `codes`.
  std::set<std::string> KnownCounties(const std::vector<std::string>& codes);

  std::int64_t Insert(const NewTeam& team, std::int64_t unit_id, std::int64_t by_user,
                      std::string_view now);
  // Takes the team's row lock (PostgreSQL; SQLite's write lock is held already) so that changes
  // of one team, which replace its member and county rows, run one after the other.
  void Lock(std::int64_t id);
  // Sets name, domain and lead from `team` (the id's row), stamping updated_at.
  void Update(std::int64_t id, const std::string& name, const std::string& domain,
              std::int64_t lead_org_id, std::string_view now);
  // Replaces the members: `lead` (flagged) and `others` (the lead among them is skipped).
  void ReplaceMembers(std::int64_t team_id, std::int64_t lead,
                      const std::vector<std::int64_t>& others);
  void ReplaceCounties(std::int64_t team_id, const std::vector<std::string>& codes);

  // The team with its members and counties when `scope` sees it (three queries).
  std::optional<Team> FindInScope(const common::Scope& scope, std::int64_t id);
  // One page of the teams `scope` sees, by id, with their members and counties (three queries
  // for the page), and how many match in all.
  std::vector<Team> List(const TeamFilter& filter, const common::Scope& scope, std::int64_t limit,
                         std::int64_t offset);
  std::int64_t Count(const TeamFilter& filter, const common::Scope& scope);

  // A new plan, or nullopt when the team has one for that year (the unique key decides).
  std::optional<std::int64_t> InsertPlan(std::int64_t team_id, const NewPlan& plan,
                                         std::string_view now);
  std::optional<Plan> FindPlan(std::int64_t team_id, std::int64_t year);
  void UpdatePlan(const Plan& plan, std::string_view now);
  std::vector<Plan> Plans(std::int64_t team_id);

 private:
  struct Query {
    std::string from_where;
    std::vector<store::Value> params;
  };
  Query Where(const TeamFilter& filter, const common::Scope& scope) const;
  // Fills members and counties of `teams` (two queries per 500 teams).
  void Complete(std::vector<Team>& teams);
  store::Session& session_;
};

}  // namespace lianyin::domain::team
