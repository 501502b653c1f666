#pragma once
// Pure checks and figures of the inspection area.

#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "domain/inspection/inspection.hpp"

namespace lianyin::domain::inspection {

inline constexpr std::size_t kMaxNameChars = 200;
inline constexpr std::size_t kMaxFindingsChars = 4000;
inline constexpr std::int64_t kMaxSampleSize = 100000;
inline constexpr std::int64_t kMaxTeamSize = 20;
inline constexpr std::size_t kMaxPlanConflicts = 10000;

// Every field error of a new plan at once (422): a name, 1 ≤ sample_size ≤ kMaxSampleSize,
// 1 ≤ inspectors_per_team ≤ kMaxTeamSize, a known org_type and category, a six-digit
// region_code, valid USCCs in conflicts (upper-cased in place). Whether the pools are large
// enough is the draw's question (SPEC §5.2), not the plan's.
core::Result<NewPlan> CheckNewPlan(NewPlan plan);

// 民发〔2017〕45号's sampling rate for a region level (0 nation / the ministry 10 %, 1 province
// 5 %, 2 city 4 %, 3 county 3 %), and ceil(rate × pool_size).
SamplingHint HintFor(int region_level, std::int64_t pool_size);

// A result recorded by an inspector: a known result code, findings within kMaxFindingsChars, and
// findings required unless nothing was found (no_issue).
core::Result<void> CheckResult(const std::string& result, const std::string& findings);

// The plan's conflicts merged with the standing declarations: sorted by (inspector_id, uscc),
// duplicates once.
std::vector<Conflict> MergeConflicts(std::vector<Conflict> plan, std::vector<Conflict> standing);

}  // namespace lianyin::domain::inspection
