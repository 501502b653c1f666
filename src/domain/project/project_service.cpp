// ProjectService: creating, editing and moving projects along their lifecycle, and the reads.

#include "domain/project/project_service.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/money.hpp"
#include "domain/account/scope.hpp"
#include "domain/credit/credit_gate.hpp"
#include "domain/project/project_internal.hpp"
#include "domain/project/project_repo.hpp"
#include "domain/project/project_rules.hpp"

namespace lianyin::domain::project {
namespace {

using account::Actor;

// The names of the fields `patch` carries, comma-separated (the timeline's detail of an edit).
std::string PatchedFields(const ProjectPatch& p) {
  std::string out;
  const auto add = [&](bool present, const char* name) {
    if (present) out += (out.empty() ? "" : ",") + std::string(name);
  };
  add(p.title.has_value(), "title");
  add(p.category.has_value(), "category");
  add(p.funding_unit_id.has_value(), "funding_unit_id");
  add(p.mode.has_value(), "mode");
  add(p.provider_org_ids.has_value(), "provider_org_ids");
  add(p.budget_fen.has_value(), "budget_fen");
  add(p.region_code.has_value(), "region_code");
  add(p.start_on.has_value(), "start_on");
  add(p.end_on.has_value(), "end_on");
  add(p.target_groups.has_value(), "target_groups");
  add(p.description.has_value(), "description");
  return out;
}

// Create's write, once the fields are checked: the references, the row and its records.
core::Result<Project> InsertChecked(common::WriteTx& tx, const Actor& actor,
                                    const NewProject& input, const std::string& at) {
  const account::Scope scope = account::ScopeOf(actor);
  if (auto ok = CheckReferences(tx.session(), scope, input); !ok) return ok.error();
  ProjectRepo repo(tx.session());
  const std::int64_t id = repo.Insert(input, actor.user_id, at);
  Project created = repo.FindInScope(scope, id).value();
  Log(tx, repo, actor, created, at,
      {.action = "create",
       .entity = "project",
       .entity_id = id,
       .before = nullptr,
       .after = AuditJson(created),
       .to_status = std::string(StatusName(created.status))});
  return created;
}

}  // namespace

core::Result<Project> ProjectService::Create(const Actor& actor, const NewProject& input) {
  if (auto ok = CheckNewProject(input); !ok) return ok.error();
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Project> {
    return InsertChecked(tx, actor, input, at);
  });
}

core::Result<Project> ProjectService::CreateIn(common::WriteTx& tx, const Actor& actor,
                                               const NewProject& input, const std::string& at) {
  if (auto ok = CheckNewProject(input); !ok) return ok.error();
  return InsertChecked(tx, actor, input, at);
}

core::Result<Project> ProjectService::Update(const Actor& actor, std::int64_t id,
                                             const ProjectPatch& patch) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Project> {
    ProjectRepo repo(tx.session());
    auto before = LoadManaged(repo, actor, scope, id);
    if (!before) return before.error();
    auto next = ApplyPatch(FieldsOf(*before), before->status, patch);
    if (!next) return next.error();
    if (auto ok = CheckReferences(tx.session(), scope, *next); !ok) return ok.error();
    repo.Update(id, *next, at);
    Project after = repo.FindInScope(scope, id).value();
    Log(tx, repo, actor, after, at,
        {.action = "update",
         .entity = "project",
         .entity_id = id,
         .before = AuditJson(*before),
         .after = AuditJson(after),
         .detail = PatchedFields(patch)});
    return after;
  });
}

core::Result<Project> ProjectService::Move(const Actor& actor, std::int64_t id,
                                           const Transition& transition) {
  const core::DateTime now = clock_();
  const auto to = ParseStatus(transition.to);
  if (!to) return core::Error::Invalid("to", "not a project_status code");
  // The step's own fields, checked after its legality (an illegal step is a 409 whatever it
  // carries); pure and cheap, so inside the transaction.
  const auto fields = CheckTransition(transition, core::LocalDate(now));
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Project> {
    ProjectRepo repo(tx.session());
    auto before = LoadManaged(repo, actor, scope, id);
    if (!before) return before.error();
    if (!CanTransition(before->status, *to)) return IllegalTransition(before->status, *to);
    if (!fields) return fields.error();
    const bool contracting = *to == ProjectStatus::kContracted;
    if (contracting) {
      if (before->providers.empty()) {
        return core::Error::Invalid("provider_org_ids",
                                    "a project needs a provider before it is contracted");
      }
      if (auto listed = credit::FirstActiveEntry(tx.session(), before->ProviderIds())) {
        return credit::CreditListed(*listed, "provider_org_ids");
      }
      if (*transition.contract_fen < before->scheduled_fen) {
        return core::Error::Invalid("contract_fen",
                                    fmt::format("must cover the payment schedule of {} yuan",
                                                core::FormatYuanGrouped(before->scheduled_fen)));
      }
    }
    if (!repo.SetStatus(id, before->status, *to,
                        contracting ? transition.contract_fen : std::nullopt,
                        contracting ? transition.contracted_on : std::nullopt, at)) {
      // A concurrent step (or a payment added meanwhile) changed the row first.
      auto now_row = repo.FindInScope(scope, id).value();
      if (now_row.status != before->status) return IllegalTransition(now_row.status, *to);
      return core::Error::Invalid("contract_fen", "must cover the payment schedule");
    }
    Project after = repo.FindInScope(scope, id).value();
    Log(tx, repo, actor, after, at,
        {.action = "transition",
         .entity = "project",
         .entity_id = id,
         .before = AuditJson(*before),
         .after = AuditJson(after),
         .from_status = std::string(StatusName(before->status)),
         .to_status = std::string(StatusName(after.status)),
         .reason = transition.reason});
    return after;
  });
}

core::Result<Project> ProjectService::Get(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  ProjectRepo repo(session);
  return LoadVisible(repo, account::ScopeOf(actor), id);
}

account::Page<Project> ProjectService::List(const Actor& actor, const ProjectFilter& filter,
                                            const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  ProjectRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return {repo.List(filter, scope, page.page_size, page.Offset()), repo.Count(filter, scope)};
}

Summary ProjectService::Summarise(const Actor& actor) {
  const core::Date today = core::LocalDate(clock_());
  const core::Date first{today.year, today.month, 1};
  const core::Date last{today.year, today.month, core::DaysInMonth(today.year, today.month)};
  store::Session session = writer_.db().Acquire();
  return ProjectRepo(session).Summarise(account::ScopeOf(actor), core::FormatDate(today),
                                        core::FormatDate(first), core::FormatDate(last));
}

core::Result<std::vector<HistoryEvent>> ProjectService::History(const Actor& actor,
                                                                std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  ProjectRepo repo(session);
  auto project = LoadVisible(repo, account::ScopeOf(actor), id);
  if (!project) return project.error();
  return repo.History(id);
}

}  // namespace lianyin::domain::project
