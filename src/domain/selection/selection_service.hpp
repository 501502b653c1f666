#pragma once
// Use cases of the excellent-project selection (优秀项目评选, issue #9 points 5–6). Every change
// runs in one short write transaction with a Change owned by the round's organising unit.
//
// Scope: a round is owned by its organiser's unit; every holder of the selection permissions
// reads it (units below nominate to it), changing it outside the organiser's subtree → 403. A
// nomination is seen by the organiser's subtree and by the nominating and funding units'
// subtrees (else 404). An expert sees and scores only its own assignments (else 404). The
// showcase and the booklet of published rounds are public.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/writer.hpp"
#include "domain/selection/selection.hpp"
#include "domain/selection/selection_repo.hpp"

namespace lianyin::domain::selection {

class SelectionService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit SelectionService(common::Writer& writer, Clock clock = core::Now)
      : writer_(writer), clock_(std::move(clock)) {}

  // A draft round organised by the actor's unit. 422 on fields (CheckRound); 409 when the unit
  // has a round of that year and batch.
  core::Result<Round> CreateRound(const account::Actor& actor, const NewRound& round);
  // Replaces a draft's fields; 404, 403 outside the organiser's subtree, 409 unless a draft.
  core::Result<Round> UpdateRound(const account::Actor& actor, std::int64_t id,
                                  const NewRound& round);
  // One step draft → nominating → scoring → published (409 otherwise, or when a concurrent step
  // won). Scoring needs a nomination; publishing needs every nomination scored by its experts
  // and ranks each category (Rank), marking the first `quota` excellent.
  core::Result<Round> MoveRound(const account::Actor& actor, std::int64_t id,
                                const std::string& to);
  core::Result<Round> GetRound(const account::Actor& actor, std::int64_t id);
  account::Page<Round> ListRounds(const account::Actor& actor, std::optional<RoundStatus> status,
                                  const account::PageRequest& page);

  // Nominates an accepted (or closed) project of the actor's scope while the round is
  // nominating (409 otherwise); the actor's unit must lie in the organiser's subtree (else 403):
  // 422 on project_id (not in scope, not accepted, or its category without a quota) or story; 409
  // when nominated already (exact under concurrency).
  core::Result<Nomination> Nominate(const account::Actor& actor, std::int64_t round_id,
                                    std::int64_t project_id, const std::string& story);
  // Withdraws a nomination while nominating; by its nominating unit's or the organiser's subtree.
  core::Result<void> Withdraw(const account::Actor& actor, std::int64_t round_id,
                              std::int64_t nomination_id);
  core::Result<account::Page<Nomination>> Nominations(const account::Actor& actor,
                                                      std::int64_t round_id,
                                                      const NominationFilter& filter,
                                                      const account::PageRequest& page);

  // Assigns experts_per_project experts to every nomination still short of them (AssignExperts:
  // the least loaded eligible experts of the organiser's subtree, without conflicts) while the
  // round is scoring; how many assignments were made. 422 naming a nomination that lacks
  // eligible experts (nothing is assigned then).
  core::Result<int> AutoAssign(const account::Actor& actor, std::int64_t round_id);
  // Sets a nomination's experts by hand (replacing those who have not scored): each must be an
  // expert of the organiser's subtree without a conflict (422 on expert_ids[i]).
  core::Result<std::vector<Assignment>> SetExperts(const account::Actor& actor,
                                                   std::int64_t round_id,
                                                   std::int64_t nomination_id,
                                                   const std::vector<std::int64_t>& expert_ids);
  // The round's assignments (organiser only: 403 for others who read the round).
  core::Result<std::vector<Assignment>> Assignments(const account::Actor& actor,
                                                    std::int64_t round_id);
  // The experts who could be assigned (organiser only).
  core::Result<std::vector<Expert>> Experts(const account::Actor& actor, std::int64_t round_id);

  // The actor's own assignments in rounds being scored, with their nominations.
  std::vector<std::pair<Assignment, Nomination>> MyAssignments(const account::Actor& actor,
                                                               std::optional<std::int64_t> round);
  // Records (or replaces) the actor's scores of a nomination assigned to it while the round is
  // scoring: 404 unless assigned, 409 outside scoring, 422 on scores (CheckScores).
  core::Result<Assignment> Score(const account::Actor& actor, std::int64_t round_id,
                                 std::int64_t nomination_id,
                                 const std::map<std::string, std::int64_t>& scores);

  // Public: published rounds, newest first, and their excellent projects by category and rank.
  account::Page<Round> PublishedRounds(const account::PageRequest& page);
  core::Result<Round> PublishedRound(std::int64_t id);
  account::Page<Nomination> Showcase(std::optional<std::int64_t> round_id,
                                     const NominationFilter& filter,
                                     const account::PageRequest& page);

  // Queues the booklet of a published round (organiser only); 409 while one is queued or
  // running (exact: a partial unique index).
  core::Result<BookletJob> QueueBooklet(const account::Actor& actor, std::int64_t round_id);
  // The latest booklet job of a round the actor reads (nullopt: none yet).
  core::Result<std::optional<BookletJob>> BookletStatus(const account::Actor& actor,
                                                        std::int64_t round_id);
  // The finished booklet of a published round (public): the PDF or the XLSX; 404 when none.
  core::Result<std::string> BookletFile(std::int64_t round_id, bool pdf);

  common::Writer& writer() { return writer_; }
  const Clock& clock() const { return clock_; }

 private:
  common::Writer& writer_;
  Clock clock_;
};

}  // namespace lianyin::domain::selection
