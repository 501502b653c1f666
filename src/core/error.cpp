#include "core/error.hpp"

#include <fmt/format.h>

namespace lianyin::core {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
      return "bad_request";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kCsrfFailed:
      return "csrf_failed";
    case ErrorCode::kPasswordChangeRequired:
      return "password_change_required";
    case ErrorCode::kMfaEnrolmentRequired:
      return "mfa_enrolment_required";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kMethodNotAllowed:
      return "method_not_allowed";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kPayloadTooLarge:
      return "payload_too_large";
    case ErrorCode::kValidationFailed:
      return "validation_failed";
    case ErrorCode::kLocked:
      return "locked";
    case ErrorCode::kTooManyRequests:
      return "too_many_requests";
    case ErrorCode::kUnavailable:
      return "unavailable";
  }
  return "bad_request";
}

Error Unavailable() {
  Error error{ErrorCode::kUnavailable, "the system is busy, please try again shortly", {}};
  error.retry_after_seconds = 1;
  return error;
}

Error Error::BadRequest(std::string message) {
  return {ErrorCode::kBadRequest, std::move(message), {}};
}
Error Error::NotFound(std::string message) {
  return {ErrorCode::kNotFound, std::move(message), {}};
}
Error Error::Conflict(std::string message) {
  return {ErrorCode::kConflict, std::move(message), {}};
}
Error Error::Forbidden(std::string message) {
  return {ErrorCode::kForbidden, std::move(message), {}};
}
Error Error::Invalid(std::string field, std::string message) {
  std::string summary = fmt::format("{}: {}", field, message);
  return {ErrorCode::kValidationFailed,
          std::move(summary),
          {FieldError{std::move(field), std::move(message), std::nullopt}}};
}
Error Error::Invalid(std::vector<FieldError> details) {
  std::string summary = details.size() == 1
                            ? fmt::format("{}: {}", details[0].field, details[0].message)
                            : fmt::format("{} fields are invalid", details.size());
  return {ErrorCode::kValidationFailed, std::move(summary), std::move(details)};
}

void throw_exception_from_error(const Error& error, const boost::source_location&) {
  throw ErrorException(error);
}

}  // namespace lianyin::core
