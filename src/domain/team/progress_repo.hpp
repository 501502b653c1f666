#pragma once
// The team area's aggregate SQL: planned against actual figures, always summed over rows of
// help_projects (one per project, whoever takes part), so a shared project counts once in
// every total. Each answer is one query per kind of record, never one per row.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/team/team.hpp"
#include "store/store.hpp"

namespace lianyin::domain::team {

class ProgressRepo {
 public:
  explicit ProgressRepo(store::Session& session) : session_(session) {}

  // The team's plan (summed over years when `year` is empty) and actual figures: help
  // projects started in the year, consumption dated in it. Three queries.
  Progress Of(std::int64_t team_id, std::optional<std::int64_t> year);
  // The same per year, ascending; three grouped queries.
  std::vector<YearRow> ByYear(std::int64_t team_id);
  // Actual figures per county: the paired counties first (zeros where nothing happened), then
  // any other county the team's records name; two grouped queries and the pairing.
  std::vector<CountyRow> ByCounty(std::int64_t team_id, std::optional<std::int64_t> year);
  // Each member's projects (in full) in the year; one grouped query.
  std::vector<MemberRow> ByMember(std::int64_t team_id, std::optional<std::int64_t> year);
  // The teams `scope` sees whose lead organisation's region `region_code` covers (every team
  // without it), by id, each with its progress in `year`; one query.
  std::vector<OverviewRow> Overview(const common::Scope& scope,
                                    const std::optional<std::string>& region_code,
                                    std::optional<std::int64_t> year);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::team
