#pragma once
// The SQL of supervised tasks (督办) and their progress log.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "domain/common/scope.hpp"
#include "domain/mechanism/mechanism.hpp"
#include "store/store.hpp"

namespace lianyin::domain::mechanism {

// A task (alias t) is the supervisor's record: owned by its meeting's unit (copied to
// t.unit_id). Its owner sees it too: the owner unit's subtree (t.owner_unit_id) and, for a task
// owned by an organisation, that organisation's members (t.owner_org_id). One condition:
//   Visible(scope, {t.unit_id, t.owner_org_id}) OR Visible(scope, {t.owner_unit_id}).
common::ScopeFilter TaskVisible(const common::Scope& scope);

class TaskRepo {
 public:
  // `today` marks overdue tasks in everything read.
  TaskRepo(store::Session& session, core::Date today) : session_(session), today_(today) {}

  std::int64_t Insert(const Meeting& meeting, const NewDecision& d,
                      std::optional<std::int64_t> by_user_id, std::string_view now);
  std::optional<SupervisedTask> FindInScope(const common::Scope& scope, std::int64_t id);
  // Moves the task from `from` to `to`; false when its status is no longer `from` (a
  // concurrent report won): the conditional update that keeps two `done`s from both counting.
  bool SetStatus(std::int64_t id, TaskStatus from, TaskStatus to, std::string_view now);
  void InsertProgress(std::int64_t task_id, const std::optional<std::string>& note, TaskStatus from,
                      TaskStatus to, std::int64_t by_user_id, std::string_view now);
  std::vector<TaskProgress> Progress(std::int64_t task_id);

  // One page of the tasks `scope` sees, nearest deadline first, and how many match.
  std::vector<SupervisedTask> List(const TaskFilter& filter, const common::Scope& scope,
                                   std::int64_t limit, std::int64_t offset);
  std::int64_t Count(const TaskFilter& filter, const common::Scope& scope);
  // The tasks of one meeting (its decisions), oldest first; the caller has checked the meeting.
  std::vector<SupervisedTask> OfMeeting(std::int64_t meeting_id);
  // The tasks `scope` sees due on a day in [from, to], by deadline; one query.
  std::vector<SupervisedTask> DueBetween(const common::Scope& scope, const std::string& from,
                                         const std::string& to);

 private:
  struct Query {
    std::string from_where;
    std::vector<store::Value> params;
  };
  Query Where(const TaskFilter& filter, const common::Scope& scope) const;
  std::vector<SupervisedTask> Read(const std::string& sql, const std::vector<store::Value>& params);
  store::Session& session_;
  core::Date today_;
};

}  // namespace lianyin::domain::mechanism
