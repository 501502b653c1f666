#include "domain/worker/worker_keys.hpp"

#include <stdexcept>

#include "core/phone.hpp"

namespace lianyin::domain::worker {
namespace {

std::string_view ColumnName(Personal column) {
  return column == Personal::kPhone ? "phone" : "id_number";
}

std::string AssociatedData(Personal column, std::string_view seal_id) {
  return "workers." + std::string(ColumnName(column)) + ":" + std::string(seal_id);
}

}  // namespace

WorkerKeys::WorkerKeys(core::Bytes deployment_key) : key_(std::move(deployment_key)) {
  if (key_.size() != core::kAesKeySize) {
    throw std::invalid_argument("the deployment key must be 32 bytes");
  }
  index_key_ = core::HmacSha256(key_, core::AsBytes("lianyin/worker-blind-index/v1"));
}

std::string WorkerKeys::NewSealId() { return core::HexEncode(core::RandomBytes(16)); }

std::string WorkerKeys::Seal(Personal column, std::string_view seal_id,
                             std::string_view value) const {
  return core::HexEncode(
      core::Encrypt(key_, core::AsBytes(value), core::AsBytes(AssociatedData(column, seal_id))));
}

std::optional<std::string> WorkerKeys::Unseal(Personal column, std::string_view seal_id,
                                              std::string_view sealed) const {
  auto bytes = core::HexDecode(sealed);
  if (!bytes) return std::nullopt;
  auto clear = core::Decrypt(key_, *bytes, core::AsBytes(AssociatedData(column, seal_id)));
  if (!clear) return std::nullopt;
  return core::ToString(*clear);
}

std::string WorkerKeys::Index(Personal column, std::string_view normalised) const {
  const std::string message = std::string(ColumnName(column)) + ":" + std::string(normalised);
  return core::HexEncode(core::HmacSha256(index_key_, core::AsBytes(message)));
}

std::string WorkerKeys::AccountUsername(std::string_view phone_index) {
  return "worker-" + std::string(phone_index.substr(0, 32));
}

std::optional<std::string> WorkerKeys::LoginNameOf(std::string_view typed) const {
  auto phone = core::NormaliseMobile(typed);
  if (!phone) return std::nullopt;
  return AccountUsername(Index(Personal::kPhone, *phone));
}

}  // namespace lianyin::domain::worker
