// SelectionRepo: experts, assignments, scores, results and booklet jobs.

#include <map>

#include "domain/common/sql_text.hpp"
#include "domain/selection/selection_repo.hpp"

namespace lianyin::domain::selection {
namespace {

BookletJob ReadJob(const store::Row& r) {
  BookletJob j;
  j.id = r.Int(0);
  j.round_id = r.Int(1);
  j.status = r.Text(2);
  j.progress = static_cast<int>(r.Int(3));
  if (auto pages = r.OptInt(4)) j.pages = static_cast<int>(*pages);
  if (auto projects = r.OptInt(5)) j.projects = static_cast<int>(*projects);
  j.error = r.OptText(6);
  j.created_at = r.Text(7);
  j.updated_at = r.Text(8);
  return j;
}

constexpr const char* kJobSelect =
    "SELECT id, round_id, status, progress, pages, projects, error, created_at, updated_at "
    "FROM booklet_jobs ";

}  // namespace

std::vector<Expert> SelectionRepo::Experts(std::int64_t unit_id) {
  auto stmt = session_.Prepare(
      "SELECT u.id, u.display_name, u.unit_id, u.org_id FROM users u "
      "JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'expert' "
      "WHERE u.disabled = 0 AND EXISTS (SELECT 1 FROM unit_closure c WHERE c.ancestor = ? AND "
      "c.descendant = u.unit_id) ORDER BY u.id");
  stmt.BindAll({unit_id});
  std::vector<Expert> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back({r.Int(0), r.Text(1), r.Int(2), r.OptInt(3)});
  }
  return out;
}

std::vector<std::pair<std::int64_t, ConflictKeys>> SelectionRepo::ConflictKeysOf(
    std::int64_t round_id) {
  std::vector<std::pair<std::int64_t, ConflictKeys>> out;
  std::map<std::int64_t, std::size_t> index;
  {
    auto stmt = session_.Prepare(
        "SELECT n.id, p.funding_unit_id, n.unit_id FROM selection_nominations n JOIN projects p "
        "ON p.id = n.project_id WHERE n.round_id = ? ORDER BY n.id");
    stmt.BindAll({round_id});
    while (stmt.Next()) {
      const store::Row r = stmt.row();
      index[r.Int(0)] = out.size();
      out.push_back({r.Int(0), ConflictKeys{r.Int(1), r.Int(2), {}}});
    }
  }
  auto stmt = session_.Prepare(
      "SELECT n.id, pp.org_id FROM selection_nominations n JOIN project_providers pp ON "
      "pp.project_id = n.project_id WHERE n.round_id = ?");
  stmt.BindAll({round_id});
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out[index.at(r.Int(0))].second.provider_org_ids.push_back(r.Int(1));
  }
  return out;
}

std::vector<Assignment> SelectionRepo::Assignments(std::int64_t round_id) {
  auto stmt = session_.Prepare(
      "SELECT a.nomination_id, a.round_id, a.expert_user_id, u.display_name, a.scores, a.total, "
      "a.scored_at FROM selection_assignments a JOIN users u ON u.id = a.expert_user_id "
      "WHERE a.round_id = ? ORDER BY a.nomination_id, a.expert_user_id");
  stmt.BindAll({round_id});
  std::vector<Assignment> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back(
        {r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.OptText(4), r.OptInt(5), r.OptText(6)});
  }
  return out;
}

bool SelectionRepo::InsertAssignment(std::int64_t round_id, std::int64_t nomination_id,
                                     std::int64_t expert_user_id) {
  return session_.Execute(
             "INSERT INTO selection_assignments (nomination_id, expert_user_id, round_id) "
             "VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
             {nomination_id, expert_user_id, round_id}) == 1;
}

std::int64_t SelectionRepo::ClearUnscored(std::int64_t nomination_id) {
  session_.Execute("DELETE FROM selection_assignments WHERE nomination_id = ? AND total IS NULL",
                   {nomination_id});
  auto stmt =
      session_.Prepare("SELECT COUNT(*) FROM selection_assignments WHERE nomination_id = ?");
  stmt.BindAll({nomination_id});
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<std::pair<Assignment, Nomination>> SelectionRepo::ExpertQueue(
    std::int64_t expert_user_id, std::optional<std::int64_t> round_id) {
  std::string where =
      "WHERE r.status = 'scoring' AND EXISTS (SELECT 1 FROM selection_assignments a WHERE "
      "a.nomination_id = n.id AND a.expert_user_id = ?)";
  std::vector<store::Value> params{expert_user_id};
  if (round_id) {
    where += " AND n.round_id = ?";
    params.emplace_back(*round_id);
  }
  std::vector<Nomination> nominations =
      ReadNominations(where + " ORDER BY n.round_id, n.category, n.id", params);
  std::map<std::int64_t, Assignment> mine;
  auto stmt = session_.Prepare(
      "SELECT a.nomination_id, a.round_id, a.expert_user_id, u.display_name, a.scores, a.total, "
      "a.scored_at FROM selection_assignments a JOIN users u ON u.id = a.expert_user_id "
      "WHERE a.expert_user_id = ?");
  stmt.BindAll({expert_user_id});
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    mine[r.Int(0)] = {r.Int(0),     r.Int(1),    r.Int(2),    r.Text(3),
                      r.OptText(4), r.OptInt(5), r.OptText(6)};
  }
  std::vector<std::pair<Assignment, Nomination>> out;
  for (Nomination& n : nominations) out.emplace_back(mine.at(n.id), std::move(n));
  return out;
}

std::optional<Assignment> SelectionRepo::FindAssignment(std::int64_t nomination_id,
                                                        std::int64_t expert_user_id) {
  auto stmt = session_.Prepare(
      "SELECT a.nomination_id, a.round_id, a.expert_user_id, u.display_name, a.scores, a.total, "
      "a.scored_at FROM selection_assignments a JOIN users u ON u.id = a.expert_user_id "
      "WHERE a.nomination_id = ? AND a.expert_user_id = ?");
  stmt.BindAll({nomination_id, expert_user_id});
  if (!stmt.Next()) return std::nullopt;
  const store::Row r = stmt.row();
  return Assignment{r.Int(0),     r.Int(1),    r.Int(2),    r.Text(3),
                    r.OptText(4), r.OptInt(5), r.OptText(6)};
}

void SelectionRepo::SaveScores(std::int64_t nomination_id, std::int64_t expert_user_id,
                               const std::string& scores_json, std::int64_t total,
                               std::string_view now) {
  session_.Execute(
      "UPDATE selection_assignments SET scores = ?, total = ?, scored_at = ? "
      "WHERE nomination_id = ? AND expert_user_id = ?",
      {scores_json, total, std::string(now), nomination_id, expert_user_id});
}

void SelectionRepo::SetResult(std::int64_t nomination_id, std::int64_t score_tenths, int rank,
                              bool excellent) {
  session_.Execute(
      "UPDATE selection_nominations SET score_tenths = ?, rank = ?, excellent = ? WHERE id = ?",
      {score_tenths, static_cast<std::int64_t>(rank), static_cast<std::int64_t>(excellent ? 1 : 0),
       nomination_id});
}

std::optional<std::int64_t> SelectionRepo::InsertJob(std::int64_t round_id, std::int64_t by_user_id,
                                                     std::string_view now) {
  return store::InsertOrConflict(
      session_,
      "INSERT INTO booklet_jobs (round_id, status, progress, created_by, created_at, updated_at) "
      "VALUES (?, 'queued', 0, ?, ?, ?)",
      {round_id, by_user_id, std::string(now), std::string(now)});
}

std::optional<BookletJob> SelectionRepo::LatestJob(std::int64_t round_id) {
  auto stmt =
      session_.Prepare(std::string(kJobSelect) + "WHERE round_id = ? ORDER BY id DESC LIMIT 1");
  stmt.BindAll({round_id});
  if (!stmt.Next()) return std::nullopt;
  return ReadJob(stmt.row());
}

std::optional<BookletJob> SelectionRepo::ClaimJob(std::string_view now) {
  auto stmt =
      session_.Prepare(std::string(kJobSelect) + "WHERE status = 'queued' ORDER BY id LIMIT 1");
  if (!stmt.Next()) return std::nullopt;
  BookletJob job = ReadJob(stmt.row());
  if (session_.Execute("UPDATE booklet_jobs SET status = 'running', progress = 0, updated_at = ? "
                       "WHERE id = ? AND status = 'queued'",
                       {std::string(now), job.id}) != 1) {
    return std::nullopt;
  }
  job.status = "running";
  return job;
}

void SelectionRepo::SetProgress(std::int64_t job_id, int progress, std::string_view now) {
  session_.Execute("UPDATE booklet_jobs SET progress = ?, updated_at = ? WHERE id = ?",
                   {static_cast<std::int64_t>(progress), std::string(now), job_id});
}

void SelectionRepo::FinishJob(std::int64_t job_id, int pages, int projects, const std::string& pdf,
                              const std::string& xlsx, std::string_view now) {
  session_.Execute(
      "UPDATE booklet_jobs SET status = 'done', progress = 100, pages = ?, projects = ?, "
      "pdf = ?, xlsx = ?, updated_at = ? WHERE id = ?",
      {static_cast<std::int64_t>(pages), static_cast<std::int64_t>(projects), store::Blob{pdf},
       store::Blob{xlsx}, std::string(now), job_id});
}

void SelectionRepo::FailJob(std::int64_t job_id, const std::string& error, std::string_view now) {
  session_.Execute(
      "UPDATE booklet_jobs SET status = 'failed', error = ?, updated_at = ? WHERE id = ?",
      {error, std::string(now), job_id});
}

std::int64_t SelectionRepo::RequeueRunning(std::string_view now) {
  return session_.Execute(
      "UPDATE booklet_jobs SET status = 'queued', progress = 0, updated_at = ? "
      "WHERE status = 'running'",
      {std::string(now)});
}

std::optional<std::string> SelectionRepo::JobFile(std::int64_t round_id, bool pdf) {
  auto stmt = session_.Prepare(std::string("SELECT ") + (pdf ? "pdf" : "xlsx") +
                               " FROM booklet_jobs WHERE round_id = ? AND status = 'done' "
                               "ORDER BY id DESC LIMIT 1");
  stmt.BindAll({round_id});
  if (!stmt.Next()) return std::nullopt;
  return stmt.row().Bytes(0);
}

}  // namespace lianyin::domain::selection
