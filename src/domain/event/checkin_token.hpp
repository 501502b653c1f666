#pragma once
// The rotating check-in token of an event (签到码, issue #11): what the venue's screen shows as a
// QR code (the token) and as six digits (the code, for "check in by code"). Both are derived by
// HMAC-SHA256 from a key of the deployment, the event id and the time slot, so any server of the
// deployment computes them without storing anything, and a screenshot stops working within two
// slots. Pure functions; no I/O.
//
// Accepted: the current slot and the previous one, so a code read at the end of a slot still
// works while the worker types it (a code lives between kSlotSeconds and twice that).

#include <cstdint>
#include <string>
#include <string_view>

#include "core/crypto.hpp"
#include "core/date.hpp"

namespace lianyin::domain::event {

inline constexpr std::int64_t kSlotSeconds = 30;
inline constexpr std::size_t kCodeDigits = 6;

// The key of check-in tokens, derived from the deployment key (which itself never enters a
// token): HMAC(deployment key, "lianyin event check-in v1").
core::Bytes CheckinKey(core::ByteView deployment_key);

// The slot holding `at`: floor(unix seconds / kSlotSeconds).
std::int64_t SlotOf(core::DateTime at);
// The first instant after `slot`.
core::DateTime SlotEnd(std::int64_t slot);

// 22 base64url characters (128 bits of HMAC(key, "token:{event}:{slot}")).
std::string TokenFor(core::ByteView key, std::int64_t event_id, std::int64_t slot);
// Six decimal digits, by RFC 4226's dynamic truncation of HMAC(key, "code:{event}:{slot}").
std::string CodeFor(core::ByteView key, std::int64_t event_id, std::int64_t slot);

// Whether `token` / `code` is the event's for the slot of `now` or the one before (compared in
// constant time).
bool AcceptsToken(core::ByteView key, std::int64_t event_id, std::string_view token,
                  core::DateTime now);
bool AcceptsCode(core::ByteView key, std::int64_t event_id, std::string_view code,
                 core::DateTime now);

}  // namespace lianyin::domain::event
