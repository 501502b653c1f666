#pragma once
// Double-random inspections (双随机抽查, SPEC §4 "Supervision", §5.2): plans with frozen pools
// and a seed commitment, the draw (draw.hpp), the teams' results and their publication, and the
// users' standing conflict declarations (回避声明). Plain types; the codes are the data
// dictionary's (inspection_status, inspection_result).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/inspection/draw.hpp"

namespace lianyin::domain::inspection {

// planned (pools frozen, seed committed) → drawn (seed revealed, teams assigned) → published
// (results on the public page).
const std::vector<std::string>& PlanStatusNames();
// no_issue 未发现问题, rectify 责令整改, case_opened 立案查处, unreachable 通过登记的住所无法联系.
const std::vector<std::string>& ResultNames();
bool IsResult(std::string_view code);

// Which organisations a plan draws from; absent members do not filter. region_code covers the
// organisation's region; category is one of its service categories.
struct OrgFilter {
  std::optional<std::string> region_code;
  std::optional<std::string> org_type;
  std::optional<std::string> category;
};

// POST /inspections/plans.
struct NewPlan {
  std::string name;
  std::int64_t sample_size = 0;
  std::int64_t inspectors_per_team = 0;
  OrgFilter org_filter;
  std::int64_t inspector_unit_id = 0;
  std::vector<Conflict> conflicts;
};

// The sampling rate of 民发〔2017〕45号 for the level of the planning unit's region.
struct SamplingHint {
  std::string level;                       // nation, province, city, county (the region's level)
  std::int64_t percent = 0;                // 10, 5, 4, 3
  std::int64_t suggested_sample_size = 0;  // ceil(percent % of the organisation pool)
};

// One drawn organisation with its team and result (null until recorded).
struct Outcome {
  std::int64_t position = 0;  // 1-based place in the draw
  std::string uscc;
  std::optional<std::int64_t> org_id;
  std::string org_name;
  std::vector<std::int64_t> inspector_ids;
  std::vector<std::string> inspector_names;  // beside inspector_ids
  std::optional<std::string> result;
  std::string findings;
  std::optional<std::int64_t> recorded_by_user_id;
  std::optional<std::string> recorded_at;
};

struct Plan {
  std::int64_t id = 0;
  std::string name;
  std::int64_t unit_id = 0;  // the owner: the creator's unit
  std::string unit_name;
  std::string unit_region_code;
  std::int64_t created_by_user_id = 0;
  std::int64_t inspector_unit_id = 0;
  std::string inspector_unit_name;
  std::int64_t sample_size = 0;
  std::int64_t inspectors_per_team = 0;
  OrgFilter org_filter;
  std::vector<std::string> org_pool;         // USCCs ascending
  std::vector<std::int64_t> inspector_pool;  // user ids ascending
  std::vector<Conflict> conflicts;           // by (inspector_id, uscc)
  std::int64_t org_pool_size = 0;
  std::int64_t inspector_pool_size = 0;
  std::string seed_commitment;
  std::optional<std::string> seed;    // hex; only once drawn
  std::vector<Selection> selections;  // draw order; empty while planned
  std::string status;
  std::optional<std::string> drawn_at;
  std::optional<std::string> published_at;
  std::string created_at;
  std::string updated_at;
};

// A plan with what its page shows beside it.
struct PlanDetail {
  Plan plan;
  SamplingHint hint;
  std::vector<Outcome> outcomes;  // once drawn, in draw order
};

// GET /inspections/plans filters.
struct PlanFilter {
  std::optional<std::string> status;
  std::optional<std::string> q;  // part of the name
};

// An inspector's assignment: one organisation of one drawn plan (待检查 while result is null).
struct Assignment {
  std::int64_t plan_id = 0;
  std::string plan_name;
  std::string plan_status;
  Outcome outcome;
};

// A standing declaration (user_conflicts).
struct UserConflict {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string uscc;
  std::string org_name;  // when the registry knows the USCC
  std::int64_t created_by_user_id = 0;
  std::string created_at;
};

// What the public draw page (GET /api/public/inspections/{id}) answers, results only once
// published.
struct PublicDraw {
  Plan plan;
  std::vector<Outcome> outcomes;  // names and results; empty unless published
};

}  // namespace lianyin::domain::inspection
