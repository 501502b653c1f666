#pragma once
// The pure rules of the selection: round fields, the round's lifecycle, scores, conflicts, the
// automatic assignment of experts and the ranking (with its tie rules). No I/O.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/selection/selection.hpp"

namespace lianyin::domain::selection {

inline constexpr std::size_t kMaxTitleChars = 200;
inline constexpr std::size_t kMaxStoryChars = 5000;
inline constexpr std::size_t kMaxCriteria = 20;

// Title 1–200 characters; year 2000–2100; batch ≥ 1; 1–15 experts per project; a rubric of
// 1–20 criteria with distinct codes ([a-z0-9_], 1–40), names 1–100 characters and maxima 1–1000;
// quotas per known service category (no repeats), each ≥ 1; at least one quota.
core::Result<void> CheckRound(const NewRound& round);

// The lifecycle draft → nominating → scoring → published (one step at a time, no way back).
bool CanMove(RoundStatus from, RoundStatus to);

// The expert's scores as the rubric requires: every criterion present, integers 0..max, nothing
// else; the total, or 422 naming each bad criterion ("scores.code").
core::Result<std::int64_t> CheckScores(const std::vector<Criterion>& rubric,
                                       const std::map<std::string, std::int64_t>& scores);

// Whether `expert` may score a nomination with `keys`: not of the funding or the nominating
// unit, not a member of a provider.
bool Conflicts(const Expert& expert, const ConflictKeys& keys);

// The automatic assignment: for each nomination (in order) the `per_project` eligible experts
// with the fewest assignments so far (ties: the lower user id), counting `existing` loads and
// skipping experts already on it; deterministic. Returns nomination → expert ids, or the
// nomination for which too few experts are free of conflicts.
struct AutoAssignment {
  std::map<std::int64_t, std::vector<std::int64_t>> experts;  // nomination id → new expert ids
  std::optional<std::int64_t> short_of;                       // a nomination lacking experts
};
AutoAssignment AssignExperts(const std::vector<std::pair<std::int64_t, ConflictKeys>>& nominations,
                             const std::map<std::int64_t, std::vector<std::int64_t>>& existing,
                             const std::vector<Expert>& experts, int per_project);

// The score of a nomination: the mean of its experts' totals, in tenths, rounded half up.
std::int64_t ScoreTenths(const std::vector<std::int64_t>& totals);

// The ranking within each category. Ties are broken by, in order: the higher score; the higher
// lowest expert total (the more consistent); the more person-times served; the earlier
// nomination (lower id). Ranks are 1, 2, … with no shared ranks; the first `quota` of the
// category are excellent.
struct RankInput {
  std::int64_t nomination_id = 0;
  std::string category;
  std::int64_t score_tenths = 0;
  std::int64_t lowest_total = 0;
  std::int64_t person_times = 0;
};
struct RankResult {
  std::int64_t nomination_id = 0;
  int rank = 0;
  bool excellent = false;
};
std::vector<RankResult> Rank(std::vector<RankInput> inputs,
                             const std::map<std::string, int>& quotas);

}  // namespace lianyin::domain::selection
