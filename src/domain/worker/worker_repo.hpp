#pragma once
// The worker area's only SQL: table workers and worker_groups (internal to the area; the
// service calls it inside its transactions). Personal fields arrive sealed and indexed
// (worker_keys.hpp) and leave sealed: this class never sees a phone or ID number in clear.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account/scope.hpp"
#include "domain/worker/worker.hpp"
#include "store/store.hpp"

namespace lianyin::domain::worker {

// Workers (w) are owned by the unit that registered them; a worker account sees its own row.
using account::kWorkerRows;

// A worker as stored: the personal fields sealed.
struct SealedWorker {
  std::string name;
  std::optional<std::string> seal_id;
  std::optional<std::string> phone_sealed;
  std::optional<std::string> phone_index;
  std::optional<std::string> id_number_sealed;
  std::optional<std::string> id_number_index;
  std::optional<std::string> employer;
  std::optional<std::string> region_code;
  std::vector<std::string> groups;
};

// A row read back: the worker without its masked fields, and the sealed values to fill them.
struct WorkerRow {
  Worker worker;
  std::optional<std::string> seal_id;
  std::optional<std::string> phone_sealed;
  std::optional<std::string> id_number_sealed;
  std::optional<std::string> id_number_index;
};

// GET /workers filters with the personal values replaced by their blind indexes.
struct IndexedFilter {
  std::optional<std::string> q;
  std::optional<std::string> region_code;
  std::optional<std::string> group;
  std::optional<std::string> phone_index;
  std::optional<std::string> id_number_index;
  std::optional<std::int64_t> after_id;
};

class WorkerRepo {
 public:
  explicit WorkerRepo(store::Session& session) : session_(session) {}

  // Inserts a live worker of `unit_id` and its groups unless a live worker has the same phone
  // index (store::InsertOrConflict on workers_phone): its id, or nullopt.
  std::optional<std::int64_t> Insert(std::int64_t unit_id, const SealedWorker& w,
                                     std::optional<std::int64_t> by_user_id, std::string_view now);
  // Rewrites the worker's fields and groups. Throws store::DbError kUniqueViolation when the
  // new phone index is another live worker's (the caller answers 409).
  void Update(std::int64_t id, const SealedWorker& w, std::string_view now);
  // PIPL deletion: name → kDeletedName, seal, ciphertexts, indexes, employer and groups cleared,
  // deleted_at set; the row, its unit and region stay. False when it was already deleted.
  bool Erase(std::int64_t id, std::string_view now);

  // A live worker visible in `scope` (kWorkerRows); missing, deleted and outside look alike.
  std::optional<WorkerRow> FindInScope(const common::Scope& scope, std::int64_t id);
  // Unscoped, for activation (the caller is not logged in yet): the live worker with this phone
  // index (at most one: workers_phone).
  std::optional<WorkerRow> FindForActivation(std::string_view phone_index);
  // Of `phone_indexes`, those a live worker holds (an import's duplicate rows), IN batches.
  std::vector<std::string> TakenPhones(const std::vector<std::string>& phone_indexes);

  // One page of the live workers in scope matching `f`, by id, and their total.
  std::vector<WorkerRow> List(const common::Scope& scope, const IndexedFilter& f,
                              std::int64_t limit, std::int64_t offset);
  std::int64_t Count(const common::Scope& scope, const IndexedFilter& f);

 private:
  void WriteGroups(std::int64_t id, const std::vector<std::string>& groups);
  store::Session& session_;
};

}  // namespace lianyin::domain::worker
