#pragma once
// Routes "METHOD /api/v1/orgs/{id}" to handlers. Pure matching, no I/O.
// Patterns are literal segments and `{name}` parameters (one whole segment each). Literal
// segments win over parameters at the same position ("/orgs/export" before "/orgs/{id}").

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.hpp"

namespace lianyin::domain::account {
struct Actor;
}

namespace lianyin::http {

using PathParams = std::vector<std::pair<std::string, std::string>>;

// What a handler sees: the request, its path parameters and, once authenticated, the actor.
struct Context {
  Request& request;
  PathParams params;
  std::shared_ptr<const domain::account::Actor> actor;  // null on public routes

  // The raw value of a path parameter ("" if the pattern has none of that name).
  std::string_view Param(std::string_view name) const;
  // A path parameter that must be a positive 64-bit integer id; nullopt otherwise.
  std::optional<std::int64_t> IdParam(std::string_view name) const;
};

using RouteHandler = std::function<Response(Context&)>;

// Documentation and policy of one route (feeds /api/v1/openapi.json and the middleware).
struct RouteInfo {
  std::string summary;          // one line, English
  std::string tag;              // OpenAPI tag, e.g. "regions"
  bool requires_auth = true;    // false: public (health, login, /api/public/...)
  std::string permission;       // "area:resource:action" the actor must hold (403), or "" for any
  bool large_body = false;      // accepts the large (import) body limit
  std::string request_schema;   // optional JSON Schema text of the body
  std::string response_schema;  // optional JSON Schema text of the 2xx body
};

struct Route {
  std::string method;
  std::string pattern;
  RouteHandler handler;
  RouteInfo info;
};

class Router {
 public:
  // Registers a route. Throws std::invalid_argument on a malformed pattern or a duplicate.
  void Add(std::string method, std::string pattern, RouteHandler handler, RouteInfo info);

  struct Match {
    const Route* route = nullptr;  // null when nothing matched this method + path
    PathParams params;
    std::vector<std::string> allowed;  // methods registered for the path (for 405 + Allow)
  };
  // O(routes × segments) string comparisons per lookup against patterns split once at Add, no
  // allocation but the path's segment list and the match's parameters (it was 15 % of a
  // request's CPU while each lookup re-split every pattern, docs/BENCHMARKS.md). `allowed` is
  // filled only when no route answers `method`.
  Match Find(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  // A pattern split into segments: a literal, or a parameter's name where params[i].
  struct Compiled {
    std::vector<std::string> literals;
    std::vector<bool> params;
  };
  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;  // one per route, same index
};

}  // namespace lianyin::http
