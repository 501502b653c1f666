#pragma once
// Excellent-project selection (优秀项目评选, issue #9 point 5): rounds with quotas per service
// category and a scoring rubric, nominations of accepted projects, experts assigned without
// conflicts, their scores, the ranking and the public showcase. Plain types; the codes are the
// data dictionary's (selection_status).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::selection {

enum class RoundStatus { kDraft, kNominating, kScoring, kPublished };
std::string_view RoundStatusName(RoundStatus status);  // "draft", "nominating", ...
std::optional<RoundStatus> ParseRoundStatus(std::string_view name);
const std::vector<std::string>& RoundStatusNames();

// One criterion of the rubric (评分细则): integer points 0..max_score.
struct Criterion {
  std::string code;
  std::string name;
  int max_score = 0;
};

struct Quota {
  std::string category;  // service_category
  int quota = 0;
  int nominated = 0;  // nominations so far (reads only)
};

struct Round {
  std::int64_t id = 0;
  std::string title;
  int year = 0;
  int batch = 1;
  std::int64_t unit_id = 0;  // the organiser (owner)
  std::string unit_name;
  RoundStatus status = RoundStatus::kDraft;
  int experts_per_project = 3;
  std::vector<Criterion> rubric;
  std::vector<Quota> quotas;
  std::optional<std::string> published_on;
  std::int64_t nominations = 0;
  std::int64_t excellent = 0;
  bool managed = false;  // the reader's scope holds the organiser (it may change the round)
  std::string created_at;
  std::string updated_at;

  int MaxTotal() const;
  std::optional<int> QuotaOf(std::string_view category) const;
};

// POST /selection-rounds (and PATCH while a draft: every member).
struct NewRound {
  std::string title;
  int year = 0;
  int batch = 1;
  int experts_per_project = 3;
  std::vector<Criterion> rubric;
  std::vector<Quota> quotas;
};

struct Nomination {
  std::int64_t id = 0;
  std::int64_t round_id = 0;
  std::int64_t project_id = 0;
  std::string project_title;
  std::string category;
  std::int64_t unit_id = 0;  // the nominating unit
  std::string unit_name;
  std::int64_t funding_unit_id = 0;
  std::string funding_unit_name;
  std::vector<std::string> providers;  // names, in order
  std::string region_code;
  std::string region_name;
  std::optional<std::string> contracted_on;
  std::int64_t contract_fen = 0;
  std::int64_t person_times = 0;
  std::vector<std::string> target_groups;
  std::string story;
  std::optional<std::int64_t> score_tenths;
  std::optional<int> rank;
  bool excellent = false;
  int experts = 0;  // assigned
  int scored = 0;   // of which scored
  std::string created_at;
};

// One expert's assignment, with the nomination it is for (the expert's scoring page).
struct Assignment {
  std::int64_t nomination_id = 0;
  std::int64_t round_id = 0;
  std::int64_t expert_user_id = 0;
  std::string expert_name;
  std::optional<std::string> scores;  // JSON {"code": points}
  std::optional<std::int64_t> total;
  std::optional<std::string> scored_at;
};

// A candidate expert: a user with the expert role in the organiser's subtree.
struct Expert {
  std::int64_t user_id = 0;
  std::string name;
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> org_id;
};

// What a nomination's experts must not be tied to: the funding and nominating units and the
// providers (no expert scores a project of their own unit or organisation).
struct ConflictKeys {
  std::int64_t funding_unit_id = 0;
  std::int64_t nominating_unit_id = 0;
  std::vector<std::int64_t> provider_org_ids;
};

}  // namespace lianyin::domain::selection
