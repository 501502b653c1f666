#include "http/openapi.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <string>
#include <vector>

namespace lianyin::http {
namespace {

namespace json = boost::json;

constexpr std::string_view kErrorRef = "#/components/schemas/Error";

json::object ErrorSchema() {
  json::array codes;
  for (auto code :
       {"bad_request", "unauthenticated", "forbidden", "csrf_failed", "password_change_required",
        "not_found", "method_not_allowed", "conflict", "payload_too_large", "validation_failed",
        "locked", "too_many_requests", "unavailable", "internal"}) {
    codes.emplace_back(code);
  }
  json::object detail = {
      {"type", "object"},
      {"required", json::array{"field", "message"}},
      {"properties",
       {{"field", {{"type", "string"}}},
        {"message", {{"type", "string"}}},
        {"row", {{"type", "integer"}, {"description", "import row (header = 1)"}}}}}};
  json::object error = {{"type", "object"},
                        {"required", json::array{"code", "message", "details"}},
                        {"properties",
                         {{"code", {{"type", "string"}, {"enum", std::move(codes)}}},
                          {"message", {{"type", "string"}}},
                          {"details", {{"type", "array"}, {"items", std::move(detail)}}}}}};
  return {{"type", "object"},
          {"required", json::array{"error"}},
          {"properties", {{"error", std::move(error)}}}};
}

json::object Components(std::string_view session_cookie) {
  return {{"schemas", {{"Error", ErrorSchema()}}},
          {"securitySchemes",
           {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", session_cookie}}},
            {"csrf", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-CSRF-Token"}}}}}};
}

// Schema text of a route, or a generic object when absent or not JSON.
json::value SchemaOf(const std::string& text) {
  json::error_code ec;
  json::value schema = text.empty() ? json::value() : json::parse(text, ec);
  if (text.empty() || ec) return json::object{{"type", "object"}};
  return schema;
}

json::object JsonContent(json::value schema) {
  return {{"application/json", {{"schema", std::move(schema)}}}};
}

json::array PathParameters(std::string_view pattern) {
  json::array parameters;
  for (std::size_t open = pattern.find('{'); open != std::string_view::npos;
       open = pattern.find('{', open + 1)) {
    const std::string name(pattern.substr(open + 1, pattern.find('}', open) - open - 1));
    const bool id = name == "id" || name.ends_with("_id");
    json::object schema =
        id ? json::object{{"type", "integer"}, {"format", "int64"}, {"minimum", 1}}
           : json::object{{"type", "string"}};
    parameters.push_back(json::object{
        {"name", name}, {"in", "path"}, {"required", true}, {"schema", std::move(schema)}});
  }
  return parameters;
}

void AddError(json::object& responses, std::string_view status, std::string_view description) {
  responses[status] = {{"description", description},
                       {"content", JsonContent(json::object{{"$ref", kErrorRef}})}};
}

json::object Responses(const Route& route) {
  json::object responses;
  responses["2XX"] = {{"description", "success"},
                      {"content", JsonContent(SchemaOf(route.info.response_schema))}};
  const bool write = route.method != "GET" && route.method != "HEAD";
  AddError(responses, "400", "malformed request");
  if (route.info.requires_auth) {
    AddError(responses, "401", "not signed in");
    AddError(responses, "403", "forbidden, CSRF failure or password change required");
  }
  if (route.pattern.find('{') != std::string::npos) AddError(responses, "404", "not found");
  if (write) {
    AddError(responses, "409", "conflict");
    AddError(responses, "413", "body too large");
  }
  AddError(responses, "422", "validation failed");
  AddError(responses, "429", "too many requests");
  AddError(responses, "500", "internal error");
  return responses;
}

std::string OperationId(const Route& route) {
  std::string id = route.method;
  std::transform(id.begin(), id.end(), id.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (char c : route.pattern) {
    const bool word = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (word) id += c;
    if (!word && c != '{' && c != '}' && id.back() != '_') id += '_';
  }
  return id;
}

json::object Operation(const Route& route) {
  json::object operation = {{"summary", route.info.summary},
                            {"operationId", OperationId(route)},
                            {"responses", Responses(route)}};
  if (!route.info.tag.empty()) operation["tags"] = json::array{json::string(route.info.tag)};
  const bool write = route.method != "GET" && route.method != "HEAD";
  if (!route.info.requires_auth) {
    operation["security"] = json::array();
  } else {
    json::object requirement = {{"session", json::array()}};
    if (write) requirement["csrf"] = json::array();
    operation["security"] = json::array{std::move(requirement)};
  }
  if (!route.info.request_schema.empty()) {
    operation["requestBody"] = {{"required", true},
                                {"content", JsonContent(SchemaOf(route.info.request_schema))}};
  }
  return operation;
}

}  // namespace

json::object OpenApiDocument(const Router& router, std::string_view title, std::string_view version,
                             std::string_view session_cookie) {
  json::object paths;
  for (const Route& route : router.routes()) {
    json::value& item = paths[route.pattern];
    if (!item.is_object()) {
      item = json::object{{"parameters", PathParameters(route.pattern)}};
    }
    std::string method = route.method;
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    item.as_object()[method] = Operation(route);
  }
  return {{"openapi", "3.0.3"},
          {"info", {{"title", title}, {"version", version}}},
          {"paths", std::move(paths)},
          {"components", Components(session_cookie)}};
}

}  // namespace lianyin::http
