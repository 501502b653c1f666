// ProjectService: milestones and the payment schedule.

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

core::Error MilestonesClosed(ProjectStatus status) {
  return core::Error::Conflict(
      fmt::format("milestones no longer change once a project is {}", StatusName(status)));
}

core::Error PaymentsClosed(ProjectStatus status) {
  return core::Error::Conflict(fmt::format(
      "the payment schedule no longer changes once a project is {}", StatusName(status)));
}

// 422 on amount_fen naming what the schedule has left under its limit, read as it is now.
core::Error OverLimit(ProjectRepo& repo, const common::Scope& scope, std::int64_t id) {
  const Project p = repo.FindInScope(scope, id).value();
  const std::int64_t limit = p.contract_fen.value_or(p.budget_fen);
  return core::Error::Invalid(
      "amount_fen", fmt::format("the schedule would pass the limit of {} yuan: {} yuan are left",
                                core::FormatYuanGrouped(limit),
                                core::FormatYuanGrouped(limit - p.scheduled_fen)));
}

std::int64_t PaidPart(const Payment& p) { return p.paid_on ? p.amount_fen : 0; }

}  // namespace

core::Result<std::vector<Milestone>> ProjectService::Milestones(const Actor& actor,
                                                                std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  ProjectRepo repo(session);
  auto project = LoadVisible(repo, account::ScopeOf(actor), id);
  if (!project) return project.error();
  return repo.Milestones(id);
}

core::Result<Milestone> ProjectService::AddMilestone(const Actor& actor, std::int64_t id,
                                                     Milestone milestone) {
  if (auto ok = CheckMilestone(milestone); !ok) return ok.error();
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Milestone> {
    ProjectRepo repo(tx.session());
    auto project = LoadManaged(repo, actor, scope, id);
    if (!project) return project.error();
    if (!TakesMilestones(project->status)) return MilestonesClosed(project->status);
    milestone.project_id = id;
    milestone.id = repo.InsertMilestone(milestone, at);
    Log(tx, repo, actor, *project, at,
        {.action = "create",
         .entity = "project_milestone",
         .entity_id = milestone.id,
         .before = nullptr,
         .after = AuditJson(milestone),
         .detail = milestone.title});
    return milestone;
  });
}

core::Result<Milestone> ProjectService::UpdateMilestone(const Actor& actor, std::int64_t id,
                                                        std::int64_t milestone_id,
                                                        const MilestonePatch& patch) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Milestone> {
    ProjectRepo repo(tx.session());
    auto project = LoadManaged(repo, actor, scope, id);
    if (!project) return project.error();
    auto before = repo.FindMilestone(id, milestone_id);
    if (!before) return core::Error::NotFound();
    if (!TakesMilestones(project->status)) return MilestonesClosed(project->status);
    Milestone after = *before;
    if (patch.title) after.title = *patch.title;
    if (patch.due_on) after.due_on = *patch.due_on;
    if (patch.done_on) after.done_on = *patch.done_on;
    if (patch.note) after.note = *patch.note;
    if (auto ok = CheckMilestone(after); !ok) return ok.error();
    repo.UpdateMilestone(after, at);
    Log(tx, repo, actor, *project, at,
        {.action = "update",
         .entity = "project_milestone",
         .entity_id = milestone_id,
         .before = AuditJson(*before),
         .after = AuditJson(after),
         .detail = after.title});
    return after;
  });
}

core::Result<void> ProjectService::DeleteMilestone(const Actor& actor, std::int64_t id,
                                                   std::int64_t milestone_id) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    ProjectRepo repo(tx.session());
    auto project = LoadManaged(repo, actor, scope, id);
    if (!project) return project.error();
    auto before = repo.FindMilestone(id, milestone_id);
    if (!before) return core::Error::NotFound();
    if (!TakesMilestones(project->status)) return MilestonesClosed(project->status);
    repo.DeleteMilestone(milestone_id);
    Log(tx, repo, actor, *project, at,
        {.action = "delete",
         .entity = "project_milestone",
         .entity_id = milestone_id,
         .before = AuditJson(*before),
         .after = nullptr,
         .detail = before->title});
    return {};
  });
}

core::Result<PaymentSchedule> ProjectService::Payments(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  ProjectRepo repo(session);
  auto project = LoadVisible(repo, account::ScopeOf(actor), id);
  if (!project) return project.error();
  return PaymentSchedule{repo.Payments(id), project->scheduled_fen,
                         project->contract_fen.value_or(project->budget_fen)};
}

core::Result<Payment> ProjectService::AddPayment(const Actor& actor, std::int64_t id,
                                                 Payment payment) {
  const core::DateTime now = clock_();
  if (auto ok = CheckPayment(payment, core::LocalDate(now)); !ok) return ok.error();
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Payment> {
    ProjectRepo repo(tx.session());
    auto project = LoadManaged(repo, actor, scope, id);
    if (!project) return project.error();
    if (!TakesPayments(project->status)) return PaymentsClosed(project->status);
    if (!repo.AdjustSchedule(id, payment.amount_fen, PaidPart(payment), at)) {
      return OverLimit(repo, scope, id);
    }
    payment.project_id = id;
    payment.id = repo.InsertPayment(payment, at);
    Log(tx, repo, actor, *project, at,
        {.action = "create",
         .entity = "project_payment",
         .entity_id = payment.id,
         .before = nullptr,
         .after = AuditJson(payment),
         .detail = fmt::format("{} fen due {}", payment.amount_fen, payment.due_on)});
    return payment;
  });
}

core::Result<Payment> ProjectService::UpdatePayment(const Actor& actor, std::int64_t id,
                                                    std::int64_t payment_id,
                                                    const PaymentPatch& patch) {
  const core::DateTime now = clock_();
  const core::Date today = core::LocalDate(now);
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Payment> {
    ProjectRepo repo(tx.session());
    auto project = LoadManaged(repo, actor, scope, id);
    if (!project) return project.error();
    auto before = repo.FindPayment(id, payment_id);
    if (!before) return core::Error::NotFound();
    if (!TakesPayments(project->status)) return PaymentsClosed(project->status);
    Payment after = *before;
    if (patch.due_on) after.due_on = *patch.due_on;
    if (patch.amount_fen) after.amount_fen = *patch.amount_fen;
    if (patch.paid_on) after.paid_on = *patch.paid_on;
    if (patch.note) after.note = *patch.note;
    if (auto ok = CheckPayment(after, today); !ok) return ok.error();
    if (!repo.AdjustSchedule(id, after.amount_fen - before->amount_fen,
                             PaidPart(after) - PaidPart(*before), at)) {
      return OverLimit(repo, scope, id);
    }
    repo.UpdatePayment(after, at);
    Log(tx, repo, actor, *project, at,
        {.action = "update",
         .entity = "project_payment",
         .entity_id = payment_id,
         .before = AuditJson(*before),
         .after = AuditJson(after),
         .detail = fmt::format("{} fen due {}", after.amount_fen, after.due_on)});
    return after;
  });
}

core::Result<void> ProjectService::DeletePayment(const Actor& actor, std::int64_t id,
                                                 std::int64_t payment_id) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    ProjectRepo repo(tx.session());
    auto project = LoadManaged(repo, actor, scope, id);
    if (!project) return project.error();
    auto before = repo.FindPayment(id, payment_id);
    if (!before) return core::Error::NotFound();
    if (!TakesPayments(project->status)) return PaymentsClosed(project->status);
    repo.AdjustSchedule(id, -before->amount_fen, -PaidPart(*before), at);
    repo.DeletePayment(payment_id);
    Log(tx, repo, actor, *project, at,
        {.action = "delete",
         .entity = "project_payment",
         .entity_id = payment_id,
         .before = AuditJson(*before),
         .after = nullptr,
         .detail = fmt::format("{} fen due {}", before->amount_fen, before->due_on)});
    return {};
  });
}

}  // namespace lianyin::domain::project
