#pragma once
// The account area's SQL of the workers that worker accounts stand for: registering a bare one
// (tests, the demo) and checking one named by a user account. The roster itself — personal
// fields, lists, import, activation, PIPL deletion — is the worker area's (domain/worker/).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/account/scope.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

class WorkerRepo {
 public:
  explicit WorkerRepo(store::Session& session) : session_(session) {}

  // Registers a worker owned by `unit_id` with no personal fields; returns its id.
  std::int64_t Insert(std::int64_t unit_id, std::string_view name, std::string_view now);
  // True when the worker exists, is not deleted (PIPL) and is visible in `scope` (kWorkerRows).
  bool InScope(const Scope& scope, std::int64_t id);

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::account
