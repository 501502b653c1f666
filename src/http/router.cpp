#include "http/router.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace lianyin::http {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);  // "/orgs/" == "/orgs"
  std::size_t start = 1;
  while (start <= path.size() && path.size() > 1) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

bool IsParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool IsValidParamName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

void ValidatePattern(std::string_view pattern) {
  if (pattern.empty() || pattern.front() != '/' || (pattern.size() > 1 && pattern.back() == '/')) {
    throw std::invalid_argument("route pattern must start and not end with '/': " +
                                std::string(pattern));
  }
  for (std::string_view segment : Split(pattern)) {
    const bool braces = segment.find_first_of("{}") != std::string_view::npos;
    if (segment.empty() || (braces && !(IsParam(segment) &&
                                        IsValidParamName(segment.substr(1, segment.size() - 2))))) {
      throw std::invalid_argument("malformed route pattern: " + std::string(pattern));
    }
  }
}

// Shape of a pattern with parameter names erased: "/orgs/{id}" and "/orgs/{org_id}" collide.
std::string Shape(std::string_view pattern) {
  std::string shape;
  for (std::string_view segment : Split(pattern)) {
    shape += '/';
    shape += IsParam(segment) ? std::string_view("{}") : segment;
  }
  return shape;
}

// Matches `path` against `pattern`; on success fills params and a literal mask used to rank
// candidates (a literal at an earlier position wins).
bool MatchPattern(const std::vector<std::string_view>& pattern,
                  const std::vector<std::string_view>& path, PathParams& params,
                  std::vector<bool>& literal_mask) {
  if (pattern.size() != path.size()) return false;
  params.clear();
  literal_mask.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const bool param = IsParam(pattern[i]);
    if (param && path[i].empty()) return false;
    if (!param && pattern[i] != path[i]) return false;
    if (param) {
      params.emplace_back(std::string(pattern[i].substr(1, pattern[i].size() - 2)),
                          std::string(path[i]));
    }
    literal_mask.push_back(!param);
  }
  return true;
}

}  // namespace

std::string_view Context::Param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return {};
}

std::optional<std::int64_t> Context::IdParam(std::string_view name) const {
  std::string_view raw = Param(name);
  // Canonical decimal only: no sign, no leading zero, so one id has one URL.
  if (raw.empty() || raw.front() < '1' || raw.front() > '9') return std::nullopt;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
  if (ec != std::errc() || end != raw.data() + raw.size()) return std::nullopt;
  return id;
}

void Router::Add(std::string method, std::string pattern, RouteHandler handler, RouteInfo info) {
  ValidatePattern(pattern);
  if (method.empty() || !handler) throw std::invalid_argument("route needs a method and handler");
  const std::string shape = Shape(pattern);
  for (const Route& route : routes_) {
    if (route.method == method && Shape(route.pattern) == shape) {
      throw std::invalid_argument(fmt::format("duplicate route: {} {}", method, pattern));
    }
  }
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler), std::move(info)});
}

// A HEAD request is served by the GET route of the path unless a HEAD route exists; the
// server then drops the body.
Router::Match Router::Find(std::string_view method, std::string_view path) const {
  const std::vector<std::string_view> segments = Split(path);
  Match match;
  std::vector<bool> best_mask;
  const Route* head_fallback = nullptr;
  PathParams head_params;
  std::vector<bool> head_mask;
  PathParams params;
  std::vector<bool> mask;
  for (const Route& route : routes_) {
    if (!MatchPattern(Split(route.pattern), segments, params, mask)) continue;
    if (std::find(match.allowed.begin(), match.allowed.end(), route.method) ==
        match.allowed.end()) {
      match.allowed.push_back(route.method);
    }
    if (route.method == method && (match.route == nullptr || mask > best_mask)) {
      match.route = &route;
      match.params = params;
      best_mask = mask;
    } else if (method == "HEAD" && route.method == "GET" &&
               (head_fallback == nullptr || mask > head_mask)) {
      head_fallback = &route;
      head_params = params;
      head_mask = mask;
    }
  }
  if (match.route == nullptr && head_fallback != nullptr) {
    match.route = head_fallback;
    match.params = std::move(head_params);
  }
  return match;
}

}  // namespace lianyin::http
