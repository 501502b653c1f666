#pragma once
// The team area's SQL for help projects (帮扶项目) with their member organisations, and
// consumption records (消费帮扶). Callers have checked the team is in scope.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/team/team.hpp"
#include "store/store.hpp"

namespace lianyin::domain::team {

class HelpRepo {
 public:
  explicit HelpRepo(store::Session& session) : session_(session) {}

  std::int64_t Insert(std::int64_t team_id, const NewHelpProject& project, std::int64_t by_user,
                      std::string_view now);
  // Takes the project's row lock (as TeamRepo::Lock): its participant rows are replaced.
  void Lock(std::int64_t id);
  // Sets the stored fields from `project` (its id's row), stamping updated_at.
  void Update(const HelpProject& project, std::string_view now);
  // Replaces the organisations taking part (duplicates ignored).
  void ReplaceMembers(std::int64_t project_id, const std::vector<std::int64_t>& org_ids);
  // The team's project `id` with its members (two queries), or nullopt.
  std::optional<HelpProject> Find(std::int64_t team_id, std::int64_t id);
  // One page of the team's projects matching `filter`, by started_on then id, with members.
  std::vector<HelpProject> List(std::int64_t team_id, const PartFilter& filter, std::int64_t limit,
                                std::int64_t offset);
  std::int64_t Count(std::int64_t team_id, const PartFilter& filter);
  // One page of the projects `org_id` takes part in, of the teams `scope` sees (newest first),
  // and how many in all.
  std::vector<HelpProject> OfOrg(const common::Scope& scope, std::int64_t org_id,
                                 std::int64_t limit, std::int64_t offset);
  std::int64_t CountOfOrg(const common::Scope& scope, std::int64_t org_id);

  std::int64_t InsertConsumption(std::int64_t team_id, const NewConsumption& record,
                                 std::int64_t by_user, std::string_view now);
  std::optional<Consumption> FindConsumption(std::int64_t id);
  std::vector<Consumption> Consumptions(std::int64_t team_id, const PartFilter& filter,
                                        std::int64_t limit, std::int64_t offset);
  std::int64_t CountConsumptions(std::int64_t team_id, const PartFilter& filter);

 private:
  // Fills the members of `projects` (one query per 500).
  void Complete(std::vector<HelpProject>& projects);
  store::Session& session_;
};

// " AND <column> BETWEEN 'Y-01-01' AND 'Y-12-31'" for a year filter on a YYYY-MM-DD column, with
// its parameters appended to `params`; nothing without a year.
std::string YearClause(std::string_view column, std::optional<std::int64_t> year,
                       std::vector<store::Value>& params);

}  // namespace lianyin::domain::team
