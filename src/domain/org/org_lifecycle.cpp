// OrgService: the legal lifecycle (transitions, registration review), the timeline and public
// disclosure.

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/org/org_audit.hpp"
#include "domain/org/org_repo.hpp"
#include "domain/org/org_rules.hpp"
#include "domain/org/org_service.hpp"

namespace lianyin::domain::org {
namespace {

using account::Actor;

// Writes a status change with its event and Change; the caller commits.
Org ChangeStatus(common::WriteTx& tx, const account::Scope& scope, const Actor& actor,
                 const Org& before, OrgStatus to, const std::string& action,
                 const std::string& reason, boost::json::object details, const std::string& at) {
  OrgRepo repo(tx.session());
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
  tx.Record(OrgChange(action, before, boost::json::object{{"status", OrgStatusName(before.status)}},
                      boost::json::object{{"status", OrgStatusName(to)}, {"details", details}}));
  return repo.FindPublic(scope, before.id).value().org;
}

// The org for a status change: its registration authority's subtree only (not its members).
core::Result<Org> LoadManaged(store::Session& session, const Actor& actor, std::int64_t id) {
  const account::Scope scope = account::ScopeOf(actor);
  OrgRepo repo(session);
  auto org = repo.FindManaged(scope, id);
  if (!org || actor.org_id) {
    if (!repo.FindPublic(scope, id)) return core::Error::NotFound();
    return account::ForbiddenOutsideScope();
  }
  return *org;
}

}  // namespace

core::Result<OrgView> OrgService::Transition(const Actor& actor, std::int64_t id, OrgStatus to,
                                             const std::string& reason) {
  if (reason.empty()) return core::Error::Invalid("reason", "is required");
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<OrgView> {
    auto before = LoadManaged(tx.session(), actor, id);
    if (!before) return before.error();
    if (!TransitionAllowed(before->status, to)) {
      return core::Error::Conflict("cannot go from " + std::string(OrgStatusName(before->status)) +
                                   " to " + std::string(OrgStatusName(to)));
    }
    const Org after =
        ChangeStatus(tx, account::ScopeOf(actor), actor, *before, to, "transition", reason, {}, at);
    return OrgView{after, true};
  });
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
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<OrgView> {
    auto before = LoadManaged(tx.session(), actor, id);
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
    const Org after = ChangeStatus(tx, account::ScopeOf(actor), actor, *before, to, "review",
                                   review.comment, std::move(details), at);
    return OrgView{after, true};
  });
}

core::Result<std::vector<OrgEvent>> OrgService::History(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  OrgRepo repo(session);
  if (!repo.FindManaged(account::ScopeOf(actor), id)) return account::OutOfScope();
  return repo.Events(id);
}

core::Result<Org> OrgService::PublicLookup(const std::string& uscc) {
  store::Session session = writer_.db().Acquire();
  auto org = OrgRepo(session).FindByUscc(uscc);
  if (!org || org->status == OrgStatus::kApplying || org->status == OrgStatus::kRejected) {
    return core::Error::NotFound("no registered organisation with this code");
  }
  return *org;
}

account::Page<Org> OrgService::PublicSearch(const std::string& q,
                                            const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  OrgRepo repo(session);
  const OrgFilter filter{.q = q, .disclosed_only = true};
  const common::Scope nobody;  // no caller: every row reads as not managed (public fields only)
  account::Page<Org> out;
  for (OrgView& view : repo.List(filter, nobody, page.page_size, page.Offset())) {
    out.items.push_back(std::move(view.org));
  }
  out.total = repo.Count(filter, nobody);
  return out;
}

}  // namespace lianyin::domain::org
