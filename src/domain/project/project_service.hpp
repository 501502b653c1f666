#pragma once
// Use cases of purchased-service projects (SPEC §4 "Service projects"; issue #9). Every change
// runs in one short write transaction (common::Writer) with a timeline event and a Change owned
// by the project's funding unit.
//
// Scope (SPEC §1): a project is owned by its funding unit — that unit's subtree reads and
// changes it; a provider's org member reads it, reports outputs and uploads documents, and gets
// 403 for everything else; any other caller gets 404, like a missing id.

#include <functional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/writer.hpp"
#include "domain/project/project.hpp"

namespace lianyin::domain::project {

class ProjectService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit ProjectService(common::Writer& writer, Clock clock = core::Now)
      : writer_(writer), clock_(std::move(clock)) {}

  // A new draft. 422 on fields (CheckNewProject), on funding_unit_id (not a union unit in
  // scope), provider_org_ids[i] (not a registered organisation) or region_code (unknown, or not
  // covered by the funding unit's region).
  core::Result<Project> Create(const account::Actor& actor, const NewProject& project);
  // Create inside a write transaction another area's use case runs (a project made of a served
  // match), timestamped `at`; the same checks and records.
  static core::Result<Project> CreateIn(common::WriteTx& tx, const account::Actor& actor,
                                        const NewProject& project, const std::string& at);
  // Changes fields as the status allows (ApplyPatch); the same 422s; 404 outside scope, 403 for
  // an org member, 409 once accepted.
  core::Result<Project> Update(const account::Actor& actor, std::int64_t id,
                               const ProjectPatch& patch);
  // One lifecycle step (CanTransition; 409 otherwise or when a concurrent step won). Contracting
  // checks the contract fields, that there are providers and that none is on a credit list (422
  // naming the entry), and that the contract covers the payment schedule.
  core::Result<Project> Move(const account::Actor& actor, std::int64_t id,
                             const Transition& transition);

  // Imports projects contracted before the platform was used, each straight into its status
  // with its contract, providers and outputs: all or nothing. First, without writing, every
  // project is checked — its fields as for Create, a status from contracted on, the contract as
  // contracting checks it (contract_fen > 0, contracted_on not in the future), at least one
  // provider, each output as AddOutput checks it (outputs[i].…) and their spending within the
  // contract —; then, inside the write transaction, the references as Create checks them
  // (batched: a few queries in all) and that no provider is on a credit list. Any failure → 422
  // listing {row, field, message} (row: the 1-based position in `projects`; at most
  // kMaxImportErrors) and nothing is written. Otherwise one write transaction bulk-loads the
  // projects (totals = the sums of their outputs), providers, outputs and an "import" timeline
  // event each, and records one Change per project (entity "project", action "import", owned
  // by its funding unit). It holds the write lock throughout (SQLite: other writers wait, tens
  // of microseconds per project), so where others write, import a few thousand per call.
  // 403 without project:project:create and project:project:transition. Importing the same
  // projects twice makes two of each (there is no natural key).
  static constexpr std::size_t kMaxImportErrors = 1000;
  core::Result<ImportSummary> ImportHistorical(const account::Actor& actor,
                                               const std::vector<HistoricalProject>& projects);

  core::Result<Project> Get(const account::Actor& actor, std::int64_t id);
  // One page, newest first (two queries), and the total (one more).
  account::Page<Project> List(const account::Actor& actor, const ProjectFilter& filter,
                              const account::PageRequest& page);
  Summary Summarise(const account::Actor& actor);
  core::Result<std::vector<HistoryEvent>> History(const account::Actor& actor, std::int64_t id);

  // Outputs while contracted or in progress (409 otherwise); 422 on fields (CheckOutput) or when
  // spending would pass the contract (on spent_fen, naming what is left). Exact under
  // concurrency. Providers' members may enter them.
  core::Result<Output> AddOutput(const account::Actor& actor, std::int64_t id,
                                 const NewOutput& output);
  // A reversal of the output (and the replacement, if any) in one transaction; 404 for an
  // unknown output, 409 for a reversal or an output reversed already (exact under concurrency).
  core::Result<ReversalResult> Reverse(const account::Actor& actor, std::int64_t id,
                                       std::int64_t output_id, const Reversal& reversal);
  core::Result<account::Page<Output>> Outputs(const account::Actor& actor, std::int64_t id,
                                              const account::PageRequest& page);

  core::Result<std::vector<Milestone>> Milestones(const account::Actor& actor, std::int64_t id);
  core::Result<Milestone> AddMilestone(const account::Actor& actor, std::int64_t id,
                                       Milestone milestone);
  core::Result<Milestone> UpdateMilestone(const account::Actor& actor, std::int64_t id,
                                          std::int64_t milestone_id, const MilestonePatch& patch);
  core::Result<void> DeleteMilestone(const account::Actor& actor, std::int64_t id,
                                     std::int64_t milestone_id);

  // The schedule's sum may not pass the contract (or the budget before one): 422 on
  // amount_fen naming what is left, exact under concurrency.
  core::Result<PaymentSchedule> Payments(const account::Actor& actor, std::int64_t id);
  core::Result<Payment> AddPayment(const account::Actor& actor, std::int64_t id, Payment payment);
  core::Result<Payment> UpdatePayment(const account::Actor& actor, std::int64_t id,
                                      std::int64_t payment_id, const PaymentPatch& patch);
  core::Result<void> DeletePayment(const account::Actor& actor, std::int64_t id,
                                   std::int64_t payment_id);

  // Stores a document with its SHA-256: 413 over kMaxDocumentBytes, 415 unless its extension
  // and content agree on an accepted type, 422 on kind or file_name.
  core::Result<Document> AddDocument(const account::Actor& actor, std::int64_t id,
                                     const std::string& kind, const std::string& file_name,
                                     const std::string& content);
  core::Result<std::vector<Document>> Documents(const account::Actor& actor, std::int64_t id);
  core::Result<DocumentFile> Download(const account::Actor& actor, std::int64_t id,
                                      std::int64_t document_id);
  core::Result<void> DeleteDocument(const account::Actor& actor, std::int64_t id,
                                    std::int64_t document_id);

 private:
  common::Writer& writer_;
  Clock clock_;
};

}  // namespace lianyin::domain::project
