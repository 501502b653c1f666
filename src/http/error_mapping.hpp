#pragma once
// The one table ErrorCode → HTTP status, and the SPEC §3 error envelope
// {"error":{"code","message","details":[{"field","message"[,"row"]}]}}.

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

}  // namespace lianyin::http
