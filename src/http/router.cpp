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

// How well `path` matches a compiled pattern: nullopt for no match, else a rank in which a
// literal at an earlier position counts more ("/orgs/export" beats "/orgs/{id}"). Patterns of
// one length compare as integers of their literal bits, first segment highest.
std::optional<std::uint64_t> Rank(const std::vector<std::string>& literals,
                                  const std::vector<bool>& params,
                                  const std::vector<std::string_view>& path) {
  if (literals.size() != path.size() || path.size() > 64) return std::nullopt;
  std::uint64_t rank = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (params[i]) {
      if (path[i].empty()) return std::nullopt;
    } else if (literals[i] != path[i]) {
      return std::nullopt;
    }
    rank = (rank << 1) | (params[i] ? 0u : 1u);
  }
  return rank;
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
  Compiled compiled;
  for (std::string_view segment : Split(pattern)) {
    const bool param = IsParam(segment);
    compiled.literals.emplace_back(param ? segment.substr(1, segment.size() - 2) : segment);
    compiled.params.push_back(param);
  }
  compiled_.push_back(std::move(compiled));
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler), std::move(info)});
}

// A HEAD request is served by the GET route of the path unless a HEAD route exists; the
// server then drops the body.
Router::Match Router::Find(std::string_view method, std::string_view path) const {
  const std::vector<std::string_view> segments = Split(path);
  std::size_t best = routes_.size();
  std::size_t head_fallback = routes_.size();
  std::uint64_t best_rank = 0;
  std::uint64_t head_rank = 0;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const auto rank = Rank(compiled_[i].literals, compiled_[i].params, segments);
    if (!rank) continue;
    if (routes_[i].method == method) {
      if (best == routes_.size() || *rank > best_rank) {
        best = i;
        best_rank = *rank;
      }
    } else if (method == "HEAD" && routes_[i].method == "GET" &&
               (head_fallback == routes_.size() || *rank > head_rank)) {
      head_fallback = i;
      head_rank = *rank;
    }
  }
  if (best == routes_.size()) best = head_fallback;
  Match match;
  if (best == routes_.size()) {
    // Nothing for this method: the methods the path has, for 405 and Allow.
    for (std::size_t i = 0; i < routes_.size(); ++i) {
      if (!Rank(compiled_[i].literals, compiled_[i].params, segments)) continue;
      if (std::find(match.allowed.begin(), match.allowed.end(), routes_[i].method) ==
          match.allowed.end()) {
        match.allowed.push_back(routes_[i].method);
      }
    }
    return match;
  }
  match.route = &routes_[best];
  const Compiled& compiled = compiled_[best];
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (compiled.params[i]) match.params.emplace_back(compiled.literals[i], segments[i]);
  }
  return match;
}

}  // namespace lianyin::http
