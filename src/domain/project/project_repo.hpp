#pragma once
// The project area's only SQL: projects and their providers, timeline, outputs, milestones,
// payments and documents (internal to the area; services call it inside their transactions).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/project/project.hpp"
#include "store/store.hpp"

namespace lianyin::domain::project {

// Projects (alias p) are owned by their funding unit; an org member sees the projects its
// organisation provides (a primary-key probe of project_providers per row).
inline constexpr common::Ownership kProjectRows{
    "p.funding_unit_id",
    {},
    {},
    false,
    "EXISTS (SELECT 1 FROM project_providers pp WHERE pp.project_id = p.id AND pp.org_id = ?)"};

// An organisation named as a provider, as the project area needs it.
struct ProviderRef {
  std::int64_t id = 0;
  std::string name;
  std::string status;  // org_status
};

class ProjectRepo {
 public:
  explicit ProjectRepo(store::Session& session) : session_(session) {}

  // The organisations of `ids` that exist (published, not staged by an import); unscoped (their
  // public fields are readable by everyone). One query per 500 ids.
  std::vector<ProviderRef> FindProviders(const std::vector<std::int64_t>& ids);

  std::int64_t Insert(const NewProject& p, std::optional<std::int64_t> by_user_id,
                      std::string_view now);
  // Replaces the project's fields (not status or totals) and its providers.
  void Update(std::int64_t id, const NewProject& p, std::string_view now);
  // The project with its providers when `scope` sees it (two queries), else nullopt.
  std::optional<Project> FindInScope(const common::Scope& scope, std::int64_t id);
  // Moves from `from` to `to` unless a concurrent change moved it first (false). For
  // contracted, also sets the contract and requires it to cover the payment schedule.
  bool SetStatus(std::int64_t id, ProjectStatus from, ProjectStatus to,
                 std::optional<std::int64_t> contract_fen,
                 const std::optional<std::string>& contracted_on, std::string_view now);

  // One page of the projects `scope` sees matching `filter`, newest first (one query, and one
  // for the providers of the page), and how many match in all.
  std::vector<Project> List(const ProjectFilter& filter, const common::Scope& scope,
                            std::int64_t limit, std::int64_t offset);
  std::int64_t Count(const ProjectFilter& filter, const common::Scope& scope);
  Summary Summarise(const common::Scope& scope, std::string_view today,
                    std::string_view month_first, std::string_view month_last);

  // Ids for `count` new projects, taken up front so that a bulk load can name them (PostgreSQL:
  // from the sequence; SQLite: past the largest, which the write transaction keeps).
  std::vector<std::int64_t> AllocateIds(std::size_t count);
  // A project imported as it stands (ImportHistorical): the id AllocateIds gave it, the
  // project, the sums of its outputs and its timeline event.
  struct ImportedRow {
    std::int64_t id = 0;
    const HistoricalProject* project = nullptr;
    std::int64_t person_times = 0;
    std::int64_t events = 0;
    std::int64_t spent_fen = 0;
    HistoryEvent event;
  };
  // Bulk-loads the rows (one load per table: projects, providers, outputs, events), each
  // project with its status, contract and totals. Inside the caller's write transaction.
  void InsertImported(const std::vector<ImportedRow>& rows, std::optional<std::int64_t> by_user_id,
                      std::string_view now);

  void AddEvent(std::int64_t project_id, const HistoryEvent& event);
  std::vector<HistoryEvent> History(std::int64_t project_id);

  // Adds to the running totals while the project takes outputs and the spending stays within
  // the contract and every total ≥ 0; false otherwise (the caller tells which). Exact under
  // concurrency: one conditional UPDATE of the project row.
  bool AddToTotals(std::int64_t id, std::int64_t person_times, std::int64_t events,
                   std::int64_t spent_fen, std::string_view now);
  std::int64_t InsertOutput(std::int64_t project_id, const NewOutput& o,
                            std::optional<std::int64_t> by_user_id, std::string_view now);
  // The reversal of `original` — its figures negated, dated as it is, so that totals by period
  // subtract where they added — or nullopt when it was reversed already (unique reverses_id).
  std::optional<std::int64_t> InsertReversal(const Output& original, const std::string& reason,
                                             std::optional<std::int64_t> by_user_id,
                                             std::string_view now);
  std::optional<Output> FindOutput(std::int64_t project_id, std::int64_t output_id);
  std::vector<Output> Outputs(std::int64_t project_id, std::int64_t limit, std::int64_t offset);
  std::int64_t CountOutputs(std::int64_t project_id);

  std::vector<Milestone> Milestones(std::int64_t project_id);
  std::optional<Milestone> FindMilestone(std::int64_t project_id, std::int64_t id);
  std::int64_t InsertMilestone(const Milestone& m, std::string_view now);
  void UpdateMilestone(const Milestone& m, std::string_view now);
  void DeleteMilestone(std::int64_t id);

  // Adds to the schedule and paid totals when the schedule stays within the contract (or the
  // budget before one); false otherwise. One conditional UPDATE: exact under concurrency.
  bool AdjustSchedule(std::int64_t id, std::int64_t scheduled_delta, std::int64_t paid_delta,
                      std::string_view now);
  std::vector<Payment> Payments(std::int64_t project_id);
  std::optional<Payment> FindPayment(std::int64_t project_id, std::int64_t id);
  std::int64_t InsertPayment(const Payment& p, std::string_view now);
  void UpdatePayment(const Payment& p, std::string_view now);
  void DeletePayment(std::int64_t id);

  std::int64_t InsertDocument(const Document& d, const std::string& content, std::string_view now);
  std::vector<Document> Documents(std::int64_t project_id);
  std::optional<DocumentFile> FindDocument(std::int64_t project_id, std::int64_t id,
                                           bool with_content);
  void DeleteDocument(std::int64_t id);

 private:
  // The WHERE condition of a list query over `projects p`, and its parameters.
  struct Query {
    std::string where;
    std::vector<store::Value> params;
    bool in_subtree = false;  // bounded by an IN list of a unit subtree
  };
  Query Where(const ProjectFilter& filter, const common::Scope& scope) const;
  void LoadProviders(std::vector<Project>& projects);
  void InsertProviders(std::int64_t project_id, const std::vector<std::int64_t>& ids);
  store::Session& session_;
};

}  // namespace lianyin::domain::project
