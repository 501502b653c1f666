// OrgService::Import: all-or-nothing import of a table of organisations. Everything that can be
// decided without writing — parsing, field rules, units, regions, duplicates — is decided first,
// outside any write transaction; the write itself is bulk loads in one short transaction.

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/org/org_audit.hpp"
#include "domain/org/org_import.hpp"
#include "domain/org/org_repo.hpp"
#include "domain/org/org_service.hpp"
#include "domain/region/region_repo.hpp"

namespace lianyin::domain::org {
namespace {

using account::Actor;

// The registration-unit and region checks of Create, cached per (unit, region) pair: an import
// names a handful of units and regions across many rows.
class PlaceChecker {
 public:
  PlaceChecker(store::Session& session, const account::Scope& scope)
      : session_(session), scope_(scope) {}

  // "" when `org` may be registered there, else the field and message of the problem.
  std::pair<std::string, std::string> Check(const NewOrg& org) {
    auto key = std::make_pair(org.registration_unit_id, org.region_code);
    if (auto hit = cache_.find(key); hit != cache_.end()) return hit->second;
    return cache_[key] = Compute(org);
  }

 private:
  std::pair<std::string, std::string> Compute(const NewOrg& org) {
    auto unit = account::UnitRepo(session_).FindInScope(scope_, org.registration_unit_id);
    if (!unit) return {"registration_unit_id", "no such unit"};
    if (unit->kind != account::UnitKind::kCivilAffairs) {
      return {"registration_unit_id", "must be a civil-affairs unit"};
    }
    region::RegionRepo regions(session_);
    if (!regions.Find(org.region_code)) return {"region_code", "unknown region"};
    if (!regions.Covers(unit->region_code, org.region_code)) {
      return {"region_code", "must be covered by the registration unit's region"};
    }
    return {};
  }

  store::Session& session_;
  const account::Scope& scope_;
  std::map<std::pair<std::int64_t, std::string>, std::pair<std::string, std::string>> cache_;
};

// A row to write: a new organisation, or the changes to an existing one.
struct Planned {
  const ImportRow* row = nullptr;
  std::optional<Org> existing;
};

Org NewRecord(const NewOrg& n, std::int64_t id) {
  Org o;
  o.id = id;
  o.name = n.name;
  o.uscc = n.uscc;
  o.org_type = n.org_type;
  o.region_code = n.region_code;
  o.registration_unit_id = n.registration_unit_id;
  o.legal_rep = n.legal_rep;
  o.phone = n.phone;
  o.founded_on = n.founded_on;
  o.business_scope = n.business_scope;
  o.service_categories = n.service_categories;
  o.labour_field = n.labour_field;
  o.status = ParseOrgStatus(n.status).value_or(OrgStatus::kRegistered);
  return o;
}

Org Updated(const Org& existing, const NewOrg& n) {
  Org o = existing;
  o.name = n.name;
  o.region_code = n.region_code;
  o.legal_rep = n.legal_rep;
  o.phone = n.phone;
  o.founded_on = n.founded_on;
  o.business_scope = n.business_scope;
  o.service_categories = n.service_categories;
  o.labour_field = n.labour_field;
  return o;
}

OrgEvent ImportEvent(const Actor& actor, const std::string& at, const ImportRow& row,
                     const char* action) {
  OrgEvent event;
  event.at = at;
  if (actor.user_id) event.actor_user_id = actor.user_id;
  event.actor_username = actor.username;
  event.action = action;
  event.reason = "import row " + std::to_string(row.row);
  event.details_json = "{}";
  if (std::string_view(action) == "create") event.to_status = row.org.status;
  return event;
}

core::Error RowErrors(std::vector<core::FieldError> errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const auto& a, const auto& b) { return a.row < b.row; });
  if (errors.size() > OrgService::kMaxImportErrors) errors.resize(OrgService::kMaxImportErrors);
  return core::Error::Invalid(std::move(errors));
}

}  // namespace

core::Result<OrgService::ImportResult> OrgService::Import(
    const Actor& actor, const std::vector<std::vector<std::string>>& table, bool update_existing,
    bool dry_run) {
  const core::DateTime now = clock_();
  ParsedImport parsed = ParseImport(table, actor.unit_id, core::LocalDate(now));
  const account::Scope scope = account::ScopeOf(actor);
  std::vector<Planned> plan;
  {
    store::Session session = writer_.db().Acquire();
    store::Transaction snapshot = session.Begin(store::TxMode::kRead);
    OrgRepo repo(session);
    PlaceChecker places(session, scope);
    std::vector<std::string> usccs;
    usccs.reserve(parsed.rows.size());
    for (const ImportRow& row : parsed.rows) usccs.push_back(row.org.uscc);
    const std::set<std::string> taken = repo.TakenUsccs(usccs);
    for (const ImportRow& row : parsed.rows) {
      if (auto [field, message] = places.Check(row.org); !field.empty()) {
        parsed.errors.push_back({field, message, row.row});
        continue;
      }
      if (!taken.contains(row.org.uscc)) {
        plan.push_back({&row, std::nullopt});
        continue;
      }
      if (!update_existing) {
        parsed.errors.push_back({"uscc", "an organisation with this USCC exists", row.row});
        continue;
      }
      auto existing = repo.FindByUscc(row.org.uscc);
      if (!existing || !repo.FindManaged(scope, existing->id)) {
        parsed.errors.push_back({"uscc", "registered outside your scope", row.row});
        continue;
      }
      plan.push_back({&row, std::move(existing)});
    }
    snapshot.Commit();
  }
  if (!parsed.errors.empty()) return RowErrors(std::move(parsed.errors));
  ImportResult result;
  for (const Planned& p : plan) ++(p.existing ? result.updated : result.imported);
  if (dry_run) return result;

  const std::string at = core::FormatDateTime(now);
  bool duplicate = false;
  auto written = writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    store::Session& session = tx.session();
    OrgRepo repo(session);
    std::vector<std::int64_t> ids = repo.AllocateIds(result.imported);
    std::vector<NewOrgRow> rows;
    std::vector<std::pair<std::int64_t, OrgEvent>> events;
    rows.reserve(ids.size());
    events.reserve(plan.size());
    std::size_t next = 0;
    for (const Planned& p : plan) {
      if (p.existing) continue;
      rows.push_back({ids[next], &p.row->org});
      events.emplace_back(ids[next++], ImportEvent(actor, at, *p.row, "create"));
    }
    try {
      repo.InsertMany(rows, at);
    } catch (const store::DbError& e) {
      if (e.kind() != store::DbError::Kind::kUniqueViolation) throw;
      duplicate = true;  // registered meanwhile by someone else: report it as row errors
      return core::Error::Conflict("a USCC was registered meanwhile");
    }
    next = 0;
    for (const Planned& p : plan) {
      if (!p.existing) {
        const Org created = NewRecord(p.row->org, ids[next++]);
        tx.Record(OrgChange("create", created, nullptr, AuditJson(created)));
        continue;
      }
      const Org after = Updated(*p.existing, p.row->org);
      repo.Update(after, p.existing->name, at);
      events.emplace_back(after.id, ImportEvent(actor, at, *p.row, "update"));
      tx.Record(OrgChange("update", after, AuditJson(*p.existing), AuditJson(after)));
    }
    repo.AddEvents(events);
    tx.Record({"import", "org", "", nullptr,
               boost::json::object{{"imported", result.imported},
                                   {"updated", result.updated},
                                   {"rows", static_cast<std::int64_t>(plan.size())}},
               true, actor.unit_id});
    return {};
  });
  if (written) return result;
  if (!duplicate) return written.error();
  // Which rows clash now: checked again, outside the failed transaction.
  std::vector<core::FieldError> errors;
  {
    store::Session session = writer_.db().Acquire();
    std::vector<std::string> usccs;
    for (const Planned& p : plan) {
      if (!p.existing) usccs.push_back(p.row->org.uscc);
    }
    const std::set<std::string> taken = OrgRepo(session).TakenUsccs(usccs);
    for (const Planned& p : plan) {
      if (!p.existing && taken.contains(p.row->org.uscc)) {
        errors.push_back(
            {"uscc", "an organisation with this USCC was registered meanwhile", p.row->row});
      }
    }
  }
  if (errors.empty()) return written.error();
  return RowErrors(std::move(errors));
}

}  // namespace lianyin::domain::org
