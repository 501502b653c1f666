#include "domain/org/org_service.hpp"

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/common/data_versions.hpp"
#include "domain/org/org_audit.hpp"
#include "domain/org/org_repo.hpp"
#include "domain/org/org_rules.hpp"
#include "domain/region/region_repo.hpp"

namespace lianyin::domain::org {
namespace {

using account::Actor;

// The data version of what an OrgView shows (ViewVersion).
std::int64_t ReadViewVersion(store::Session& session) {
  return common::ReadDataVersion(session, {"org", "unit", "region"});
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

// 409 naming the organisation that holds `uscc` (its public fields are readable by everyone
// logged in, SPEC §1).
core::Error UsccTaken(store::Session& session, const std::string& uscc) {
  auto holder = OrgRepo(session).FindByUscc(uscc);
  if (!holder) return core::Error::Conflict("an organisation with this USCC exists");
  core::Error e = core::Error::Conflict("an organisation with this USCC exists: " + holder->name +
                                        " (id " + std::to_string(holder->id) + ")");
  e.details.push_back({"uscc", "already registered to " + holder->name, std::nullopt});
  return e;
}

}  // namespace

core::Result<OrgView> OrgService::Create(const Actor& actor, NewOrg input) {
  const core::DateTime now = clock_();
  auto org = NormaliseNewOrg(std::move(input), core::LocalDate(now));
  if (!org) return org.error();
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<OrgView> {
    store::Session& session = tx.session();
    auto unit = account::UnitRepo(session).FindInScope(scope, org->registration_unit_id);
    if (!unit) return core::Error::Invalid("registration_unit_id", "no such unit");
    if (unit->kind != account::UnitKind::kCivilAffairs) {
      return core::Error::Invalid("registration_unit_id", "must be a civil-affairs unit");
    }
    region::RegionRepo regions(session);
    if (!regions.Find(org->region_code)) {
      return core::Error::Invalid("region_code", "unknown region");
    }
    if (!regions.Covers(unit->region_code, org->region_code)) {
      return core::Error::Invalid("region_code",
                                  "must be covered by the registration unit's region");
    }
    OrgRepo repo(session);
    auto id = repo.Insert(*org, at);
    if (!id) return UsccTaken(session, org->uscc);
    OrgView created = repo.FindPublic(scope, *id).value();
    OrgEvent event = Event(actor, at, "create", "", "{}");
    event.to_status = std::string(OrgStatusName(created.org.status));
    repo.AddEvent(event, *id);
    tx.Record(OrgChange("create", created.org, nullptr, AuditJson(created.org)));
    return created;
  });
}

OrgSummary OrgService::Summary(const Actor& actor) {
  core::Date month = core::LocalDate(clock_());
  month.day = 1;
  const std::string since = core::FormatDate(month) + "T00:00:00+08:00";
  store::Session session = writer_.db().Acquire();
  return OrgRepo(session).Summary(account::ScopeOf(actor), since);
}

std::int64_t OrgService::ViewVersion() {
  store::Session session = writer_.db().Acquire();
  return ReadViewVersion(session);
}

core::Result<OrgView> OrgService::Get(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto view = OrgRepo(session).FindPublic(account::ScopeOf(actor), id);
  if (!view) return core::Error::NotFound();
  return std::move(*view);
}

account::Page<OrgView> OrgService::List(const Actor& actor, const OrgFilter& filter,
                                        const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  const std::int64_t version = ReadViewVersion(session);
  OrgRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  const std::int64_t offset = filter.before_id ? 0 : page.Offset();
  account::Page<OrgView> out{repo.List(filter, scope, page.page_size, offset), 0};
  OrgFilter whole = filter;  // the total is of the whole list, not of the rows below a cursor
  whole.before_id.reset();
  const std::string key = OrgCountCache::Key(whole, scope);
  if (auto cached = counts_.Get(key, version)) {
    out.total = *cached;
  } else {
    out.total = repo.Count(whole, scope);
    counts_.Put(key, version, out.total);
  }
  return out;
}

std::vector<OrgView> OrgService::Slice(const Actor& actor, const OrgFilter& filter,
                                       std::int64_t limit) {
  store::Session session = writer_.db().Acquire();
  return OrgRepo(session).List(filter, account::ScopeOf(actor), limit, 0);
}

core::Result<OrgView> OrgService::Update(const Actor& actor, std::int64_t id, OrgPatch patch) {
  const core::DateTime now = clock_();
  auto checked = NormalisePatch(std::move(patch), core::LocalDate(now));
  if (!checked) return checked.error();
  const OrgPatch& p = *checked;
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<OrgView> {
    store::Session& session = tx.session();
    OrgRepo repo(session);
    auto before = repo.FindManaged(scope, id);
    if (!before) {
      if (!repo.FindPublic(scope, id)) return core::Error::NotFound();
      return account::ForbiddenOutsideScope();
    }
    Org after = *before;
    if (p.region_code) {
      // The registration authority may lie outside an org member's own scope; its region rules.
      auto unit = account::UnitRepo(session).FindOwner(after.registration_unit_id);
      if (!unit || !region::RegionRepo(session).Covers(unit->region_code, *p.region_code)) {
        return core::Error::Invalid("region_code",
                                    "must be covered by the registration unit's region");
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
    repo.Update(after, before->name, at);
    OrgView updated = repo.FindPublic(scope, id).value();
    boost::json::object details{{"before", AuditJson(*before)}, {"after", AuditJson(updated.org)}};
    repo.AddEvent(Event(actor, at, "update", "", boost::json::serialize(details)), id);
    tx.Record(OrgChange("update", updated.org, AuditJson(*before), AuditJson(updated.org)));
    return updated;
  });
}

}  // namespace lianyin::domain::org
