// OrgService: links (联系引导) between union units and organisations.

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/credit/credit_gate.hpp"
#include "domain/org/org_repo.hpp"
#include "domain/org/org_service.hpp"

namespace lianyin::domain::org {
namespace {

using account::Actor;

// The union unit `unit_id` when it is in the actor's scope; 404 otherwise.
core::Result<account::Unit> UnionInScope(store::Session& session, const Actor& actor,
                                         std::int64_t unit_id) {
  auto unit = account::UnitRepo(session).FindInScope(account::ScopeOf(actor), unit_id);
  if (!unit) return account::OutOfScope();
  if (unit->kind != account::UnitKind::kUnion) {
    return core::Error::Invalid("unit_id", "only a union unit links organisations");
  }
  return *unit;
}

common::Change LinkChange(std::string action, std::int64_t link_id, std::int64_t unit_id,
                          boost::json::value before, boost::json::value after) {
  return {std::move(action),
          "org_link",
          std::to_string(link_id),
          std::move(before),
          std::move(after),
          true,
          unit_id};
}

}  // namespace

core::Result<Link> OrgService::LinkOrg(const Actor& actor, std::int64_t unit_id,
                                       std::int64_t org_id, std::optional<std::string> since) {
  const core::DateTime now = clock_();
  if (!since) since = core::FormatDate(core::LocalDate(now));
  if (!core::ParseDate(*since, "since")) {
    return core::Error::Invalid("since", "must be a date like 2023-04-01");
  }
  const std::string at = core::FormatDateTime(now);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Link> {
    store::Session& session = tx.session();
    if (auto unit = UnionInScope(session, actor, unit_id); !unit) return unit.error();
    OrgRepo repo(session);
    // Linking names any registered organisation: their public fields are everyone's to read.
    auto org = repo.FindPublic(account::ScopeOf(actor), org_id);
    if (!org) return core::Error::Invalid("org_id", "no such organisation");
    if (org->org.status != OrgStatus::kRegistered) {
      return core::Error::Invalid("org_id", "only a registered organisation can be linked");
    }
    // SPEC §4: an organisation on a credit list is not linked anew (existing links stay).
    if (auto listed = credit::FirstActiveEntry(session, {org_id})) {
      return credit::CreditListed(*listed, "org_id");
    }
    auto id = repo.InsertLink(unit_id, org_id, *since, at);
    if (!id) return core::Error::Conflict("already linked");
    tx.Record(LinkChange(
        "create", *id, unit_id, nullptr,
        boost::json::object{{"unit_id", unit_id}, {"org_id", org_id}, {"since", *since}}));
    return repo.ActiveLink(unit_id, org_id).value();
  });
}

core::Result<account::Page<Link>> OrgService::Links(const Actor& actor, std::int64_t unit_id,
                                                    const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  if (auto unit = UnionInScope(session, actor, unit_id); !unit) return unit.error();
  OrgRepo repo(session);
  return account::Page<Link>{repo.ActiveLinks(unit_id, page.page_size, page.Offset()),
                             repo.CountActiveLinks(unit_id)};
}

core::Result<void> OrgService::Unlink(const Actor& actor, std::int64_t unit_id,
                                      std::int64_t org_id) {
  const std::string until = core::FormatDate(core::LocalDate(clock_()));
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    store::Session& session = tx.session();
    if (auto unit = UnionInScope(session, actor, unit_id); !unit) return unit.error();
    OrgRepo repo(session);
    auto link = repo.ActiveLink(unit_id, org_id);
    if (!link || !repo.EndLink(link->id, until)) return core::Error::NotFound("no active link");
    tx.Record(LinkChange(
        "delete", link->id, unit_id,
        boost::json::object{{"unit_id", unit_id}, {"org_id", org_id}, {"since", link->since}},
        boost::json::object{{"until", until}}));
    return {};
  });
}

}  // namespace lianyin::domain::org
