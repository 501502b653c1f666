#pragma once
// SQL of the workers that worker accounts stand for (table workers; the venues issue adds their
// personal fields and the use cases that manage them).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/account/scope.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

// A worker as pickers show it: with the name of the unit that registered it.
struct WorkerView {
  std::int64_t id = 0;
  std::string name;
  std::int64_t unit_id = 0;
  std::string unit_name;
};

class WorkerRepo {
 public:
  explicit WorkerRepo(store::Session& session) : session_(session) {}

  // Registers a worker owned by `unit_id`; returns its id.
  std::int64_t Insert(std::int64_t unit_id, std::string_view name, std::string_view now);
  // True when the worker exists and is visible in `scope` (kWorkerRows).
  bool InScope(const Scope& scope, std::int64_t id);
  // One page of the workers visible in `scope` (kWorkerRows) whose name contains `q` (any
  // letter case; all when empty), by id, and their total: two queries.
  Page<WorkerView> List(const Scope& scope, std::string_view q, const PageRequest& page);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::account
