#include "http/error_mapping.hpp"

#include <boost/json.hpp>

namespace lianyin::http {
namespace {

namespace json = boost::json;

Response EnvelopeResponse(int status, std::string_view code, std::string_view message,
                          json::array details) {
  json::object error;
  error["code"] = code;
  error["message"] = message;
  error["details"] = std::move(details);
  json::object envelope;
  envelope["error"] = std::move(error);
  Response response;
  response.status = status;
  response.body = json::serialize(envelope);
  return response;
}

}  // namespace

int HttpStatus(core::ErrorCode code) {
  using core::ErrorCode;
  switch (code) {
    case ErrorCode::kBadRequest:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
    case ErrorCode::kCsrfFailed:
    case ErrorCode::kPasswordChangeRequired:
    case ErrorCode::kMfaEnrolmentRequired:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kValidationFailed:
      return 422;
    case ErrorCode::kLocked:
      return 423;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
  }
  return 500;
}

Response ErrorResponse(const core::Error& error) {
  json::array details;
  for (const core::FieldError& field_error : error.details) {
    json::object detail;
    detail["field"] = field_error.field;
    detail["message"] = field_error.message;
    if (field_error.row) detail["row"] = *field_error.row;
    details.push_back(std::move(detail));
  }
  Response response = EnvelopeResponse(HttpStatus(error.code), core::ErrorCodeName(error.code),
                                       error.message, std::move(details));
  if (error.retry_after_seconds) {
    response.SetHeader("Retry-After", std::to_string(*error.retry_after_seconds));
  }
  return response;
}

Response InternalErrorResponse() { return EnvelopeResponse(500, "internal", "internal error", {}); }

}  // namespace lianyin::http
