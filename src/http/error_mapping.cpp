#include "http/error_mapping.hpp"

#include <boost/json.hpp>

#include "domain/dictionary/messages.hpp"

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

namespace {

bool IsEnvelope(const Response& response) {
  return response.status >= 400 && !response.stream &&
         response.content_type == "application/json" && response.body.starts_with(R"({"error":)");
}

// The "error" object of a parsed envelope with a string message and an array of details.
json::object* ErrorObject(json::value& parsed) {
  json::object* root = parsed.if_object();
  json::value* error = root ? root->if_contains("error") : nullptr;
  json::object* object = error ? error->if_object() : nullptr;
  if (object == nullptr) return nullptr;
  json::value* message = object->if_contains("message");
  json::value* details = object->if_contains("details");
  if (!message || !message->is_string() || !details || !details->is_array()) return nullptr;
  return object;
}

std::string_view StringOf(const json::object& object, std::string_view key) {
  const json::value* v = object.if_contains(key);
  return v && v->is_string() ? std::string_view(v->get_string()) : std::string_view();
}

// True when `message` is the one-field summary "field: message" of `details`
// (core::Error::Invalid).
bool IsFieldSummary(std::string_view message, const json::array& details) {
  if (details.size() != 1 || !details[0].is_object()) return false;
  const json::object& d = details[0].get_object();
  const std::string_view field = StringOf(d, "field"), text = StringOf(d, "message");
  return message.size() == field.size() + 2 + text.size() && message.starts_with(field) &&
         message.substr(field.size(), 2) == ": " && message.ends_with(text);
}

}  // namespace

void LocaliseError(Response& response, std::string_view accept_language) {
  namespace dict = domain::dictionary;
  if (!IsEnvelope(response)) return;
  const dict::Lang lang = dict::PreferredLang(accept_language);
  response.SetHeader("Content-Language", std::string(dict::LangTag(lang)));
  if (lang == dict::Lang::kEn) return;  // the catalogue's message ids are English
  boost::system::error_code ec;
  json::value parsed = json::parse(response.body, ec);
  json::object* error = ec ? nullptr : ErrorObject(parsed);
  if (error == nullptr) return;
  json::array& details = error->at("details").get_array();
  json::string& message = error->at("message").get_string();
  const bool summary = IsFieldSummary(message, details);
  for (json::value& d : details) {
    json::object* detail = d.if_object();
    json::value* text = detail ? detail->if_contains("message") : nullptr;
    if (text == nullptr || !text->is_string()) continue;
    *text = dict::Translate(text->get_string(), lang);
    if (summary) {
      message = std::string(dict::FieldLabel(StringOf(*detail, "field"), lang)) + "：" +
                std::string(text->get_string());
    }
  }
  if (!summary) message = dict::Translate(message, lang);
  response.body = json::serialize(parsed);
}

std::vector<std::string> EnvelopeMessages(std::string_view body) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  json::value parsed = json::parse(body, ec);
  json::object* error = ec ? nullptr : ErrorObject(parsed);
  if (error == nullptr) return out;
  const json::array& details = error->at("details").get_array();
  const std::string_view message = error->at("message").get_string();
  if (!IsFieldSummary(message, details)) out.emplace_back(message);  // a summary is rebuilt
  for (const json::value& d : details) {
    if (d.is_object()) out.emplace_back(StringOf(d.get_object(), "message"));
  }
  return out;
}

Response InternalErrorResponse() { return EnvelopeResponse(500, "internal", "internal error", {}); }

}  // namespace lianyin::http
