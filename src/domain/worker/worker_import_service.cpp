// WorkerService::Import: a union's roster from a table, all or nothing. Rows are parsed,
// normalised, checked against the roster and sealed before the write transaction; inside it each
// worker is inserted by store::InsertOrConflict, so a phone registered meanwhile (a parallel
// import or create) fails the import as its row's error rather than slipping past the check.

#include <boost/json.hpp>
#include <set>

#include "core/mask.hpp"
#include "domain/account/scope.hpp"
#include "domain/org/org_import_places.hpp"
#include "domain/org/org_import_repo.hpp"
#include "domain/worker/worker_import.hpp"
#include "domain/worker/worker_internal.hpp"
#include "domain/worker/worker_repo.hpp"
#include "domain/worker/worker_service.hpp"

namespace lianyin::domain::worker {
namespace {

using Errors = std::vector<core::FieldError>;

constexpr const char* kTaken = "a worker with this phone is already registered";

core::Error RowErrors(Errors errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const auto& a, const auto& b) { return a.row < b.row; });
  if (errors.size() > WorkerService::kMaxImportErrors) {
    errors.resize(WorkerService::kMaxImportErrors);
  }
  return core::Error::Invalid(std::move(errors));
}

// The audit view of an imported worker, from its clear fields (no query per row).
Worker MaskedOf(std::int64_t id, std::int64_t unit_id, const CleanWorker& clean) {
  Worker w;
  w.id = id;
  w.unit_id = unit_id;
  w.name = clean.name;
  if (clean.phone) w.phone_masked = core::MaskPhone(*clean.phone);
  if (clean.id_number) w.id_number_masked = core::MaskIdNumber(*clean.id_number);
  w.employer = clean.employer;
  w.region_code = clean.region_code;
  w.groups = clean.groups;
  return w;
}

}  // namespace

core::Result<ImportResult> WorkerService::Import(
    const account::Actor& actor, const std::vector<std::vector<std::string>>& rows) {
  if (rows.size() > kMaxImportRows + 1) {
    return core::Error::Invalid("file", "more than " + std::to_string(kMaxImportRows) + " rows");
  }
  ParsedImport parsed;
  {
    store::Session session = writer_.db().Acquire();
    const org::ImportPlaces places({}, org::OrgImportRepo(session).AllRegions());
    parsed = ParseImport(rows, places, core::LocalDate(clock_()));
  }
  if (parsed.rows.empty() && parsed.errors.empty()) {
    parsed.errors.push_back({"file", "has no data rows", 1});
  }
  std::vector<SealedWorker> sealed;
  std::vector<std::string> indexes;
  for (const ImportRow& r : parsed.rows) {
    sealed.push_back(SealOf(keys_, r.worker, std::nullopt));
    indexes.push_back(sealed.back().phone_index.value_or(""));
  }
  {
    store::Session session = writer_.db().Acquire();
    const std::vector<std::string> taken = WorkerRepo(session).TakenPhones(indexes);
    const std::set<std::string> held(taken.begin(), taken.end());
    for (std::size_t i = 0; i < parsed.rows.size(); ++i) {
      if (held.contains(indexes[i])) parsed.errors.push_back({"phone", kTaken, parsed.rows[i].row});
    }
  }
  if (!parsed.errors.empty()) return RowErrors(std::move(parsed.errors));
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<ImportResult> {
    WorkerRepo repo(tx.session());
    Errors errors;
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < sealed.size(); ++i) {
      auto id = repo.Insert(actor.unit_id, sealed[i], actor.user_id, at);
      if (!id) {
        errors.push_back({"phone", kTaken, parsed.rows[i].row});
      } else {
        ids.push_back(*id);
      }
    }
    if (!errors.empty()) return RowErrors(std::move(errors));  // rolls every row back
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const Worker w = MaskedOf(ids[i], actor.unit_id, parsed.rows[i].worker);
      tx.Record({"import", "worker", std::to_string(w.id), nullptr, AuditJson(w), true, w.unit_id});
    }
    return ImportResult{static_cast<std::int64_t>(ids.size())};
  });
}

}  // namespace lianyin::domain::worker
