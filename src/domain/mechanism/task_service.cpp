// MechanismService: supervised tasks (督办) and their progress.

#include "domain/account/scope.hpp"
#include "domain/mechanism/mechanism_audit.hpp"
#include "domain/mechanism/mechanism_rules.hpp"
#include "domain/mechanism/mechanism_service.hpp"
#include "domain/mechanism/task_repo.hpp"

namespace lianyin::domain::mechanism {

using account::Actor;

core::Result<TaskDetail> MechanismService::GetTask(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  TaskRepo tasks(session, Today());
  auto task = tasks.FindInScope(account::ScopeOf(actor), id);
  if (!task) return account::OutOfScope();
  std::vector<TaskProgress> progress = tasks.Progress(id);
  return TaskDetail{std::move(*task), std::move(progress)};
}

account::Page<SupervisedTask> MechanismService::ListTasks(const Actor& actor,
                                                          const TaskFilter& filter,
                                                          const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  TaskRepo tasks(session, Today());
  const account::Scope scope = account::ScopeOf(actor);
  return {tasks.List(filter, scope, page.page_size, page.Offset()), tasks.Count(filter, scope)};
}

core::Result<TaskDetail> MechanismService::ReportProgress(const Actor& actor, std::int64_t id,
                                                          const ProgressInput& in) {
  const std::string now = core::FormatDateTime(clock_());
  const core::Date today = Today();
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<TaskDetail> {
    TaskRepo tasks(tx.session(), today);
    auto before = tasks.FindInScope(scope, id);
    if (!before) return account::OutOfScope();
    // The supervisor is the meeting's unit's subtree; an org member or a worker never is, even
    // when its account sits at an ancestor unit.
    const bool supervisor = !scope.org_id && !scope.worker_id &&
                            account::UnitInScope(tx.session(), scope, before->unit_id);
    auto to = NextStatus(before->status, in, supervisor);
    if (!to) return to.error();
    if (*to != before->status && !tasks.SetStatus(id, before->status, *to, now)) {
      return core::Error::Conflict("the task's status changed meanwhile; reload it");
    }
    tasks.InsertProgress(id, in.note, before->status, *to, actor.user_id, now);
    SupervisedTask after = tasks.FindInScope(scope, id).value();
    const char* action = *to != before->status ? "transition" : "progress";
    boost::json::object after_json = AuditJson(after);
    if (in.note) after_json["note"] = *in.note;
    tx.Record(TaskChange(action, after, AuditJson(*before), std::move(after_json)));
    return TaskDetail{std::move(after), tasks.Progress(id)};
  });
}

}  // namespace lianyin::domain::mechanism
