#include "domain/project/project_repo.hpp"

#include <map>

#include "domain/common/sql_text.hpp"
#include "domain/project/project_rules.hpp"

namespace lianyin::domain::project {
namespace {

using common::JoinCodes;
using common::kInBatch;
using common::OptValue;
using common::Placeholders;
using common::SplitCodes;

constexpr const char* kProjectSelect =
    "SELECT p.id, p.title, p.category, p.funding_unit_id, u.name, p.mode, p.budget_fen, "
    "p.contract_fen, p.contracted_on, p.region_code, COALESCE(r.name, ''), p.start_on, p.end_on, "
    "p.target_groups, p.description, p.status, p.person_times, p.events_held, p.spent_fen, "
    "p.scheduled_fen, p.paid_fen, p.created_at, p.updated_at ";
constexpr const char* kProjectFrom =
    "FROM projects p JOIN units u ON u.id = p.funding_unit_id "
    "LEFT JOIN regions r ON r.code = p.region_code ";

Project ReadProject(const store::Row& r) {
  Project p;
  p.id = r.Int(0);
  p.title = r.Text(1);
  p.category = r.Text(2);
  p.funding_unit_id = r.Int(3);
  p.funding_unit_name = r.Text(4);
  p.mode = r.Text(5);
  p.budget_fen = r.Int(6);
  p.contract_fen = r.OptInt(7);
  p.contracted_on = r.OptText(8);
  p.region_code = r.Text(9);
  p.region_name = r.Text(10);
  p.start_on = r.Text(11);
  p.end_on = r.Text(12);
  p.target_groups = SplitCodes(r.Text(13));
  p.description = r.OptText(14);
  p.status = ParseStatus(r.Text(15)).value_or(ProjectStatus::kDraft);
  p.person_times = r.Int(16);
  p.events_held = r.Int(17);
  p.spent_fen = r.Int(18);
  p.scheduled_fen = r.Int(19);
  p.paid_fen = r.Int(20);
  p.created_at = r.Text(21);
  p.updated_at = r.Text(22);
  return p;
}

constexpr const char* kOutputSelect =
    "SELECT o.id, o.project_id, o.output_on, o.person_times, o.events, o.spent_fen, o.note, "
    "o.reverses_id, (SELECT x.id FROM project_outputs x WHERE x.reverses_id = o.id), o.reason, "
    "o.by_user_id, COALESCE(bu.display_name, ''), o.created_at FROM project_outputs o "
    "LEFT JOIN users bu ON bu.id = o.by_user_id ";

Output ReadOutput(const store::Row& r) {
  Output o;
  o.id = r.Int(0);
  o.project_id = r.Int(1);
  o.on = r.Text(2);
  o.person_times = r.Int(3);
  o.events = r.Int(4);
  o.spent_fen = r.Int(5);
  o.note = r.OptText(6);
  o.reverses_id = r.OptInt(7);
  o.reversed_by_id = r.OptInt(8);
  o.reason = r.OptText(9);
  o.by_user_id = r.OptInt(10);
  o.by_name = r.Text(11);
  o.created_at = r.Text(12);
  return o;
}

constexpr const char* kDocumentSelect =
    "SELECT d.id, d.project_id, d.kind, d.file_name, d.media_type, d.size, d.sha256, "
    "d.by_user_id, COALESCE(bu.display_name, ''), d.created_at";

Document ReadDocument(const store::Row& r) {
  return {r.Int(0), r.Int(1),  r.Text(2),   r.Text(3), r.Text(4),
          r.Int(5), r.Text(6), r.OptInt(7), r.Text(8), r.Text(9)};
}

}  // namespace

std::vector<ProviderRef> ProjectRepo::FindProviders(const std::vector<std::int64_t>& ids) {
  std::vector<ProviderRef> out;
  for (std::size_t start = 0; start < ids.size(); start += kInBatch) {
    const std::size_t n = std::min(kInBatch, ids.size() - start);
    auto stmt =
        session_.Prepare("SELECT id, name, status FROM orgs WHERE import_id IS NULL AND id IN (" +
                         Placeholders(n) + ")");
    for (std::size_t i = 0; i < n; ++i) stmt.Bind(static_cast<int>(i), ids[start + i]);
    while (stmt.Next()) {
      const store::Row r = stmt.row();
      out.push_back({r.Int(0), r.Text(1), r.Text(2)});
    }
  }
  return out;
}

void ProjectRepo::InsertProviders(std::int64_t project_id, const std::vector<std::int64_t>& ids) {
  session_.Execute("DELETE FROM project_providers WHERE project_id = ?", {project_id});
  for (std::size_t i = 0; i < ids.size(); ++i) {
    session_.Execute(
        "INSERT INTO project_providers (project_id, org_id, position) VALUES (?, ?, ?)",
        {project_id, ids[i], static_cast<std::int64_t>(i)});
  }
}

std::int64_t ProjectRepo::Insert(const NewProject& p, std::optional<std::int64_t> by_user_id,
                                 std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO projects (title, category, funding_unit_id, mode, budget_fen, region_code, "
      "start_on, end_on, target_groups, description, status, created_by, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?) RETURNING id");
  stmt.BindAll({p.title, p.category, p.funding_unit_id, p.mode, p.budget_fen, p.region_code,
                p.start_on, p.end_on, JoinCodes(p.target_groups), OptValue(p.description),
                OptValue(by_user_id), std::string(now), std::string(now)});
  stmt.Next();
  const std::int64_t id = stmt.row().Int(0);
  InsertProviders(id, p.provider_org_ids);
  return id;
}

void ProjectRepo::Update(std::int64_t id, const NewProject& p, std::string_view now) {
  session_.Execute(
      "UPDATE projects SET title = ?, category = ?, funding_unit_id = ?, mode = ?, "
      "budget_fen = ?, region_code = ?, start_on = ?, end_on = ?, target_groups = ?, "
      "description = ?, updated_at = ? WHERE id = ?",
      {p.title, p.category, p.funding_unit_id, p.mode, p.budget_fen, p.region_code, p.start_on,
       p.end_on, JoinCodes(p.target_groups), OptValue(p.description), std::string(now), id});
  InsertProviders(id, p.provider_org_ids);
}

void ProjectRepo::LoadProviders(std::vector<Project>& projects) {
  if (projects.empty()) return;
  std::map<std::int64_t, Project*> by_id;
  for (Project& p : projects) by_id[p.id] = &p;
  auto stmt = session_.Prepare(
      "SELECT pp.project_id, o.id, o.name, o.uscc FROM project_providers pp "
      "JOIN orgs o ON o.id = pp.org_id WHERE pp.project_id IN (" +
      Placeholders(projects.size()) + ") ORDER BY pp.project_id, pp.position");
  for (std::size_t i = 0; i < projects.size(); ++i) {
    stmt.Bind(static_cast<int>(i), projects[i].id);
  }
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    by_id[r.Int(0)]->providers.push_back({r.Int(1), r.Text(2), r.Text(3)});
  }
}

std::optional<Project> ProjectRepo::FindInScope(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kProjectRows);
  auto stmt = session_.Prepare(std::string(kProjectSelect) + kProjectFrom + "WHERE p.id = ? AND " +
                               visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  std::vector<Project> one{ReadProject(stmt.row())};
  LoadProviders(one);
  return std::move(one.front());
}

bool ProjectRepo::SetStatus(std::int64_t id, ProjectStatus from, ProjectStatus to,
                            std::optional<std::int64_t> contract_fen,
                            const std::optional<std::string>& contracted_on, std::string_view now) {
  if (to == ProjectStatus::kContracted) {
    return session_.Execute(
               "UPDATE projects SET status = ?, contract_fen = ?, contracted_on = ?, "
               "updated_at = ? WHERE id = ? AND status = ? AND scheduled_fen <= ?",
               {std::string(StatusName(to)), OptValue(contract_fen), OptValue(contracted_on),
                std::string(now), id, std::string(StatusName(from)), contract_fen.value_or(0)}) ==
           1;
  }
  return session_.Execute(
             "UPDATE projects SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
             {std::string(StatusName(to)), std::string(now), id, std::string(StatusName(from))}) ==
         1;
}

std::vector<std::int64_t> ProjectRepo::AllocateIds(std::size_t count) {
  std::vector<std::int64_t> ids;
  ids.reserve(count);
  if (count == 0) return ids;
  if (session_.dialect() == store::Dialect::kPostgres) {
    auto stmt = session_.Prepare(
        "SELECT nextval(pg_get_serial_sequence('projects', 'id')) FROM generate_series(1, ?)");
    stmt.Bind(0, static_cast<std::int64_t>(count));
    while (stmt.Next()) ids.push_back(stmt.row().Int(0));
    return ids;
  }
  auto stmt = session_.Prepare("SELECT COALESCE(MAX(id), 0) FROM projects");
  stmt.Next();
  const std::int64_t max = stmt.row().Int(0);
  for (std::size_t i = 1; i <= count; ++i) ids.push_back(max + static_cast<std::int64_t>(i));
  return ids;
}

void ProjectRepo::InsertImported(const std::vector<ImportedRow>& rows,
                                 std::optional<std::int64_t> by_user_id, std::string_view now) {
  if (rows.empty()) return;
  const store::Value by = OptValue(by_user_id);
  const std::string at(now);
  // One load at a time: PostgreSQL cannot interleave two COPYs on one connection.
  {
    auto projects =
        session_.Load("projects", {"id",          "title",      "category",     "funding_unit_id",
                                   "mode",        "budget_fen", "contract_fen", "contracted_on",
                                   "region_code", "start_on",   "end_on",       "target_groups",
                                   "description", "status",     "person_times", "events_held",
                                   "spent_fen",   "created_by", "created_at",   "updated_at"});
    for (const ImportedRow& row : rows) {
      const HistoricalProject& h = *row.project;
      const NewProject& p = h.project;
      projects->Add({row.id,
                     p.title,
                     p.category,
                     p.funding_unit_id,
                     p.mode,
                     p.budget_fen,
                     h.contract_fen,
                     h.contracted_on,
                     p.region_code,
                     p.start_on,
                     p.end_on,
                     JoinCodes(p.target_groups),
                     OptValue(p.description),
                     std::string(StatusName(h.status)),
                     row.person_times,
                     row.events,
                     row.spent_fen,
                     by,
                     at,
                     at});
    }
    projects->Finish();
  }
  {
    auto providers = session_.Load("project_providers", {"project_id", "org_id", "position"});
    for (const ImportedRow& row : rows) {
      const std::vector<std::int64_t>& ids = row.project->project.provider_org_ids;
      for (std::size_t i = 0; i < ids.size(); ++i) {
        providers->Add({row.id, ids[i], static_cast<std::int64_t>(i)});
      }
    }
    providers->Finish();
  }
  {
    auto outputs =
        session_.Load("project_outputs", {"project_id", "output_on", "person_times", "events",
                                          "spent_fen", "note", "by_user_id", "created_at"});
    for (const ImportedRow& row : rows) {
      for (const NewOutput& o : row.project->outputs) {
        outputs->Add(
            {row.id, o.on, o.person_times, o.events, o.spent_fen, OptValue(o.note), by, at});
      }
    }
    outputs->Finish();
  }
  auto events = session_.Load("project_events", {"project_id", "at", "action", "from_status",
                                                 "to_status", "reason", "by_user_id", "detail"});
  for (const ImportedRow& row : rows) {
    const HistoryEvent& e = row.event;
    events->Add({row.id, e.at, e.action, OptValue(e.from_status), OptValue(e.to_status),
                 OptValue(e.reason), OptValue(e.by_user_id), e.detail});
  }
  events->Finish();
}

ProjectRepo::Query ProjectRepo::Where(const ProjectFilter& f, const common::Scope& scope) const {
  const common::ScopeFilter visible = common::Visible(scope, kProjectRows);
  Query q{visible.sql, visible.params};
  const auto add = [&](std::string_view clause, store::Value value) {
    q.where += clause;
    q.params.push_back(std::move(value));
  };
  const bool sqlite = session_.dialect() == store::Dialect::kSqlite;
  // A unit subtree as an IN list over the closure table, which the planners read through the
  // funding unit's indexes. SQLite does not turn the scope's per-row EXISTS probe into a join,
  // so with the probe alone every count scanned the whole table: there the scope is repeated
  // in this form (PostgreSQL makes the probe a semi-join itself, and the repetition would
  // only skew its estimates; docs/BENCHMARKS.md, "Service-project lists").
  constexpr std::string_view kInSubtree =
      " AND p.funding_unit_id IN (SELECT descendant FROM unit_closure WHERE ancestor = ?)";
  const bool unit_scope = !scope.platform && !scope.org_id && !scope.worker_id;
  if (unit_scope && sqlite) add(kInSubtree, scope.unit_id);
  if (f.funding_unit_id) add(kInSubtree, *f.funding_unit_id);
  q.in_subtree = (unit_scope && sqlite) || f.funding_unit_id;
  // Within a subtree, SQLite (no statistics; the IN list's size unknown to it) would rather
  // read all of a status's rows through projects_status than the subtree's few from
  // projects_unit_filters (funding_unit_id, category, status, start_on), which holds them too:
  // a column that cannot be sought in that index after the ones before it gets a unary +,
  // which keeps it from choosing an index of its own (a count then reads that index alone).
  const bool hint = q.in_subtree && sqlite;
  const std::string status_col = hint && !f.category ? " AND +p." : " AND p.";
  const std::string start_col = hint && !(f.category && f.status) ? " AND +p." : " AND p.";
  if (f.category) add(" AND p.category = ?", *f.category);
  if (f.status) add(status_col + "status = ?", std::string(StatusName(*f.status)));
  if (f.region_code) {
    add(" AND EXISTS (SELECT 1 FROM region_closure rc WHERE rc.ancestor = ? AND "
        "rc.descendant = p.region_code)",
        *f.region_code);
  }
  if (f.provider_org_id) {
    add(" AND EXISTS (SELECT 1 FROM project_providers fp WHERE fp.project_id = p.id AND "
        "fp.org_id = ?)",
        *f.provider_org_id);
  }
  if (f.year) {
    add(start_col + "start_on >= ?", std::to_string(*f.year) + "-01-01");
    add(start_col + "start_on <= ?", std::to_string(*f.year) + "-12-31");
  }
  if (f.q && !f.q->empty()) {
    // lower() only where it could change a match: SQLite's LIKE folds ASCII letters itself, as
    // far as its lower() goes; PostgreSQL's LIKE is case-sensitive, but a q without cased
    // characters (Chinese, say) matches the same either way. Lowering every title tripled the
    // scan (docs/BENCHMARKS.md, "Service-project lists").
    const bool lower = !sqlite && HasCase(*f.q);
    add(std::string(lower ? " AND lower(p.title) LIKE ?" : " AND p.title LIKE ?") +
            std::string(common::kLikeEscape),
        common::ContainsPattern(*f.q));
  }
  return q;
}

std::vector<Project> ProjectRepo::List(const ProjectFilter& filter, const common::Scope& scope,
                                       std::int64_t limit, std::int64_t offset) {
  Query q = Where(filter, scope);
  q.params.emplace_back(limit);
  q.params.emplace_back(offset);
  // The page's ids first, then their rows: the filters and the order need only the ids (often
  // an index alone), and a sort of thousands of matches then moves ids, not whole rows with
  // their joins (docs/BENCHMARKS.md, "Service-project lists"). Within a unit subtree SQLite
  // would rather walk the whole table in id order than sort the subtree's ids; the unary +
  // keeps the order from choosing the plan.
  const bool sort_ids = q.in_subtree && session_.dialect() == store::Dialect::kSqlite;
  auto stmt = session_.Prepare(std::string(kProjectSelect) + kProjectFrom +
                               "WHERE p.id IN (SELECT p.id FROM projects p WHERE " + q.where +
                               (sort_ids ? " ORDER BY +p.id DESC" : " ORDER BY p.id DESC") +
                               " LIMIT ? OFFSET ?) ORDER BY p.id DESC");
  stmt.BindAll(q.params);
  std::vector<Project> out;
  while (stmt.Next()) out.push_back(ReadProject(stmt.row()));
  LoadProviders(out);
  return out;
}

std::int64_t ProjectRepo::Count(const ProjectFilter& filter, const common::Scope& scope) {
  Query q = Where(filter, scope);
  // The count needs neither the unit nor the region name: no joins.
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM projects p WHERE " + q.where);
  stmt.BindAll(q.params);
  stmt.Next();
  return stmt.row().Int(0);
}

Summary ProjectRepo::Summarise(const common::Scope& scope, std::string_view today,
                               std::string_view month_first, std::string_view month_last) {
  const common::ScopeFilter visible = common::Visible(scope, kProjectRows);
  Summary s;
  std::map<std::string, std::int64_t> counts;
  {
    auto stmt = session_.Prepare("SELECT p.status, COUNT(*) FROM projects p WHERE " + visible.sql +
                                 " GROUP BY p.status");
    stmt.BindAll(visible.params);
    while (stmt.Next()) counts[stmt.row().Text(0)] = stmt.row().Int(1);
  }
  for (const std::string& status : StatusNames()) s.by_status.emplace_back(status, counts[status]);
  {
    auto stmt = session_.Prepare(
        "SELECT COUNT(*) FROM projects p WHERE p.status = 'in_progress' AND p.end_on <= ? AND " +
        visible.sql);
    stmt.BindAll(visible.After({std::string(today)}));
    stmt.Next();
    s.to_accept = stmt.row().Int(0);
  }
  auto stmt = session_.Prepare(
      "SELECT COUNT(*), COALESCE(SUM(o.person_times), 0), COALESCE(SUM(o.events), 0), "
      "COALESCE(SUM(o.spent_fen), 0) FROM project_outputs o JOIN projects p ON p.id = "
      "o.project_id WHERE o.output_on >= ? AND o.output_on <= ? AND o.reverses_id IS NULL AND "
      "NOT EXISTS (SELECT 1 FROM project_outputs x WHERE x.reverses_id = o.id) AND " +
      visible.sql);
  stmt.BindAll(visible.After({std::string(month_first), std::string(month_last)}));
  stmt.Next();
  const store::Row r = stmt.row();
  s.month_entries = r.Int(0);
  s.month_person_times = r.Int(1);
  s.month_events = r.Int(2);
  s.month_spent_fen = r.Int(3);
  return s;
}

void ProjectRepo::AddEvent(std::int64_t project_id, const HistoryEvent& e) {
  session_.Execute(
      "INSERT INTO project_events (project_id, at, action, from_status, to_status, reason, "
      "by_user_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {project_id, e.at, e.action, OptValue(e.from_status), OptValue(e.to_status),
       OptValue(e.reason), OptValue(e.by_user_id), e.detail});
}

std::vector<HistoryEvent> ProjectRepo::History(std::int64_t project_id) {
  auto stmt = session_.Prepare(
      "SELECT e.id, e.at, e.action, e.from_status, e.to_status, e.reason, e.by_user_id, "
      "COALESCE(bu.display_name, ''), e.detail FROM project_events e "
      "LEFT JOIN users bu ON bu.id = e.by_user_id WHERE e.project_id = ? ORDER BY e.id");
  stmt.BindAll({project_id});
  std::vector<HistoryEvent> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.OptText(3), r.OptText(4), r.OptText(5),
                   r.OptInt(6), r.Text(7), r.Text(8)});
  }
  return out;
}

bool ProjectRepo::AddToTotals(std::int64_t id, std::int64_t person_times, std::int64_t events,
                              std::int64_t spent_fen, std::string_view now) {
  return session_.Execute(
             "UPDATE projects SET person_times = person_times + ?, events_held = events_held + ?, "
             "spent_fen = spent_fen + ?, updated_at = ? WHERE id = ? AND status IN "
             "('contracted', 'in_progress') AND spent_fen + ? <= contract_fen AND "
             "person_times + ? >= 0 AND events_held + ? >= 0 AND spent_fen + ? >= 0",
             {person_times, events, spent_fen, std::string(now), id, spent_fen, person_times,
              events, spent_fen}) == 1;
}

std::int64_t ProjectRepo::InsertOutput(std::int64_t project_id, const NewOutput& o,
                                       std::optional<std::int64_t> by_user_id,
                                       std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO project_outputs (project_id, output_on, person_times, events, spent_fen, "
      "note, by_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  stmt.BindAll({project_id, o.on, o.person_times, o.events, o.spent_fen, OptValue(o.note),
                OptValue(by_user_id), std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

std::optional<std::int64_t> ProjectRepo::InsertReversal(const Output& original,
                                                        const std::string& reason,
                                                        std::optional<std::int64_t> by_user_id,
                                                        std::string_view now) {
  return store::InsertOrConflict(
      session_,
      "INSERT INTO project_outputs (project_id, output_on, person_times, events, spent_fen, "
      "note, reverses_id, reason, by_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {original.project_id, original.on, -original.person_times, -original.events,
       -original.spent_fen, OptValue(original.note), original.id, reason, OptValue(by_user_id),
       std::string(now)});
}

std::optional<Output> ProjectRepo::FindOutput(std::int64_t project_id, std::int64_t output_id) {
  auto stmt = session_.Prepare(std::string(kOutputSelect) + "WHERE o.id = ? AND o.project_id = ?");
  stmt.BindAll({output_id, project_id});
  if (!stmt.Next()) return std::nullopt;
  return ReadOutput(stmt.row());
}

std::vector<Output> ProjectRepo::Outputs(std::int64_t project_id, std::int64_t limit,
                                         std::int64_t offset) {
  auto stmt = session_.Prepare(std::string(kOutputSelect) +
                               "WHERE o.project_id = ? ORDER BY o.id DESC LIMIT ? OFFSET ?");
  stmt.BindAll({project_id, limit, offset});
  std::vector<Output> out;
  while (stmt.Next()) out.push_back(ReadOutput(stmt.row()));
  return out;
}

std::int64_t ProjectRepo::CountOutputs(std::int64_t project_id) {
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM project_outputs WHERE project_id = ?");
  stmt.BindAll({project_id});
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<Milestone> ProjectRepo::Milestones(std::int64_t project_id) {
  auto stmt = session_.Prepare(
      "SELECT id, project_id, title, due_on, done_on, note FROM project_milestones "
      "WHERE project_id = ? ORDER BY due_on, id");
  stmt.BindAll({project_id});
  std::vector<Milestone> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.OptText(4), r.OptText(5)});
  }
  return out;
}

std::optional<Milestone> ProjectRepo::FindMilestone(std::int64_t project_id, std::int64_t id) {
  auto stmt = session_.Prepare(
      "SELECT id, project_id, title, due_on, done_on, note FROM project_milestones "
      "WHERE id = ? AND project_id = ?");
  stmt.BindAll({id, project_id});
  if (!stmt.Next()) return std::nullopt;
  const store::Row r = stmt.row();
  return Milestone{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.OptText(4), r.OptText(5)};
}

std::int64_t ProjectRepo::InsertMilestone(const Milestone& m, std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO project_milestones (project_id, title, due_on, done_on, note, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
  stmt.BindAll({m.project_id, m.title, m.due_on, OptValue(m.done_on), OptValue(m.note),
                std::string(now), std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

void ProjectRepo::UpdateMilestone(const Milestone& m, std::string_view now) {
  session_.Execute(
      "UPDATE project_milestones SET title = ?, due_on = ?, done_on = ?, note = ?, "
      "updated_at = ? WHERE id = ?",
      {m.title, m.due_on, OptValue(m.done_on), OptValue(m.note), std::string(now), m.id});
}

void ProjectRepo::DeleteMilestone(std::int64_t id) {
  session_.Execute("DELETE FROM project_milestones WHERE id = ?", {id});
}

bool ProjectRepo::AdjustSchedule(std::int64_t id, std::int64_t scheduled_delta,
                                 std::int64_t paid_delta, std::string_view now) {
  return session_.Execute(
             "UPDATE projects SET scheduled_fen = scheduled_fen + ?, paid_fen = paid_fen + ?, "
             "updated_at = ? WHERE id = ? AND scheduled_fen + ? <= COALESCE(contract_fen, "
             "budget_fen) AND paid_fen + ? >= 0",
             {scheduled_delta, paid_delta, std::string(now), id, scheduled_delta, paid_delta}) == 1;
}

std::vector<Payment> ProjectRepo::Payments(std::int64_t project_id) {
  auto stmt = session_.Prepare(
      "SELECT id, project_id, due_on, amount_fen, paid_on, note FROM project_payments "
      "WHERE project_id = ? ORDER BY due_on, id");
  stmt.BindAll({project_id});
  std::vector<Payment> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Int(3), r.OptText(4), r.OptText(5)});
  }
  return out;
}

std::optional<Payment> ProjectRepo::FindPayment(std::int64_t project_id, std::int64_t id) {
  auto stmt = session_.Prepare(
      "SELECT id, project_id, due_on, amount_fen, paid_on, note FROM project_payments "
      "WHERE id = ? AND project_id = ?");
  stmt.BindAll({id, project_id});
  if (!stmt.Next()) return std::nullopt;
  const store::Row r = stmt.row();
  return Payment{r.Int(0), r.Int(1), r.Text(2), r.Int(3), r.OptText(4), r.OptText(5)};
}

std::int64_t ProjectRepo::InsertPayment(const Payment& p, std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO project_payments (project_id, due_on, amount_fen, paid_on, note, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
  stmt.BindAll({p.project_id, p.due_on, p.amount_fen, OptValue(p.paid_on), OptValue(p.note),
                std::string(now), std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

void ProjectRepo::UpdatePayment(const Payment& p, std::string_view now) {
  session_.Execute(
      "UPDATE project_payments SET due_on = ?, amount_fen = ?, paid_on = ?, note = ?, "
      "updated_at = ? WHERE id = ?",
      {p.due_on, p.amount_fen, OptValue(p.paid_on), OptValue(p.note), std::string(now), p.id});
}

void ProjectRepo::DeletePayment(std::int64_t id) {
  session_.Execute("DELETE FROM project_payments WHERE id = ?", {id});
}

std::int64_t ProjectRepo::InsertDocument(const Document& d, const std::string& content,
                                         std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO project_documents (project_id, kind, file_name, media_type, size, sha256, "
      "content, by_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  stmt.BindAll({d.project_id, d.kind, d.file_name, d.media_type, d.size, d.sha256,
                store::Blob{content}, OptValue(d.by_user_id), std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<Document> ProjectRepo::Documents(std::int64_t project_id) {
  auto stmt = session_.Prepare(std::string(kDocumentSelect) +
                               " FROM project_documents d LEFT JOIN users bu ON bu.id = "
                               "d.by_user_id WHERE d.project_id = ? ORDER BY d.id");
  stmt.BindAll({project_id});
  std::vector<Document> out;
  while (stmt.Next()) out.push_back(ReadDocument(stmt.row()));
  return out;
}

std::optional<DocumentFile> ProjectRepo::FindDocument(std::int64_t project_id, std::int64_t id,
                                                      bool with_content) {
  auto stmt =
      session_.Prepare(std::string(kDocumentSelect) + (with_content ? ", d.content" : ", NULL") +
                       " FROM project_documents d LEFT JOIN users bu ON bu.id = "
                       "d.by_user_id WHERE d.id = ? AND d.project_id = ?");
  stmt.BindAll({id, project_id});
  if (!stmt.Next()) return std::nullopt;
  const store::Row r = stmt.row();
  return DocumentFile{ReadDocument(r), with_content ? r.Bytes(10) : std::string()};
}

void ProjectRepo::DeleteDocument(std::int64_t id) {
  session_.Execute("DELETE FROM project_documents WHERE id = ?", {id});
}

}  // namespace lianyin::domain::project
