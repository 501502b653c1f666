// OrgService::Import: all-or-nothing import of a table of organisations.

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/account/unit_repo.hpp"
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
  PlaceChecker(store::Session& session, const Actor& actor) : session_(session), actor_(actor) {}

  // "" when `org` may be registered there, else the field and message of the problem.
  std::pair<std::string, std::string> Check(const NewOrg& org) {
    auto key = std::make_pair(org.registration_unit_id, org.region_code);
    if (auto hit = cache_.find(key); hit != cache_.end()) return hit->second;
    return cache_[key] = Compute(org);
  }

 private:
  std::pair<std::string, std::string> Compute(const NewOrg& org) {
    auto unit = account::UnitRepo(session_).FindUnit(org.registration_unit_id);
    if (!unit || !account::UnitInScope(session_, account::ScopeOf(actor_), unit->id)) {
      return {"registration_unit_id", "no such unit"};
    }
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
  const Actor& actor_;
  std::map<std::pair<std::int64_t, std::string>, std::pair<std::string, std::string>> cache_;
};

}  // namespace

core::Result<OrgService::ImportResult> OrgService::Import(
    const Actor& actor, const std::vector<std::vector<std::string>>& table, bool update_existing,
    bool dry_run) {
  const core::DateTime now = clock_();
  ParsedImport parsed = ParseImport(table, actor.unit_id, core::LocalDate(now));
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  OrgRepo repo(session);
  PlaceChecker places(session, actor);
  std::vector<std::pair<const ImportRow*, std::optional<Org>>> plan;
  for (const ImportRow& row : parsed.rows) {
    if (auto [field, message] = places.Check(row.org); !field.empty()) {
      parsed.errors.push_back({field, message, row.row});
      continue;
    }
    const bool taken = repo.UsccTaken(row.org.uscc);  // one index probe; Find only to update
    if (taken && !update_existing) {
      parsed.errors.push_back({"uscc", "an organisation with this USCC exists", row.row});
      continue;
    }
    std::optional<Org> existing = taken ? repo.FindByUscc(row.org.uscc) : std::nullopt;
    if (existing && !account::UnitInScope(session, account::ScopeOf(actor),
                                          existing->registration_unit_id)) {
      parsed.errors.push_back({"uscc", "registered outside your scope", row.row});
      continue;
    }
    plan.emplace_back(&row, std::move(existing));
  }
  if (!parsed.errors.empty()) {
    std::sort(parsed.errors.begin(), parsed.errors.end(),
              [](const auto& a, const auto& b) { return a.row < b.row; });
    if (parsed.errors.size() > kMaxImportErrors) parsed.errors.resize(kMaxImportErrors);
    return core::Error::Invalid(std::move(parsed.errors));
  }
  const std::string at = core::FormatDateTime(now);
  ImportResult result;
  if (dry_run) {
    for (const auto& entry : plan) ++(entry.second ? result.updated : result.imported);
    return result;  // the transaction rolls back: nothing was written
  }
  std::vector<std::pair<std::int64_t, std::string>> new_names;
  for (auto& [row, existing] : plan) {
    OrgEvent event;
    event.at = at;
    if (actor.user_id) event.actor_user_id = actor.user_id;
    event.actor_username = actor.username;
    event.reason = "import row " + std::to_string(row->row);
    event.details_json = "{}";
    if (existing) {
      Org updated = *existing;
      updated.name = row->org.name;
      updated.region_code = row->org.region_code;
      updated.legal_rep = row->org.legal_rep;
      updated.phone = row->org.phone;
      updated.founded_on = row->org.founded_on;
      updated.business_scope = row->org.business_scope;
      updated.service_categories = row->org.service_categories;
      updated.labour_field = row->org.labour_field;
      repo.Update(updated, updated.name != existing->name, at);
      event.action = "update";
      repo.AddEvent(event, existing->id);
      ++result.updated;
    } else {
      const std::int64_t id = repo.Insert(row->org, at, /*index_name=*/false);
      new_names.emplace_back(id, row->org.name);
      event.action = "create";
      event.to_status = row->org.status;
      repo.AddEvent(event, id);
      ++result.imported;
    }
  }
  repo.IndexNames(new_names);
  audit_(session, actor,
         {"import", "org", "", nullptr,
          boost::json::object{{"imported", result.imported}, {"updated", result.updated},
                              {"rows", static_cast<std::int64_t>(plan.size())}}});
  tx.Commit();
  return result;
}

}  // namespace lianyin::domain::org
