// InspectionService: the teams' results, the public page and the standing declarations.

#include <boost/json.hpp>

#include "core/uscc.hpp"
#include "domain/account/scope.hpp"
#include "domain/inspection/inspection_repo.hpp"
#include "domain/inspection/inspection_rules.hpp"
#include "domain/inspection/inspection_service.hpp"

namespace lianyin::domain::inspection {
namespace {

using account::Actor;
namespace json = boost::json;

json::object AuditJson(const Outcome& o) {
  return {{"uscc", o.uscc},
          {"result", o.result ? json::value(*o.result) : json::value(nullptr)},
          {"findings", o.findings}};
}

std::optional<Outcome> OutcomeOf(InspectionRepo& repo, std::int64_t plan_id,
                                 const std::string& uscc) {
  for (Outcome& o : repo.Outcomes(plan_id)) {
    if (o.uscc == uscc) return std::move(o);
  }
  return std::nullopt;
}

}  // namespace

core::Result<Outcome> InspectionService::RecordResult(const Actor& actor, std::int64_t plan_id,
                                                      const std::string& uscc_text,
                                                      const std::string& result,
                                                      const std::string& findings) {
  if (auto ok = CheckResult(result, findings); !ok) return ok.error();
  auto uscc = core::ParseUscc(uscc_text);
  if (!uscc) return core::Error::NotFound();
  const account::Scope scope = account::ScopeOf(actor);
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Outcome> {
    InspectionRepo repo(tx.session());
    if (!repo.IsAssigned(plan_id, uscc->code(), actor.user_id)) {
      if (repo.FindInScope(scope, plan_id)) {
        return core::Error::Forbidden("only an inspector of the organisation's team records it");
      }
      return account::OutOfScope();
    }
    auto plan = repo.FindPublic(plan_id).value();
    auto before = OutcomeOf(repo, plan_id, uscc->code()).value();
    if (!repo.RecordResult(plan_id, uscc->code(), result, findings, actor.user_id, at)) {
      return core::Error::Conflict("the results have been published");
    }
    Outcome after = OutcomeOf(repo, plan_id, uscc->code()).value();
    tx.Record({"record_result", "inspection_result", std::to_string(plan_id) + "/" + after.uscc,
               AuditJson(before), AuditJson(after), true, plan.unit_id});
    return after;
  });
}

account::Page<Assignment> InspectionService::MyAssignments(const Actor& actor, bool pending_only,
                                                           const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  InspectionRepo repo(session);
  return account::Page<Assignment>{
      repo.Assignments(actor.user_id, pending_only, page.page_size, page.Offset()),
      repo.CountAssignments(actor.user_id, pending_only)};
}

std::int64_t InspectionService::PendingCount(const Actor& actor) {
  store::Session session = writer_.db().Acquire();
  return InspectionRepo(session).PendingCount(actor.user_id);
}

account::Page<Plan> InspectionService::PublicList(const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  InspectionRepo repo(session);
  return {repo.ListDrawn(page.page_size, page.Offset()), repo.CountDrawn()};
}

std::optional<PublicDraw> InspectionService::Public(std::int64_t plan_id) {
  store::Session session = writer_.db().Acquire();
  InspectionRepo repo(session);
  auto plan = repo.FindPublic(plan_id);
  if (!plan) return std::nullopt;
  std::vector<Outcome> outcomes;
  if (plan->status != "planned") outcomes = repo.Outcomes(plan_id);
  return PublicDraw{std::move(*plan), std::move(outcomes)};
}

core::Result<UserConflict> InspectionService::Declare(const Actor& actor, std::int64_t user_id,
                                                      const std::string& uscc_text) {
  auto uscc = core::ParseUscc(uscc_text);
  if (!uscc) return uscc.error();
  const account::Scope scope = account::ScopeOf(actor);
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<UserConflict> {
    InspectionRepo repo(tx.session());
    auto unit = repo.UserUnitInScope(scope, user_id);
    if (!unit) return account::OutOfScope();
    if (user_id != actor.user_id && !actor.Can("inspection:plan:edit")) {
      return core::Error::Forbidden("only the user itself declares its conflicts");
    }
    auto id = repo.InsertUserConflict(user_id, uscc->code(), *unit, actor.user_id, at);
    if (!id) {
      core::Error e = core::Error::Conflict("this conflict has already been declared");
      e.details.push_back({"uscc", "already declared", std::nullopt});
      return e;
    }
    UserConflict created;
    for (UserConflict& c : repo.UserConflicts(user_id)) {
      if (c.id == *id) created = std::move(c);
    }
    tx.Record({"create", "user_conflict", std::to_string(*id), nullptr,
               json::object{{"user_id", user_id}, {"uscc", created.uscc}}, true, *unit});
    return created;
  });
}

core::Result<std::vector<UserConflict>> InspectionService::Declarations(const Actor& actor,
                                                                        std::int64_t user_id) {
  store::Session session = writer_.db().Acquire();
  InspectionRepo repo(session);
  if (!repo.UserUnitInScope(account::ScopeOf(actor), user_id)) return account::OutOfScope();
  return repo.UserConflicts(user_id);
}

}  // namespace lianyin::domain::inspection
