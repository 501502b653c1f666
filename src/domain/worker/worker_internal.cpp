#include "domain/worker/worker_internal.hpp"

#include <boost/json.hpp>

#include "core/mask.hpp"

namespace lianyin::domain::worker {
namespace {

namespace json = boost::json;

std::optional<std::string> Open(const WorkerKeys& keys, Personal column, const WorkerRow& row,
                                const std::optional<std::string>& sealed) {
  if (!sealed || !row.seal_id) return std::nullopt;
  return keys.Unseal(column, *row.seal_id, *sealed);
}

json::value Opt(const std::optional<std::string>& v) { return v ? json::value(*v) : nullptr; }

}  // namespace

Worker Masked(const WorkerKeys& keys, WorkerRow row) {
  Worker w = std::move(row.worker);
  if (auto phone = Open(keys, Personal::kPhone, row, row.phone_sealed)) {
    w.phone_masked = core::MaskPhone(*phone);
  }
  if (auto id = Open(keys, Personal::kIdNumber, row, row.id_number_sealed)) {
    w.id_number_masked = core::MaskIdNumber(*id);
  }
  return w;
}

CleanWorker ClearOf(const WorkerKeys& keys, const WorkerRow& row) {
  CleanWorker w;
  w.name = row.worker.name;
  w.phone = Open(keys, Personal::kPhone, row, row.phone_sealed);
  w.id_number = Open(keys, Personal::kIdNumber, row, row.id_number_sealed);
  w.employer = row.worker.employer;
  w.region_code = row.worker.region_code;
  w.groups = row.worker.groups;
  return w;
}

SealedWorker SealOf(const WorkerKeys& keys, const CleanWorker& w,
                    std::optional<std::string> seal_id) {
  SealedWorker out;
  out.name = w.name;
  out.employer = w.employer;
  out.region_code = w.region_code;
  out.groups = w.groups;
  if (!w.phone && !w.id_number) return out;
  out.seal_id = seal_id ? std::move(seal_id) : WorkerKeys::NewSealId();
  if (w.phone) {
    out.phone_sealed = keys.Seal(Personal::kPhone, *out.seal_id, *w.phone);
    out.phone_index = keys.Index(Personal::kPhone, *w.phone);
  }
  if (w.id_number) {
    out.id_number_sealed = keys.Seal(Personal::kIdNumber, *out.seal_id, *w.id_number);
    out.id_number_index = keys.Index(Personal::kIdNumber, *w.id_number);
  }
  return out;
}

json::value AuditJson(const Worker& w) {
  json::array groups(w.groups.begin(), w.groups.end());
  return json::object{{"id", w.id},
                      {"unit_id", w.unit_id},
                      {"name", w.deleted ? w.name : core::MaskName(w.name)},
                      {"phone", Opt(w.phone_masked)},
                      {"id_number", Opt(w.id_number_masked)},
                      {"employer", Opt(w.employer)},
                      {"region_code", Opt(w.region_code)},
                      {"groups", std::move(groups)}};
}

}  // namespace lianyin::domain::worker
