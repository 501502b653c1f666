// ProjectService::ImportHistorical: projects contracted before the platform was used, imported as
// they stand — status, contract, providers and outputs — in one write transaction. The checks
// are those of the single-project use cases, run over the whole list first; the references
// (funding units, regions, providers, the credit gate) are read once per distinct value, so an
// import costs a few queries plus one bulk load per table.

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <limits>
#include <map>
#include <set>

#include "core/money.hpp"
#include "domain/account/scope.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/common/sql_text.hpp"
#include "domain/credit/credit_gate.hpp"
#include "domain/project/project_internal.hpp"
#include "domain/project/project_repo.hpp"
#include "domain/project/project_rules.hpp"
#include "domain/project/project_service.hpp"
#include "domain/region/region_repo.hpp"

namespace lianyin::domain::project {
namespace {

using account::Actor;
using Errors = std::vector<core::FieldError>;

using common::kInBatch;

// Adds the details of `error` (a 422 of one project) as errors of `row`.
void AddAll(Errors& errors, const core::Error& error, std::int64_t row) {
  if (error.details.empty()) errors.push_back({"", error.message, row});
  for (const core::FieldError& d : error.details) errors.push_back({d.field, d.message, row});
}

core::Error RowErrors(Errors errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const auto& a, const auto& b) { return a.row < b.row; });
  if (errors.size() > ProjectService::kMaxImportErrors) {
    errors.resize(ProjectService::kMaxImportErrors);
  }
  return core::Error::Invalid(std::move(errors));
}

bool Reached(ProjectStatus s) {
  return s == ProjectStatus::kContracted || s == ProjectStatus::kInProgress ||
         s == ProjectStatus::kAccepted || s == ProjectStatus::kClosed;
}

// The outputs of `h` checked as AddOutput checks them, and their spending against the contract.
void CheckOutputs(Errors& errors, const HistoricalProject& h, const core::Date& today,
                  std::int64_t row) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t spent = 0, person_times = 0, events = 0;
  for (std::size_t j = 0; j < h.outputs.size(); ++j) {
    const NewOutput& o = h.outputs[j];
    const std::string prefix = fmt::format("outputs[{}].", j);
    if (auto ok = CheckOutput(o, today, h.contracted_on, prefix); !ok) {
      AddAll(errors, ok.error(), row);
      continue;
    }
    if (o.spent_fen > h.contract_fen - spent) {
      errors.push_back(
          {prefix + "spent_fen",
           fmt::format("spending would pass the contract: {} yuan are left",
                       core::FormatYuanGrouped(std::max<std::int64_t>(0, h.contract_fen - spent))),
           row});
      return;
    }
    if (o.person_times > kMax - person_times || o.events > kMax - events) {
      errors.push_back({prefix + "person_times", "is out of range", row});
      return;
    }
    spent += o.spent_fen;
    person_times += o.person_times;
    events += o.events;
  }
}

// Everything that needs no database, for every project.
Errors CheckFields(const std::vector<HistoricalProject>& projects, const core::Date& today) {
  Errors errors;
  for (std::size_t i = 0; i < projects.size(); ++i) {
    const HistoricalProject& h = projects[i];
    const auto row = static_cast<std::int64_t>(i + 1);
    if (auto ok = CheckNewProject(h.project); !ok) AddAll(errors, ok.error(), row);
    if (!Reached(h.status)) {
      errors.push_back({"status", "must be contracted, in_progress, accepted or closed", row});
    }
    const Transition contract{"contracted", std::nullopt, h.contract_fen, h.contracted_on};
    if (auto ok = CheckTransition(contract, today); !ok) {
      AddAll(errors, ok.error(), row);
    } else {
      CheckOutputs(errors, h, today, row);
    }
    if (h.project.provider_org_ids.empty()) {
      errors.push_back(
          {"provider_org_ids", "a project needs a provider before it is contracted", row});
    }
    if (errors.size() >= ProjectService::kMaxImportErrors) break;
  }
  return errors;
}

// What the projects name, read once per distinct value inside the write transaction.
struct References {
  std::map<std::int64_t, std::optional<account::Unit>> units;
  std::set<std::string> regions;
  std::map<std::pair<std::string, std::string>, bool> covers;  // (unit region, region)
  std::map<std::int64_t, ProviderRef> providers;
  std::optional<credit::CreditEntry> listed;  // the first provider on a credit list
};

References Read(store::Session& session, const common::Scope& scope,
                const std::vector<HistoricalProject>& projects) {
  References refs;
  std::set<std::string> codes;
  std::set<std::int64_t> provider_ids;
  for (const HistoricalProject& h : projects) {
    refs.units.try_emplace(h.project.funding_unit_id);
    codes.insert(h.project.region_code);
    provider_ids.insert(h.project.provider_org_ids.begin(), h.project.provider_org_ids.end());
  }
  account::UnitRepo unit_repo(session);
  for (auto& [id, unit] : refs.units) unit = unit_repo.FindInScope(scope, id);
  region::RegionRepo regions(session);
  const std::vector<std::string> code_list(codes.begin(), codes.end());
  for (std::size_t start = 0; start < code_list.size(); start += kInBatch) {
    const auto first = code_list.begin() + static_cast<std::ptrdiff_t>(start);
    const std::size_t n = std::min(kInBatch, code_list.size() - start);
    for (const region::Region& r :
         regions.FindMany({first, first + static_cast<std::ptrdiff_t>(n)})) {
      refs.regions.insert(r.code);
    }
  }
  for (const HistoricalProject& h : projects) {
    const auto& unit = refs.units.at(h.project.funding_unit_id);
    if (!unit || !refs.regions.contains(h.project.region_code)) continue;
    const auto key = std::make_pair(unit->region_code, h.project.region_code);
    if (!refs.covers.contains(key)) refs.covers[key] = regions.Covers(key.first, key.second);
  }
  std::vector<std::int64_t> registered;
  for (ProviderRef& ref :
       ProjectRepo(session).FindProviders({provider_ids.begin(), provider_ids.end()})) {
    if (ref.status == "registered") registered.push_back(ref.id);
    refs.providers[ref.id] = std::move(ref);
  }
  refs.listed = credit::FirstActiveEntry(session, registered);
  return refs;
}

// The references of every project checked as Create checks them, and the credit gate.
Errors CheckReferences(store::Session& session, const common::Scope& scope,
                       const std::vector<HistoricalProject>& projects) {
  const References refs = Read(session, scope, projects);
  Errors errors;
  for (std::size_t i = 0; i < projects.size(); ++i) {
    const NewProject& p = projects[i].project;
    const auto row = static_cast<std::int64_t>(i + 1);
    const auto& unit = refs.units.at(p.funding_unit_id);
    if (!unit) {
      errors.push_back({"funding_unit_id", "no such unit", row});
    } else if (unit->kind != account::UnitKind::kUnion) {
      errors.push_back({"funding_unit_id", "must be a trade-union unit", row});
    } else if (!refs.regions.contains(p.region_code)) {
      errors.push_back({"region_code", "unknown region", row});
    } else if (!refs.covers.at({unit->region_code, p.region_code})) {
      errors.push_back({"region_code", "must be covered by the funding unit's region", row});
    }
    bool listed = false;
    for (std::size_t j = 0; j < p.provider_org_ids.size(); ++j) {
      const std::int64_t id = p.provider_org_ids[j];
      const auto it = refs.providers.find(id);
      const std::string field = fmt::format("provider_org_ids[{}]", j);
      if (it == refs.providers.end()) {
        errors.push_back({field, "no such organisation", row});
      } else if (it->second.status != "registered") {
        errors.push_back({field, "must be a registered organisation", row});
      } else if (refs.listed && refs.listed->org_id == id) {
        listed = true;
      }
    }
    if (listed) AddAll(errors, credit::CreditListed(*refs.listed, "provider_org_ids"), row);
    if (errors.size() >= ProjectService::kMaxImportErrors) break;
  }
  return errors;
}

// The audit record of an imported project: its fields as AuditJson gives them, and its totals.
boost::json::value ImportJson(const ProjectRepo::ImportedRow& row) {
  const HistoricalProject& h = *row.project;
  const NewProject& n = h.project;
  Project p;
  p.id = row.id;
  p.title = n.title;
  p.category = n.category;
  p.funding_unit_id = n.funding_unit_id;
  p.mode = n.mode;
  for (std::int64_t id : n.provider_org_ids) p.providers.push_back({id, "", ""});
  p.budget_fen = n.budget_fen;
  p.contract_fen = h.contract_fen;
  p.contracted_on = h.contracted_on;
  p.region_code = n.region_code;
  p.start_on = n.start_on;
  p.end_on = n.end_on;
  p.target_groups = n.target_groups;
  p.description = n.description;
  p.status = h.status;
  boost::json::value json = AuditJson(p);
  boost::json::object& o = json.as_object();
  o["outputs"] = static_cast<std::int64_t>(h.outputs.size());
  o["person_times"] = row.person_times;
  o["events_held"] = row.events;
  o["spent_fen"] = row.spent_fen;
  return json;
}

}  // namespace

core::Result<ImportSummary> ProjectService::ImportHistorical(
    const Actor& actor, const std::vector<HistoricalProject>& projects) {
  for (const char* permission : {"project:project:create", "project:project:transition"}) {
    if (!actor.Can(permission)) {
      return core::Error::Forbidden(fmt::format("missing permission {}", permission));
    }
  }
  ImportSummary summary;
  if (projects.empty()) return summary;
  const core::DateTime now = clock_();
  if (Errors errors = CheckFields(projects, core::LocalDate(now)); !errors.empty()) {
    return RowErrors(std::move(errors));
  }
  const std::string at = core::FormatDateTime(now);
  std::vector<ProjectRepo::ImportedRow> rows(projects.size());
  for (std::size_t i = 0; i < projects.size(); ++i) {
    const HistoricalProject& h = projects[i];
    ProjectRepo::ImportedRow& row = rows[i];
    row.project = &h;
    for (const NewOutput& o : h.outputs) {
      row.person_times += o.person_times;
      row.events += o.events;
      row.spent_fen += o.spent_fen;
    }
    row.event.at = at;
    row.event.action = "import";
    row.event.to_status = std::string(StatusName(h.status));
    row.event.by_user_id = actor.user_id;
    row.event.detail =
        fmt::format("contracted on {} for {} fen; {} outputs: {} person-times, {} events, {} fen",
                    h.contracted_on, h.contract_fen, h.outputs.size(), row.person_times, row.events,
                    row.spent_fen);
    ++summary.projects;
    summary.outputs += static_cast<std::int64_t>(h.outputs.size());
    summary.contract_fen += h.contract_fen;
    summary.person_times += row.person_times;
    summary.events += row.events;
    summary.spent_fen += row.spent_fen;
  }
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<ImportSummary> {
    if (Errors errors = CheckReferences(tx.session(), scope, projects); !errors.empty()) {
      return RowErrors(std::move(errors));
    }
    ProjectRepo repo(tx.session());
    const std::vector<std::int64_t> ids = repo.AllocateIds(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i].id = ids[i];
    repo.InsertImported(rows, actor.user_id, at);
    for (const ProjectRepo::ImportedRow& row : rows) {
      tx.Record({"import", "project", std::to_string(row.id), nullptr, ImportJson(row), true,
                 row.project->project.funding_unit_id});
    }
    return summary;
  });
}

}  // namespace lianyin::domain::project
