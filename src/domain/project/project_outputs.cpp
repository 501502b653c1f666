// ProjectService: outputs (服务成效) and their reversals.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/money.hpp"
#include "domain/account/scope.hpp"
#include "domain/project/project_internal.hpp"
#include "domain/project/project_repo.hpp"
#include "domain/project/project_rules.hpp"
#include "domain/project/project_service.hpp"

namespace lianyin::domain::project {
namespace {

using account::Actor;

core::Error NotTakingOutputs(ProjectStatus status) {
  return core::Error::Conflict(
      fmt::format("outputs are entered while a project is contracted or in progress, not {}",
                  StatusName(status)));
}

// Why AddToTotals refused: the status changed meanwhile (409) or the contract would be passed
// (422 naming what is left), reading the row as it is now.
core::Error TotalsRefused(ProjectRepo& repo, const common::Scope& scope, std::int64_t id,
                          const std::string& field) {
  const Project now = repo.FindInScope(scope, id).value();
  if (!TakesOutputs(now.status)) return NotTakingOutputs(now.status);
  const std::int64_t left = now.contract_fen.value_or(0) - now.spent_fen;
  return core::Error::Invalid(field,
                              fmt::format("spending would pass the contract: {} yuan are left",
                                          core::FormatYuanGrouped(left)));
}

// Enters `output` on the project and the running totals; the caller checked the fields.
core::Result<Output> Enter(common::WriteTx& tx, ProjectRepo& repo, const Actor& actor,
                           const common::Scope& scope, const Project& project,
                           const NewOutput& output, const std::string& at,
                           const std::string& field_prefix) {
  if (!repo.AddToTotals(project.id, output.person_times, output.events, output.spent_fen, at)) {
    return TotalsRefused(repo, scope, project.id, field_prefix + "spent_fen");
  }
  const std::int64_t id = repo.InsertOutput(project.id, output, actor.user_id, at);
  Output created = repo.FindOutput(project.id, id).value();
  Log(tx, repo, actor, project, at,
      {.action = "create",
       .entity = "project_output",
       .entity_id = id,
       .before = nullptr,
       .after = AuditJson(created),
       .detail = fmt::format("{} person-times, {} events, {} fen on {}", output.person_times,
                             output.events, output.spent_fen, output.on)});
  return created;
}

}  // namespace

core::Result<Output> ProjectService::AddOutput(const Actor& actor, std::int64_t id,
                                               const NewOutput& output) {
  const core::DateTime now = clock_();
  const core::Date today = core::LocalDate(now);
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Output> {
    ProjectRepo repo(tx.session());
    auto project = LoadVisible(repo, scope, id);
    if (!project) return project.error();
    if (!TakesOutputs(project->status)) return NotTakingOutputs(project->status);
    if (auto ok = CheckOutput(output, today, project->contracted_on); !ok) return ok.error();
    return Enter(tx, repo, actor, scope, *project, output, at, "");
  });
}

core::Result<ReversalResult> ProjectService::Reverse(const Actor& actor, std::int64_t id,
                                                     std::int64_t output_id,
                                                     const Reversal& reversal) {
  if (auto ok = CheckReversalReason(reversal.reason); !ok) return ok.error();
  const core::DateTime now = clock_();
  const core::Date today = core::LocalDate(now);
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<ReversalResult> {
    ProjectRepo repo(tx.session());
    auto project = LoadVisible(repo, scope, id);
    if (!project) return project.error();
    auto original = repo.FindOutput(id, output_id);
    if (!original) return core::Error::NotFound();
    if (!TakesOutputs(project->status)) return NotTakingOutputs(project->status);
    if (original->reverses_id) return core::Error::Conflict("a reversal cannot be reversed");
    const core::Error reversed = core::Error::Conflict("this output has already been reversed");
    if (original->reversed_by_id) return reversed;
    if (reversal.replacement) {
      auto ok = CheckOutput(*reversal.replacement, today, project->contracted_on, "replacement.");
      if (!ok) return ok.error();
    }
    // The unique index decides first which of concurrent reversals wins (the others wait for
    // it and get 409); then the figures come back off the totals — before the replacement, so
    // that its spending fits the contract.
    auto reversal_id = repo.InsertReversal(*original, reversal.reason, actor.user_id, at);
    if (!reversal_id) return reversed;
    if (!repo.AddToTotals(id, -original->person_times, -original->events, -original->spent_fen,
                          at)) {
      return TotalsRefused(repo, scope, id, "spent_fen");
    }
    ReversalResult result{repo.FindOutput(id, *reversal_id).value(), std::nullopt};
    Log(tx, repo, actor, *project, at,
        {.action = "reverse",
         .entity = "project_output",
         .entity_id = original->id,
         .before = AuditJson(*original),
         .after = AuditJson(result.reversal),
         .reason = reversal.reason});
    if (reversal.replacement) {
      auto replacement =
          Enter(tx, repo, actor, scope, *project, *reversal.replacement, at, "replacement.");
      if (!replacement) return replacement.error();
      result.replacement = std::move(*replacement);
    }
    return result;
  });
}

core::Result<account::Page<Output>> ProjectService::Outputs(const Actor& actor, std::int64_t id,
                                                            const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  ProjectRepo repo(session);
  auto project = LoadVisible(repo, account::ScopeOf(actor), id);
  if (!project) return project.error();
  return account::Page<Output>{repo.Outputs(id, page.page_size, page.Offset()),
                               repo.CountOutputs(id)};
}

}  // namespace lianyin::domain::project
