#pragma once
// Purchased-service projects (购买服务项目, SPEC §4 "Service projects"; issue #9): plain types.
// The codes are the data dictionary's (project_status, project_mode, target_group,
// project_document_kind; categories are service_category).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::project {

enum class ProjectStatus {
  kDraft,
  kPublished,
  kContracted,
  kInProgress,
  kAccepted,
  kClosed,
  kCancelled
};
std::string_view StatusName(ProjectStatus status);  // "draft", "in_progress", ...
std::optional<ProjectStatus> ParseStatus(std::string_view name);
const std::vector<std::string>& StatusNames();

const std::vector<std::string>& ModeNames();          // "purchase", "cooperation"
const std::vector<std::string>& TargetGroupNames();   // "new_employment_workers", ...
const std::vector<std::string>& DocumentKindNames();  // "call", "contract", "acceptance", "other"
bool IsMode(std::string_view code);
bool IsTargetGroup(std::string_view code);
bool IsDocumentKind(std::string_view code);

struct Provider {
  std::int64_t id = 0;
  std::string name;
  std::string uscc;
};

struct Project {
  std::int64_t id = 0;
  std::string title;
  std::string category;
  std::int64_t funding_unit_id = 0;  // the owner (SPEC §1)
  std::string funding_unit_name;
  std::string mode;
  std::vector<Provider> providers;  // in the order given
  std::int64_t budget_fen = 0;
  std::optional<std::int64_t> contract_fen;  // set at `contracted`
  std::optional<std::string> contracted_on;
  std::string region_code;
  std::string region_name;
  std::string start_on;
  std::string end_on;
  std::vector<std::string> target_groups;
  std::optional<std::string> description;
  ProjectStatus status = ProjectStatus::kDraft;
  // Running totals of the outputs (reversals subtract) and of the payment schedule.
  std::int64_t person_times = 0;
  std::int64_t events_held = 0;
  std::int64_t spent_fen = 0;
  std::int64_t scheduled_fen = 0;
  std::int64_t paid_fen = 0;
  std::string created_at;
  std::string updated_at;

  std::vector<std::int64_t> ProviderIds() const;
};

// POST /projects; also the fields of a PATCH (each optional there: see ProjectPatch).
struct NewProject {
  std::string title;
  std::string category;
  std::int64_t funding_unit_id = 0;
  std::string mode;
  std::vector<std::int64_t> provider_org_ids;
  std::int64_t budget_fen = 0;
  std::string region_code;
  std::string start_on;
  std::string end_on;
  std::vector<std::string> target_groups;
  std::optional<std::string> description;
};

// PATCH /projects/{id}: present members change. `description` present-but-empty clears it.
struct ProjectPatch {
  std::optional<std::string> title;
  std::optional<std::string> category;
  std::optional<std::int64_t> funding_unit_id;
  std::optional<std::string> mode;
  std::optional<std::vector<std::int64_t>> provider_org_ids;
  std::optional<std::int64_t> budget_fen;
  std::optional<std::string> region_code;
  std::optional<std::string> start_on;
  std::optional<std::string> end_on;
  std::optional<std::vector<std::string>> target_groups;
  std::optional<std::optional<std::string>> description;
};

// POST /projects/{id}/transitions.
struct Transition {
  std::string to;
  std::optional<std::string> reason;
  std::optional<std::int64_t> contract_fen;
  std::optional<std::string> contracted_on;
};

// GET /projects filters; absent members do not filter.
struct ProjectFilter {
  std::optional<std::string> category;
  std::optional<ProjectStatus> status;
  std::optional<std::int64_t> funding_unit_id;  // its subtree
  std::optional<std::string> region_code;       // projects whose region it covers
  std::optional<std::int64_t> provider_org_id;
  std::optional<int> year;  // of start_on
  std::optional<std::string> q;
};

// GET /projects/summary.
struct Summary {
  std::vector<std::pair<std::string, std::int64_t>> by_status;  // every status, in order
  std::int64_t to_accept = 0;                                   // in_progress whose end_on has come
  std::int64_t month_entries = 0;
  std::int64_t month_person_times = 0;
  std::int64_t month_events = 0;
  std::int64_t month_spent_fen = 0;
};

// One event of the timeline.
struct HistoryEvent {
  std::int64_t id = 0;
  std::string at;
  std::string action;
  std::optional<std::string> from_status;
  std::optional<std::string> to_status;
  std::optional<std::string> reason;
  std::optional<std::int64_t> by_user_id;
  std::string by_name;
  std::string detail;
};

// The figures of one output entry (POST /projects/{id}/outputs, a replacement).
struct NewOutput {
  std::string on;
  std::int64_t person_times = 0;
  std::int64_t events = 0;
  std::int64_t spent_fen = 0;
  std::optional<std::string> note;
};

struct Output {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string on;
  std::int64_t person_times = 0;
  std::int64_t events = 0;
  std::int64_t spent_fen = 0;
  std::optional<std::string> note;
  std::optional<std::int64_t> reverses_id;     // a reversal: the output it reverses
  std::optional<std::int64_t> reversed_by_id;  // reversed since by this record
  std::optional<std::string> reason;           // a reversal's reason
  std::optional<std::int64_t> by_user_id;
  std::string by_name;
  std::string created_at;
};

// POST /projects/{id}/outputs/{output_id}/reverse.
struct Reversal {
  std::string reason;
  std::optional<NewOutput> replacement;
};
struct ReversalResult {
  Output reversal;
  std::optional<Output> replacement;
};

// A project contracted before it was entered here (ProjectService::ImportHistorical): its
// fields, the status it has reached, its contract and the outputs reported on it.
struct HistoricalProject {
  NewProject project;
  ProjectStatus status = ProjectStatus::kClosed;  // contracted, in_progress, accepted or closed
  std::int64_t contract_fen = 0;
  std::string contracted_on;
  std::vector<NewOutput> outputs;
};

// What ImportHistorical wrote: counts, and the sums of the contracts and of the outputs.
struct ImportSummary {
  std::int64_t projects = 0;
  std::int64_t outputs = 0;
  std::int64_t contract_fen = 0;
  std::int64_t person_times = 0;
  std::int64_t events = 0;
  std::int64_t spent_fen = 0;
};

struct Milestone {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string title;
  std::string due_on;
  std::optional<std::string> done_on;
  std::optional<std::string> note;
};
struct MilestonePatch {
  std::optional<std::string> title;
  std::optional<std::string> due_on;
  std::optional<std::optional<std::string>> done_on;  // present null: reopen
  std::optional<std::optional<std::string>> note;
};

struct Payment {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string due_on;
  std::int64_t amount_fen = 0;
  std::optional<std::string> paid_on;
  std::optional<std::string> note;
};
struct PaymentPatch {
  std::optional<std::string> due_on;
  std::optional<std::int64_t> amount_fen;
  std::optional<std::optional<std::string>> paid_on;
  std::optional<std::optional<std::string>> note;
};
struct PaymentSchedule {
  std::vector<Payment> items;
  std::int64_t scheduled_fen = 0;
  std::int64_t limit_fen = 0;  // the contract, or the budget before one
};

struct Document {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string kind;
  std::string file_name;
  std::string media_type;
  std::int64_t size = 0;
  std::string sha256;  // hex
  std::optional<std::int64_t> by_user_id;
  std::string by_name;
  std::string created_at;
};
struct DocumentFile {
  Document document;
  std::string content;
};

}  // namespace lianyin::domain::project
