#pragma once
// The transport-neutral steps of one exchange, used by the server and unit-tested without
// sockets: request ids, decoding the request target, and the headers every response carries.

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"

namespace lianyin::http {

// 1–64 characters of [A-Za-z0-9._-]: safe to log and echo.
bool IsValidRequestId(std::string_view id);

// A fresh random id of 16 lower-case hex digits. Thread-safe.
std::string NewRequestId();

// The incoming X-Request-Id when valid, else a fresh one.
std::string ChooseRequestId(std::optional<std::string_view> incoming);

// Fills request.path (percent-decoded) and request.query (decoded, '+' = space) from an
// origin-form target. A target that does not parse or decode, or a path containing NUL, is
// Error::BadRequest.
core::Result<void> DecodeTarget(std::string_view target, Request& request);

// Adds X-Request-Id, the security headers and the /api Cache-Control default.
void FinishResponse(Response& response, const Request& request, bool tls);

}  // namespace lianyin::http
