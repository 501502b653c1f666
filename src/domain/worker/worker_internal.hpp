#pragma once
// Shared steps of the worker use cases (internal to the area): between the clear fields, the
// sealed row and the masked view.

#include <boost/json/value.hpp>

#include "domain/worker/worker.hpp"
#include "domain/worker/worker_keys.hpp"
#include "domain/worker/worker_repo.hpp"
#include "domain/worker/worker_rules.hpp"

namespace lianyin::domain::worker {

// The row's worker with its phone and ID number masked (core::MaskPhone / MaskIdNumber); a
// value that does not open under the key shows as absent.
Worker Masked(const WorkerKeys& keys, WorkerRow row);
// The row's fields in clear, for applying a patch (inside the service only).
CleanWorker ClearOf(const WorkerKeys& keys, const WorkerRow& row);
// `w` sealed and indexed under the row's `seal_id` (a fresh one when it has none and something
// is to be sealed).
SealedWorker SealOf(const WorkerKeys& keys, const CleanWorker& w,
                    std::optional<std::string> seal_id);
// The audit document of a worker: masked name (王*), phone and ID number; never in clear.
boost::json::value AuditJson(const Worker& w);

}  // namespace lianyin::domain::worker
