#pragma once
// Response headers every answer carries (SECURITY.md "Input").

#include <string_view>

#include "http/message.hpp"

namespace lianyin::http {

// Sets Content-Security-Policy, X-Content-Type-Options, Referrer-Policy, X-Frame-Options and,
// only when `tls`, Strict-Transport-Security. Replaces any same-named header of the handler.
void ApplySecurityHeaders(Response& response, bool tls);

// Adds `Cache-Control: no-store` to responses for paths under /api unless the handler set a
// Cache-Control itself (API answers carry personal data and must not be cached).
void ApplyApiCacheControl(Response& response, std::string_view request_path);

}  // namespace lianyin::http
