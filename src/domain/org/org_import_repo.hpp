#pragma once
// SQL of import batches (tables org_imports, org_import_updates; internal to the org area), and
// the units and regions an import or export loads once to resolve names (ImportPlaces).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account/scope.hpp"
#include "domain/common/change.hpp"
#include "domain/org/org_import_places.hpp"
#include "store/store.hpp"

namespace lianyin::domain::org {

enum class ImportState { kStaging, kPublishing, kDone, kFailed };

struct ImportBatch {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;  // the importer's unit
  common::Origin origin;     // who imported (ip and request id are not kept)
  ImportState state = ImportState::kStaging;
  std::int64_t created = 0;
  std::int64_t updated = 0;
};

// A staged change to an existing organisation.
struct StagedUpdate {
  std::int64_t org_id = 0;
  std::int64_t row = 0;    // the file's row number
  std::string after_json;  // AuditJson of the organisation after the change
};

class OrgImportRepo {
 public:
  explicit OrgImportRepo(store::Session& session) : session_(session) {}

  std::int64_t Begin(const ImportBatch& batch, std::string_view now);
  void SetState(std::int64_t id, ImportState state, std::string_view now);
  std::optional<ImportBatch> Find(std::int64_t id);
  // Imports left in `state` (by a server that stopped), oldest first.
  std::vector<ImportBatch> InState(ImportState state);

  void AddUpdates(std::int64_t import_id, const std::vector<StagedUpdate>& updates);
  std::vector<StagedUpdate> Updates(std::int64_t import_id, std::int64_t limit);
  void DropUpdates(std::int64_t import_id, const std::vector<std::int64_t>& org_ids);
  void DropAllUpdates(std::int64_t import_id);

  // Every unit visible in `scope` with its parent's name, by id; one query.
  std::vector<PlaceUnit> UnitsInScope(const account::Scope& scope);
  // The whole region table; one query.
  std::vector<region::RegionRecord> AllRegions();

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::org
