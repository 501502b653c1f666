// OrgService: links (联系引导) between union units and organisations.

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/org/org_repo.hpp"
#include "domain/org/org_service.hpp"

namespace lianyin::domain::org {
namespace {

using account::Actor;

// The union unit `unit_id` when it is in the actor's scope; 404 otherwise.
core::Result<account::Unit> UnionInScope(store::Session& session, const Actor& actor,
                                         std::int64_t unit_id) {
  auto unit = account::UnitRepo(session).FindUnit(unit_id);
  if (!unit || !account::UnitInScope(session, account::ScopeOf(actor), unit_id)) {
    return account::OutOfScope();
  }
  if (unit->kind != account::UnitKind::kUnion) {
    return core::Error::Invalid("unit_id", "only a union unit links organisations");
  }
  return *unit;
}

}  // namespace

core::Result<Link> OrgService::LinkOrg(const Actor& actor, std::int64_t unit_id,
                                       std::int64_t org_id, std::optional<std::string> since) {
  const core::DateTime now = clock_();
  if (!since) since = core::FormatDate(core::LocalDate(now));
  if (!core::ParseDate(*since, "since")) {
    return core::Error::Invalid("since", "must be a date like 2023-04-01");
  }
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  if (auto unit = UnionInScope(session, actor, unit_id); !unit) return unit.error();
  OrgRepo repo(session);
  auto org = repo.Find(org_id);
  if (!org) return core::Error::Invalid("org_id", "no such organisation");
  if (org->status != OrgStatus::kRegistered) {
    return core::Error::Invalid("org_id", "only a registered organisation can be linked");
  }
  if (repo.ActiveLink(unit_id, org_id)) return core::Error::Conflict("already linked");
  const std::int64_t id = repo.InsertLink(unit_id, org_id, *since, core::FormatDateTime(now));
  const Link link = repo.ActiveLink(unit_id, org_id).value();
  audit_(session, actor,
         {"create", "org_link", std::to_string(id), nullptr,
          boost::json::object{{"unit_id", unit_id}, {"org_id", org_id}, {"since", *since}}});
  tx.Commit();
  return link;
}

core::Result<std::vector<Link>> OrgService::Links(const Actor& actor, std::int64_t unit_id) {
  store::Session session = db_.Acquire();
  if (auto unit = UnionInScope(session, actor, unit_id); !unit) return unit.error();
  return OrgRepo(session).Links(unit_id, /*active_only=*/true);
}

core::Result<void> OrgService::Unlink(const Actor& actor, std::int64_t unit_id,
                                      std::int64_t org_id) {
  const core::DateTime now = clock_();
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  if (auto unit = UnionInScope(session, actor, unit_id); !unit) return unit.error();
  OrgRepo repo(session);
  auto link = repo.ActiveLink(unit_id, org_id);
  if (!link) return core::Error::NotFound("no active link");
  const std::string until = core::FormatDate(core::LocalDate(now));
  repo.EndLink(link->id, until);
  audit_(session, actor,
         {"delete", "org_link", std::to_string(link->id),
          boost::json::object{{"unit_id", unit_id}, {"org_id", org_id}, {"since", link->since}},
          boost::json::object{{"until", until}}});
  tx.Commit();
  return {};
}

}  // namespace lianyin::domain::org
