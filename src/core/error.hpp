#pragma once
// Expected failures as values. See src/README.md "Errors": validation, not found, conflicts and
// the like are returned as core::Error inside core::Result; infrastructure faults are exceptions.

#include <boost/system/result.hpp>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::core {

// One code per kind of expected failure. The HTTP layer maps each to one status (SPEC §3);
// keep this list and that table (http/error_mapping.cpp) in step.
enum class ErrorCode {
  kBadRequest,              // 400 malformed input (JSON syntax, encoding, non-object body)
  kUnauthenticated,         // 401
  kForbidden,               // 403
  kCsrfFailed,              // 403
  kPasswordChangeRequired,  // 403
  kMfaEnrolmentRequired,    // 403 an admin must enrol a second factor first
  kNotFound,                // 404
  kMethodNotAllowed,        // 405
  kConflict,                // 409 duplicate, illegal transition, overlap
  kPayloadTooLarge,         // 413
  kValidationFailed,        // 422 well-formed input that breaks a rule; see details
  kLocked,                  // 423
  kTooManyRequests,         // 429
  kUnavailable,             // 503 a dependency is down (never for a client's mistake)
};

// The wire name of a code ("validation_failed"), as in SPEC §3.
std::string_view ErrorCodeName(ErrorCode code);

// One problem with one input field. `row` is set for import rows (header = row 1).
struct FieldError {
  std::string field;
  std::string message;
  std::optional<std::int64_t> row;

  friend bool operator==(const FieldError&, const FieldError&) = default;
};

struct Error {
  ErrorCode code = ErrorCode::kBadRequest;
  std::string message;
  std::vector<FieldError> details;
  // For kTooManyRequests / kLocked: seconds until a retry can succeed (HTTP Retry-After).
  std::optional<std::int64_t> retry_after_seconds;

  static Error BadRequest(std::string message);
  static Error NotFound(std::string message = "not found");
  static Error Conflict(std::string message);
  static Error Forbidden(std::string message = "forbidden");
  // A single-field validation failure: code kValidationFailed, one detail.
  static Error Invalid(std::string field, std::string message);
  // Several field problems at once (message summarises them).
  static Error Invalid(std::vector<FieldError> details);
};

// An infrastructure fault (store::DbError derives from it). `unavailable()` is true when the
// fault is a dependency that is busy or down — the database's write lock, an exhausted pool, a
// lost or read-only connection, a statement timeout — which an edge answers 503 `unavailable`
// with Retry-After rather than 500.
class InfrastructureError : public std::runtime_error {
 public:
  InfrastructureError(const std::string& message, bool unavailable)
      : std::runtime_error(message), unavailable_(unavailable) {}
  bool unavailable() const noexcept { return unavailable_; }

 private:
  bool unavailable_;
};

// 503 `unavailable` with Retry-After: 1 (the database stayed busy or unreachable).
Error Unavailable();

// Thrown by Result::value() on an error; carries the Error so an edge can still map it.
class ErrorException : public std::exception {
 public:
  explicit ErrorException(Error error) : error_(std::move(error)) {}
  const char* what() const noexcept override { return error_.message.c_str(); }
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

// Boost.System finds this by ADL when Result<T>::value() is called on an error.
[[noreturn]] void throw_exception_from_error(const Error& error, const boost::source_location& loc);

template <class T>
using Result = boost::system::result<T, Error>;

}  // namespace lianyin::core
