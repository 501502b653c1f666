#pragma once
// Pure checks of the team area's inputs (no database): every bad field at once, as the API's
// 422 details. Whether named organisations and counties exist is checked by the service.

#include <cstddef>
#include <cstdint>

#include "core/error.hpp"
#include "domain/team/team.hpp"

namespace lianyin::domain::team {

inline constexpr std::size_t kMaxNameChars = 100;
inline constexpr std::size_t kMaxTitleChars = 200;
inline constexpr std::int64_t kMinYear = 2000;
inline constexpr std::int64_t kMaxYear = 2100;
inline constexpr std::int64_t kMaxMembers = 200;
inline constexpr std::int64_t kMaxCounties = 200;
// ¥10 bn per record: far above any real one, far below overflow when summed.
inline constexpr std::int64_t kMaxFen = 1'000'000'000'000;
inline constexpr std::int64_t kMaxCount = 100'000'000;

// name non-empty; domain a team_domain code; lead_org_id positive; at most kMaxMembers
// members and kMaxCounties counties, each code six digits.
core::Result<void> CheckNewTeam(const NewTeam& team);
// The present fields, as CheckNewTeam checks them.
core::Result<void> CheckTeamPatch(const TeamPatch& patch);
// year in [kMinYear, kMaxYear]; counts in [0, kMaxCount], funds in [0, kMaxFen].
core::Result<void> CheckPlan(const NewPlan& plan);
core::Result<void> CheckPlanPatch(const PlanPatch& patch);
// title non-empty; county code six digits; funds and beneficiaries non-negative and bounded;
// started_on a date in [kMinYear, kMaxYear].
core::Result<void> CheckHelpProject(const NewHelpProject& project);
// kind a consumption_kind code; amount positive and bounded; county code six digits; on a date
// in [kMinYear, kMaxYear].
core::Result<void> CheckConsumption(const NewConsumption& record);

}  // namespace lianyin::domain::team
