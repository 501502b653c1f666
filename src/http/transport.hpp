#pragma once
// The transport-neutral steps of one exchange, used by the server and unit-tested without
// sockets: request ids, decoding the request target, and the headers every response carries.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"
#include "http/server.hpp"

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

// Calls the handler; an escaping exception is logged with the request id and answered with
// InternalErrorResponse() (no details reach the client).
Response CallHandler(const Handler& handler, Request& request);

// 413 payload_too_large for a declared body over `limit` bytes.
Response PayloadTooLargeResponse(std::size_t limit);

// One access-log line on the spdlog logger "access" (created on first use): remote ip, method,
// path without the query (it may carry personal data), status, body bytes, ms, request id.
void LogExchange(const Request& request, int status, std::size_t bytes, double seconds);

std::string LowerCase(std::string_view text);
std::string UpperCase(std::string_view text);

}  // namespace lianyin::http
