#pragma once
// The demo's excellent projects (SPEC §6, issue #9 point 8): two published selection rounds of
// 中华全国总工会 (第一批 2021, 第二批 2022) selecting 134 excellent projects across the eight
// service categories from the demo's accepted and closed projects, scored by five demo experts
// through the same use cases people use, and their booklets (PDF and XLSX) generated.

#include <string>

#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/account/user_service.hpp"
#include "domain/project/project_service.hpp"
#include "domain/selection/selection_service.hpp"

namespace lianyin::app {

struct DemoSelectionReport {
  int rounds = 0;
  int nominations = 0;
  int excellent = 0;
};

// Quotas per category of each batch; they sum to 134.
inline constexpr int kDemoExcellent = 134;

// Runs as `admin` (holding "*"); `organiser_unit_id` is 中华全国总工会; the experts (专家01…05,
// usernames demo.expert1…5) get `expert_password`. Deterministic.
core::Result<DemoSelectionReport> BuildDemoSelection(domain::account::UserService& users,
                                                     domain::project::ProjectService& projects,
                                                     domain::selection::SelectionService& selection,
                                                     const domain::account::Actor& admin,
                                                     std::int64_t organiser_unit_id,
                                                     const std::string& expert_password);

}  // namespace lianyin::app
