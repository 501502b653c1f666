#include "domain/org/org_service.hpp"

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/org/org_repo.hpp"
#include "domain/org/org_rules.hpp"
#include "domain/region/region_repo.hpp"

namespace lianyin::domain::org {
namespace {

using account::Actor;

boost::json::object AuditJson(const Org& o) {
  boost::json::array categories(o.service_categories.begin(), o.service_categories.end());
  return {{"id", o.id},
          {"name", o.name},
          {"uscc", o.uscc},
          {"org_type", o.org_type},
          {"region_code", o.region_code},
          {"registration_unit_id", o.registration_unit_id},
          {"legal_rep", o.legal_rep},
          {"phone", o.phone},
          {"founded_on", o.founded_on},
          {"business_scope", o.business_scope},
          {"service_categories", std::move(categories)},
          {"labour_field", o.labour_field},
          {"status", OrgStatusName(o.status)}};
}

// In the registration authority's subtree, or the org's own member.
bool Manages(store::Session& session, const Actor& actor, const Org& org) {
  if (actor.org_id) return *actor.org_id == org.id;
  return account::UnitInScope(session, account::ScopeOf(actor), org.registration_unit_id);
}

OrgEvent Event(const Actor& actor, std::string at, std::string action, std::string reason,
               std::string details) {
  OrgEvent e;
  e.at = std::move(at);
  if (actor.user_id) e.actor_user_id = actor.user_id;
  e.actor_username = actor.username;
  e.action = std::move(action);
  e.reason = std::move(reason);
  e.details_json = std::move(details);
  return e;
}

}  // namespace

core::Result<OrgView> OrgService::Create(const Actor& actor, NewOrg input) {
  const core::DateTime now = clock_();
  auto org = NormaliseNewOrg(std::move(input), core::LocalDate(now));
  if (!org) return org.error();
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  auto unit = account::UnitRepo(session).FindUnit(org->registration_unit_id);
  if (!unit || !account::UnitInScope(session, account::ScopeOf(actor), unit->id)) {
    return core::Error::Invalid("registration_unit_id", "no such unit");
  }
  if (unit->kind != account::UnitKind::kCivilAffairs) {
    return core::Error::Invalid("registration_unit_id", "must be a civil-affairs unit");
  }
  region::RegionRepo regions(session);
  if (!regions.Find(org->region_code)) return core::Error::Invalid("region_code", "unknown region");
  if (!regions.Covers(unit->region_code, org->region_code)) {
    return core::Error::Invalid("region_code", "must be covered by the registration unit's region");
  }
  OrgRepo repo(session);
  if (repo.UsccTaken(org->uscc)) return core::Error::Conflict("an organisation with this USCC exists");
  const std::string at = core::FormatDateTime(now);
  const std::int64_t id = repo.Insert(*org, at);
  const Org created = repo.Find(id).value();
  OrgEvent event = Event(actor, at, "create", "", "{}");
  event.to_status = std::string(OrgStatusName(created.status));
  repo.AddEvent(event, id);
  audit_(session, actor, {"create", "org", std::to_string(id), nullptr, AuditJson(created)});
  tx.Commit();
  return OrgView{created, true};
}

core::Result<OrgView> OrgService::Get(const Actor& actor, std::int64_t id) {
  store::Session session = db_.Acquire();
  auto org = OrgRepo(session).Find(id);
  if (!org) return core::Error::NotFound();
  return OrgView{*org, Manages(session, actor, *org)};
}

account::Page<OrgView> OrgService::List(const Actor& actor, const OrgFilter& filter,
                                        const account::PageRequest& page) {
  store::Session session = db_.Acquire();
  OrgRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  account::Page<OrgView> out;
  for (Org& org : repo.List(filter, scope, page.page_size, page.Offset())) {
    const bool full = Manages(session, actor, org);
    out.items.push_back({std::move(org), full});
  }
  out.total = repo.Count(filter, scope);
  return out;
}

std::vector<OrgView> OrgService::Slice(const Actor& actor, const OrgFilter& filter,
                                       std::int64_t limit) {
  store::Session session = db_.Acquire();
  std::vector<OrgView> out;
  for (Org& org : OrgRepo(session).List(filter, account::ScopeOf(actor), limit, 0)) {
    const bool full = Manages(session, actor, org);
    out.push_back({std::move(org), full});
  }
  return out;
}

core::Result<OrgView> OrgService::Update(const Actor& actor, std::int64_t id, OrgPatch patch) {
  const core::DateTime now = clock_();
  auto checked = NormalisePatch(std::move(patch), core::LocalDate(now));
  if (!checked) return checked.error();
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  OrgRepo repo(session);
  auto before = repo.Find(id);
  if (!before) return core::Error::NotFound();
  if (!Manages(session, actor, *before)) return account::ForbiddenOutsideScope();
  Org after = *before;
  const OrgPatch& p = *checked;
  if (p.region_code) {
    auto unit = account::UnitRepo(session).FindUnit(after.registration_unit_id);
    if (!region::RegionRepo(session).Covers(unit->region_code, *p.region_code)) {
      return core::Error::Invalid("region_code", "must be covered by the registration unit's region");
    }
    after.region_code = *p.region_code;
  }
  if (p.name) after.name = *p.name;
  if (p.legal_rep) after.legal_rep = *p.legal_rep;
  if (p.phone) after.phone = *p.phone;
  if (p.founded_on) after.founded_on = *p.founded_on;
  if (p.business_scope) after.business_scope = *p.business_scope;
  if (p.service_categories) after.service_categories = *p.service_categories;
  if (p.labour_field) after.labour_field = *p.labour_field;
  const std::string at = core::FormatDateTime(now);
  repo.Update(after, after.name != before->name, at);
  const Org updated = repo.Find(id).value();
  boost::json::object details{{"before", AuditJson(*before)}, {"after", AuditJson(updated)}};
  repo.AddEvent(Event(actor, at, "update", "", boost::json::serialize(details)), id);
  audit_(session, actor, {"update", "org", std::to_string(id), AuditJson(*before), AuditJson(updated)});
  tx.Commit();
  return OrgView{updated, true};
}

}  // namespace lianyin::domain::org
