#pragma once
// The demo's purchased-service projects (SPEC §6): exactly kDemoProjects projects contracted in
// 2018–2022, spread over the union bodies that fund them and the eight service categories,
// whose contracts sum to kDemoContractFen and whose outputs sum to kDemoPersonTimes
// person-times. Planned by integer arithmetic and a fixed-seed sequence, so that the same
// funders (in the same order) give the same projects, byte for byte; imported in one go through
// ProjectService::ImportHistorical.

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/project/project.hpp"
#include "domain/project/project_service.hpp"

namespace lianyin::app {

inline constexpr std::int64_t kDemoProjects = 9'592;
inline constexpr std::int64_t kDemoContractFen = 146'400'000'000;  // ¥1.464 bn
inline constexpr std::int64_t kDemoPersonTimes = 39'176'400;
// The figures stand as of the end of this year: every date is in it or before it.
inline constexpr int kDemoFirstYear = 2018;
inline constexpr int kDemoLastYear = 2022;

// A region projects run in, named in their titles, with the organisations that may provide them
// there (registered demo organisations, not on a credit list).
struct DemoPlace {
  std::string region_code;
  std::string name;  // "西安市"
  std::vector<std::int64_t> provider_ids;
  std::vector<std::string> provider_names;  // parallel to provider_ids
};

// A union body funding projects in its places; `weight` is its relative share of the projects.
struct DemoFunder {
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::int64_t weight = 1;
  std::vector<DemoPlace> places;  // none: it funds nothing
};

// The figures the plan apportions: the demo's are the news page's (SPEC §6); the benchmark
// scales them. `person_times` must be at least 8 per project.
struct DemoTotals {
  std::int64_t projects = kDemoProjects;
  std::int64_t contract_fen = kDemoContractFen;  // a multiple of ¥100 (10 000 fen)
  std::int64_t person_times = kDemoPersonTimes;
};

// The projects, oldest contract first. Every funder with places gets its share (largest
// remainder: the counts sum to totals.projects exactly), then the contracts are apportioned
// from totals.contract_fen (whole hundreds of yuan) and the person-times from
// totals.person_times, each project's over its 1–8 outputs. Statuses follow the dates: ended by
// mid-2022 mostly closed, ended later in 2022 accepted or closed, running past 2022 in progress
// (or, signed in its last quarter, contracted). Spending stays within the contract. Pure.
std::vector<domain::project::HistoricalProject> PlanDemoProjects(
    const std::vector<DemoFunder>& funders, const DemoTotals& totals = {});

// Plans the projects and imports them as `admin`, in transactions of at most
// kDemoImportChunk projects (the demo's fit in one).
inline constexpr std::size_t kDemoImportChunk = 10'000;
core::Result<domain::project::ImportSummary> BuildDemoProjects(
    domain::project::ProjectService& projects, const domain::account::Actor& admin,
    const std::vector<DemoFunder>& funders, const DemoTotals& totals = {});

}  // namespace lianyin::app
