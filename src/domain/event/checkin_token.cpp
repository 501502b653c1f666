#include "domain/event/checkin_token.hpp"

#include <fmt/format.h>

namespace lianyin::domain::event {
namespace {

core::Bytes Mac(core::ByteView key, std::string_view kind, std::int64_t event_id,
                std::int64_t slot) {
  const std::string message = fmt::format("{}:{}:{}", kind, event_id, slot);
  return core::HmacSha256(key, core::AsBytes(message));
}

bool Equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && core::ConstantTimeEquals(core::AsBytes(a), core::AsBytes(b));
}

}  // namespace

core::Bytes CheckinKey(core::ByteView deployment_key) {
  return core::HmacSha256(deployment_key, core::AsBytes("lianyin event check-in v1"));
}

std::int64_t SlotOf(core::DateTime at) {
  // Floor division, also before 1970 (never in practice, but exact).
  const std::int64_t s = at.unix_seconds;
  return s >= 0 ? s / kSlotSeconds : -((-s + kSlotSeconds - 1) / kSlotSeconds);
}

core::DateTime SlotEnd(std::int64_t slot) { return {(slot + 1) * kSlotSeconds}; }

std::string TokenFor(core::ByteView key, std::int64_t event_id, std::int64_t slot) {
  const core::Bytes mac = Mac(key, "token", event_id, slot);
  return core::Base64UrlEncode(core::ByteView(mac.data(), 16));
}

std::string CodeFor(core::ByteView key, std::int64_t event_id, std::int64_t slot) {
  const core::Bytes mac = Mac(key, "code", event_id, slot);
  const std::size_t offset = mac.back() & 0x0f;
  const std::uint32_t bits = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                             (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                             (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                             static_cast<std::uint32_t>(mac[offset + 3]);
  return fmt::format("{:06}", bits % 1'000'000);
}

bool AcceptsToken(core::ByteView key, std::int64_t event_id, std::string_view token,
                  core::DateTime now) {
  const std::int64_t slot = SlotOf(now);
  bool ok = false;
  for (std::int64_t s : {slot, slot - 1}) ok |= Equal(token, TokenFor(key, event_id, s));
  return ok;
}

bool AcceptsCode(core::ByteView key, std::int64_t event_id, std::string_view code,
                 core::DateTime now) {
  const std::int64_t slot = SlotOf(now);
  bool ok = false;
  for (std::int64_t s : {slot, slot - 1}) ok |= Equal(code, CodeFor(key, event_id, s));
  return ok;
}

}  // namespace lianyin::domain::event
