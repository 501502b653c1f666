#pragma once
// The selection area's only SQL: rounds, quotas, nominations, assignments and booklet jobs, and
// what it reads of projects, users and organisations (internal to the area).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/selection/selection.hpp"
#include "store/store.hpp"

namespace lianyin::domain::selection {

// A booklet job's state (GET /selection-rounds/{id}/booklet).
struct BookletJob {
  std::int64_t id = 0;
  std::int64_t round_id = 0;
  std::string status;  // queued, running, done, failed
  int progress = 0;
  std::optional<int> pages;
  std::optional<int> projects;
  std::optional<std::string> error;
  std::string created_at;
  std::string updated_at;
};

// Filters of the nomination lists; absent members do not filter.
struct NominationFilter {
  std::optional<std::string> category;
  std::optional<bool> excellent;
};

class SelectionRepo {
 public:
  explicit SelectionRepo(store::Session& session) : session_(session) {}

  // Rounds are readable by every caller of the routes; `managed` says whether `scope` holds
  // the organiser.
  std::optional<std::int64_t> InsertRound(const NewRound& r, std::int64_t unit_id,
                                          std::string_view now);
  // False when another round of the unit has that year and batch (the unique index).
  bool UpdateRound(std::int64_t id, const NewRound& r, std::string_view now);
  std::optional<Round> FindRound(const common::Scope& scope, std::int64_t id);
  std::vector<Round> ListRounds(const common::Scope& scope, std::optional<RoundStatus> status,
                                bool published_only, std::int64_t limit, std::int64_t offset);
  std::int64_t CountRounds(std::optional<RoundStatus> status, bool published_only);
  bool SetRoundStatus(std::int64_t id, RoundStatus from, RoundStatus to,
                      const std::optional<std::string>& published_on, std::string_view now);

  std::optional<std::int64_t> InsertNomination(std::int64_t round_id, std::int64_t project_id,
                                               std::int64_t unit_id, const std::string& category,
                                               const std::string& story,
                                               std::optional<std::int64_t> by_user_id,
                                               std::string_view now);
  // The nomination of the round when `scope` sees it: the round's organiser, or the
  // nominating or funding unit's subtree (platform: all).
  std::optional<Nomination> FindNomination(const common::Scope& scope, std::int64_t round_id,
                                           std::int64_t id);
  std::vector<Nomination> ListNominations(const common::Scope& scope, std::int64_t round_id,
                                          const NominationFilter& filter, std::int64_t limit,
                                          std::int64_t offset);
  std::int64_t CountNominations(const common::Scope& scope, std::int64_t round_id,
                                const NominationFilter& filter);
  // The excellent projects of published rounds (all rounds, or one), by round, category and
  // rank: the public showcase.
  std::vector<Nomination> Excellent(std::optional<std::int64_t> round_id,
                                    const NominationFilter& filter, std::int64_t limit,
                                    std::int64_t offset);
  std::int64_t CountExcellent(std::optional<std::int64_t> round_id, const NominationFilter& filter);
  void DeleteNomination(std::int64_t id);

  // Users with the expert role, enabled, in the unit's subtree, by user id.
  std::vector<Expert> Experts(std::int64_t unit_id);
  // The nominations of the round with what their experts must not be tied to, by id.
  std::vector<std::pair<std::int64_t, ConflictKeys>> ConflictKeysOf(std::int64_t round_id);
  // Assignments of the round: nomination id → expert ids (and which have scored).
  std::vector<Assignment> Assignments(std::int64_t round_id);
  bool InsertAssignment(std::int64_t round_id, std::int64_t nomination_id,
                        std::int64_t expert_user_id);
  // Removes the nomination's unscored assignments; the number of scored ones left.
  std::int64_t ClearUnscored(std::int64_t nomination_id);
  // The expert's assignments with their nominations (the scoring page).
  std::vector<std::pair<Assignment, Nomination>> ExpertQueue(std::int64_t expert_user_id,
                                                             std::optional<std::int64_t> round_id);
  std::optional<Assignment> FindAssignment(std::int64_t nomination_id, std::int64_t expert_user_id);
  void SaveScores(std::int64_t nomination_id, std::int64_t expert_user_id,
                  const std::string& scores_json, std::int64_t total, std::string_view now);
  void SetResult(std::int64_t nomination_id, std::int64_t score_tenths, int rank, bool excellent);

  // Booklet jobs. A new queued job, or nullopt while one is queued or running.
  std::optional<std::int64_t> InsertJob(std::int64_t round_id, std::int64_t by_user_id,
                                        std::string_view now);
  std::optional<BookletJob> LatestJob(std::int64_t round_id);
  // Takes the oldest queued job (queued → running); nullopt when none is queued or another
  // worker took it first.
  std::optional<BookletJob> ClaimJob(std::string_view now);
  void SetProgress(std::int64_t job_id, int progress, std::string_view now);
  void FinishJob(std::int64_t job_id, int pages, int projects, const std::string& pdf,
                 const std::string& xlsx, std::string_view now);
  void FailJob(std::int64_t job_id, const std::string& error, std::string_view now);
  // Jobs left running by a process that stopped go back to the queue; how many.
  std::int64_t RequeueRunning(std::string_view now);
  // The file (pdf or xlsx) of the round's latest finished job.
  std::optional<std::string> JobFile(std::int64_t round_id, bool pdf);

 private:
  void LoadQuotas(std::vector<Round>& rounds);
  void LoadProviders(std::vector<Nomination>& nominations);
  std::vector<Nomination> ReadNominations(const std::string& where,
                                          const std::vector<store::Value>& params);
  store::Session& session_;
};

}  // namespace lianyin::domain::selection
