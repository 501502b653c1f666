#include "domain/mechanism/task_repo.hpp"

#include "domain/common/sql_text.hpp"
#include "domain/mechanism/mechanism_rules.hpp"

namespace lianyin::domain::mechanism {
namespace {

using common::OptValue;

constexpr const char* kTaskSelect =
    "SELECT t.id, t.meeting_id, COALESCE(m.title, ''), t.unit_id, COALESCE(u.name, ''), t.text, "
    "t.owner_unit_id, t.owner_org_id, COALESCE(ou.name, oo.name, t.owner_name, ''), "
    "t.owner_name, t.deadline, t.status, t.created_at, t.updated_at ";
constexpr const char* kTaskFrom =
    "FROM supervised_tasks t JOIN meetings m ON m.id = t.meeting_id "
    "LEFT JOIN units u ON u.id = t.unit_id LEFT JOIN units ou ON ou.id = t.owner_unit_id "
    "LEFT JOIN orgs oo ON oo.id = t.owner_org_id ";

}  // namespace

common::ScopeFilter TaskVisible(const common::Scope& scope) {
  const common::ScopeFilter supervisor = common::Visible(scope, {"t.unit_id", "t.owner_org_id"});
  const common::ScopeFilter owner = common::Visible(scope, {"t.owner_unit_id"});
  return {"((" + supervisor.sql + ") OR (" + owner.sql + "))", owner.After(supervisor.params)};
}

std::vector<SupervisedTask> TaskRepo::Read(const std::string& sql,
                                           const std::vector<store::Value>& params) {
  auto stmt = session_.Prepare(sql);
  stmt.BindAll(params);
  std::vector<SupervisedTask> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    SupervisedTask t;
    t.id = r.Int(0);
    t.meeting_id = r.Int(1);
    t.meeting_title = r.Text(2);
    t.unit_id = r.Int(3);
    t.unit_name = r.Text(4);
    t.text = r.Text(5);
    t.owner_unit_id = r.OptInt(6);
    t.owner_org_id = r.OptInt(7);
    t.owner_display = r.Text(8);
    t.owner_name = r.OptText(9);
    t.deadline = r.Text(10);
    t.status = ParseTaskStatus(r.Text(11)).value_or(TaskStatus::kOpen);
    t.overdue = IsOverdue(t.deadline, t.status, today_);
    t.created_at = r.Text(12);
    t.updated_at = r.Text(13);
    out.push_back(std::move(t));
  }
  return out;
}

std::int64_t TaskRepo::Insert(const Meeting& meeting, const NewDecision& d,
                              std::optional<std::int64_t> by_user_id, std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO supervised_tasks (meeting_id, unit_id, text, owner_unit_id, owner_org_id, "
      "owner_name, deadline, status, created_by_user_id, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id");
  stmt.BindAll({meeting.id, meeting.unit_id, d.text, OptValue(d.owner_unit_id),
                OptValue(d.owner_org_id), OptValue(d.owner_name), d.deadline, OptValue(by_user_id),
                std::string(now), std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

std::optional<SupervisedTask> TaskRepo::FindInScope(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter visible = TaskVisible(scope);
  auto found = Read(std::string(kTaskSelect) + kTaskFrom + "WHERE t.id = ? AND " + visible.sql,
                    visible.After({id}));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

bool TaskRepo::SetStatus(std::int64_t id, TaskStatus from, TaskStatus to, std::string_view now) {
  return session_.Execute(
             "UPDATE supervised_tasks SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
             {std::string(TaskStatusName(to)), std::string(now), id,
              std::string(TaskStatusName(from))}) == 1;
}

void TaskRepo::InsertProgress(std::int64_t task_id, const std::optional<std::string>& note,
                              TaskStatus from, TaskStatus to, std::int64_t by_user_id,
                              std::string_view now) {
  session_.Execute(
      "INSERT INTO supervised_task_progress (task_id, note, status_from, status_to, by_user_id, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?)",
      {task_id, OptValue(note), std::string(TaskStatusName(from)), std::string(TaskStatusName(to)),
       by_user_id, std::string(now)});
}

std::vector<TaskProgress> TaskRepo::Progress(std::int64_t task_id) {
  auto stmt = session_.Prepare(
      "SELECT p.id, p.task_id, p.note, p.status_from, p.status_to, p.by_user_id, "
      "COALESCE(bu.display_name, ''), p.created_at FROM supervised_task_progress p "
      "LEFT JOIN users bu ON bu.id = p.by_user_id WHERE p.task_id = ? ORDER BY p.id");
  stmt.Bind(0, task_id);
  return common::Collect<TaskProgress>(stmt, [](const store::Row& r) {
    return TaskProgress{r.Int(0),
                        r.Int(1),
                        r.OptText(2),
                        ParseTaskStatus(r.Text(3)).value_or(TaskStatus::kOpen),
                        ParseTaskStatus(r.Text(4)).value_or(TaskStatus::kOpen),
                        r.Int(5),
                        r.Text(6),
                        r.Text(7)};
  });
}

TaskRepo::Query TaskRepo::Where(const TaskFilter& f, const common::Scope& scope) const {
  common::ScopeFilter q = TaskVisible(scope);
  if (f.status) q.Add(" AND t.status = ?", std::string(TaskStatusName(*f.status)));
  if (f.owner_unit_id) q.Add(" AND t.owner_unit_id = ?", *f.owner_unit_id);
  if (f.owner_org_id) q.Add(" AND t.owner_org_id = ?", *f.owner_org_id);
  if (f.meeting_id) q.Add(" AND t.meeting_id = ?", *f.meeting_id);
  if (f.overdue) {
    q.Add(*f.overdue ? " AND t.status <> 'done' AND t.deadline < ?"
                     : " AND (t.status = 'done' OR t.deadline >= ?)",
          core::FormatDate(today_));
  }
  return {std::string(kTaskFrom) + "WHERE " + q.sql, q.params};
}

std::vector<SupervisedTask> TaskRepo::List(const TaskFilter& filter, const common::Scope& scope,
                                           std::int64_t limit, std::int64_t offset) {
  Query q = Where(filter, scope);
  q.params.emplace_back(limit);
  q.params.emplace_back(offset);
  return Read(
      std::string(kTaskSelect) + q.from_where + " ORDER BY t.deadline, t.id LIMIT ? OFFSET ?",
      q.params);
}

std::int64_t TaskRepo::Count(const TaskFilter& filter, const common::Scope& scope) {
  const Query q = Where(filter, scope);
  auto stmt = session_.Prepare("SELECT COUNT(*) " + q.from_where);
  stmt.BindAll(q.params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<SupervisedTask> TaskRepo::OfMeeting(std::int64_t meeting_id) {
  return Read(std::string(kTaskSelect) + kTaskFrom + "WHERE t.meeting_id = ? ORDER BY t.id",
              {meeting_id});
}

std::vector<SupervisedTask> TaskRepo::DueBetween(const common::Scope& scope,
                                                 const std::string& from, const std::string& to) {
  common::ScopeFilter q = TaskVisible(scope);
  q.Add(" AND t.deadline >= ?", from);
  q.Add(" AND t.deadline <= ?", to);
  return Read(
      std::string(kTaskSelect) + kTaskFrom + "WHERE " + q.sql + " ORDER BY t.deadline, t.id",
      q.params);
}

}  // namespace lianyin::domain::mechanism
