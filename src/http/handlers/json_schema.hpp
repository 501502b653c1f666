#pragma once
// Small JSON helpers the areas' serialisers share (internal to the handlers): nullable values,
// and the pieces of the JSON Schemas the OpenAPI document shows for bodies and answers.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lianyin::http::handlers::schema {

inline boost::json::value Opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}
inline boost::json::value Opt(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

// {"type": type, "description": description} (+ "nullable").
inline boost::json::object Prop(const char* type, const char* description, bool nullable = false) {
  boost::json::object p{{"type", type}, {"description", description}};
  if (nullable) p["nullable"] = true;
  return p;
}

// A string with one of `codes`.
inline boost::json::object Enum(const std::vector<std::string>& codes, const char* description) {
  return {{"type", "string"},
          {"enum", boost::json::array(codes.begin(), codes.end())},
          {"description", description}};
}

inline boost::json::object Array(boost::json::object items, const char* description) {
  return {{"type", "array"}, {"items", std::move(items)}, {"description", description}};
}

// The names of `properties`, in order.
inline boost::json::array Keys(const boost::json::object& properties) {
  boost::json::array keys;
  for (const auto& p : properties) keys.emplace_back(p.key());
  return keys;
}

inline boost::json::object Object(boost::json::object properties, boost::json::array required) {
  return {
      {"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

// An object all of whose `properties` are required.
inline boost::json::object Closed(boost::json::object properties) {
  boost::json::array required = Keys(properties);
  return Object(std::move(properties), std::move(required));
}

// The paging envelope {items, total, page, page_size} of `item`s; `what` names the total.
inline boost::json::object Page(boost::json::value item, const char* what) {
  return Object({{"items", {{"type", "array"}, {"items", std::move(item)}}},
                 {"total", Prop("integer", what)},
                 {"page", Prop("integer", "page number")},
                 {"page_size", Prop("integer", "page size")}},
                {"items", "total", "page", "page_size"});
}

}  // namespace lianyin::http::handlers::schema
