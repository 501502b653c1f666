#pragma once
// The one table ErrorCode → HTTP status, and the SPEC §3 error envelope
// {"error":{"code","message","details":[{"field","message"[,"row"]}]}}.

#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"

namespace lianyin::http {

// The HTTP status of an error code (bad_request 400 … unavailable 503). Total over ErrorCode.
int HttpStatus(core::ErrorCode code);

// A JSON error response with the status of `error.code`; details keep their order.
Response ErrorResponse(const core::Error& error);

// 500 {"error":{"code":"internal","message":"internal error","details":[]}}: no fault details
// leak to the client; the caller logs them with the request id.
Response InternalErrorResponse();

// The error envelope of `response` worded in the language `accept_language` prefers
// (http/README.md "Messages"): for Chinese, the default, the message and every detail's message
// translated through the catalogue, and a validation summary "field: message" rebuilt as
// "字段标签：信息"; the field names themselves stay codes. Sets Content-Language on error
// envelopes. Other responses are left alone without reading the header: O(1) for them, O(body)
// for an error.
void LocaliseError(Response& response, std::string_view accept_language);

// The message of an error envelope and of each of its details, or an empty list when `body` is
// not one (for tests that check every message the API produced has a translation).
std::vector<std::string> EnvelopeMessages(std::string_view body);

}  // namespace lianyin::http
