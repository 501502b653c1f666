#pragma once
// A route handler taking the positive integer id of a path parameter (internal to the handlers).

#include <cstdint>

#include "http/error_mapping.hpp"
#include "http/router.hpp"

namespace lianyin::http::handlers {

// Calls `f(ctx, id)` with the path parameter `name` as an id, or answers 404 for a malformed one
// (like a missing record).
template <class F>
RouteHandler WithId(const char* name, F f) {
  return [name, f](Context& ctx) {
    auto id = ctx.IdParam(name);
    return id ? f(ctx, *id) : ErrorResponse(core::Error::NotFound());
  };
}

}  // namespace lianyin::http::handlers
