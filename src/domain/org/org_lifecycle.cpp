// OrgService: the legal lifecycle (transitions, registration review), the timeline and public
// disclosure.

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/org/org_repo.hpp"
#include "domain/org/org_rules.hpp"
#include "domain/org/org_service.hpp"

namespace lianyin::domain::org {
namespace {

using account::Actor;

// Writes a status change with its event and audit entry; the caller commits.
Org ChangeStatus(store::Session& session, const account::AuditSink& audit, const Actor& actor,
                 const Org& before, OrgStatus to, const std::string& action,
                 const std::string& reason, boost::json::object details, const std::string& at) {
  OrgRepo repo(session);
  repo.SetStatus(before.id, to, at);
  OrgEvent event;
  event.at = at;
  if (actor.user_id) event.actor_user_id = actor.user_id;
  event.actor_username = actor.username;
  event.action = action;
  event.from_status = std::string(OrgStatusName(before.status));
  event.to_status = std::string(OrgStatusName(to));
  event.reason = reason;
  event.details_json = boost::json::serialize(details);
  repo.AddEvent(event, before.id);
  details["reason"] = reason;
  audit(session, actor,
        {action, "org", std::to_string(before.id),
         boost::json::object{{"status", OrgStatusName(before.status)}},
         boost::json::object{{"status", OrgStatusName(to)}, {"details", details}}});
  return repo.Find(before.id).value();
}

core::Result<Org> LoadManaged(store::Session& session, const Actor& actor, std::int64_t id) {
  auto org = OrgRepo(session).Find(id);
  if (!org) return core::Error::NotFound();
  if (!account::UnitInScope(session, account::ScopeOf(actor), org->registration_unit_id)) {
    return account::ForbiddenOutsideScope();
  }
  return *org;
}

}  // namespace

core::Result<OrgView> OrgService::Transition(const Actor& actor, std::int64_t id, OrgStatus to,
                                             const std::string& reason) {
  if (reason.empty()) return core::Error::Invalid("reason", "is required");
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  auto before = LoadManaged(session, actor, id);
  if (!before) return before.error();
  if (!TransitionAllowed(before->status, to)) {
    return core::Error::Conflict("cannot go from " + std::string(OrgStatusName(before->status)) +
                                 " to " + std::string(OrgStatusName(to)));
  }
  const Org after = ChangeStatus(session, audit_, actor, *before, to, "transition", reason, {},
                                 core::FormatDateTime(clock_()));
  tx.Commit();
  return OrgView{after, true};
}

core::Result<OrgView> OrgService::ReviewApplication(const Actor& actor, std::int64_t id,
                                                    const Review& review) {
  std::vector<core::FieldError> errors;
  if (review.approve) {
    const std::pair<bool, const char*> checks[] = {
        {review.business_scope_ok, "business_scope_ok"},
        {review.non_profit_purpose, "non_profit_purpose"},
        {review.no_profit_distribution, "no_profit_distribution"},
        {review.assets_for_public_benefit, "assets_for_public_benefit"}};
    for (const auto& [ok, field] : checks) {
      if (!ok) errors.push_back({field, "must be checked to approve", std::nullopt});
    }
  } else if (review.comment.empty()) {
    errors.push_back({"comment", "is required to reject", std::nullopt});
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  auto before = LoadManaged(session, actor, id);
  if (!before) return before.error();
  if (before->status != OrgStatus::kApplying) {
    return core::Error::Conflict("only an application can be reviewed");
  }
  boost::json::object details{{"decision", review.approve ? "approve" : "reject"},
                              {"business_scope_ok", review.business_scope_ok},
                              {"non_profit_purpose", review.non_profit_purpose},
                              {"no_profit_distribution", review.no_profit_distribution},
                              {"assets_for_public_benefit", review.assets_for_public_benefit}};
  const OrgStatus to = review.approve ? OrgStatus::kRegistered : OrgStatus::kRejected;
  const Org after = ChangeStatus(session, audit_, actor, *before, to, "review", review.comment,
                                 std::move(details), core::FormatDateTime(clock_()));
  tx.Commit();
  return OrgView{after, true};
}

core::Result<std::vector<OrgEvent>> OrgService::History(const Actor& actor, std::int64_t id) {
  store::Session session = db_.Acquire();
  OrgRepo repo(session);
  auto org = repo.Find(id);
  const bool member = actor.org_id && org && *actor.org_id == org->id;
  if (!org || (!member && !account::UnitInScope(session, account::ScopeOf(actor),
                                                org->registration_unit_id))) {
    return account::OutOfScope();
  }
  return repo.Events(id);
}

core::Result<Org> OrgService::PublicLookup(const std::string& uscc) {
  store::Session session = db_.Acquire();
  auto org = OrgRepo(session).FindByUscc(uscc);
  if (!org || org->status == OrgStatus::kApplying || org->status == OrgStatus::kRejected) {
    return core::Error::NotFound("no registered organisation with this code");
  }
  return *org;
}

}  // namespace lianyin::domain::org
