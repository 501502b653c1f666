#pragma once
// Small pieces every area's routes share (internal to the handlers): handlers taking positive
// integer ids from the path, and answers made of a service's result or of a form's errors.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/error.hpp"
#include "http/error_mapping.hpp"
#include "http/json.hpp"
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

// Calls `f(ctx, id, part_id)` with two id path parameters (a record and one of its parts), or
// answers 404 when either is malformed.
template <class F>
RouteHandler WithIds(const char* name, const char* part, F f) {
  return [name, part, f](Context& ctx) {
    auto id = ctx.IdParam(name);
    auto part_id = ctx.IdParam(part);
    return id && part_id ? f(ctx, *id, *part_id) : ErrorResponse(core::Error::NotFound());
  };
}

// `status` with to_json(value), or the error's envelope.
template <class T, class ToJson>
Response ResultOr(int status, const core::Result<T>& r, ToJson to_json) {
  return r ? JsonResponse(status, to_json(*r)) : ErrorResponse(r.error());
}

// 422 with the reader's errors and, for the fields it read, those of the rules' check too
// (`rules`: the area's Check… of what was read), so a form shows every wrong field at once.
inline Response FormInvalid(const FieldReader& in, const core::Result<void>& rules) {
  std::vector<core::FieldError> errors = in.errors();
  if (!rules) {
    for (const core::FieldError& e : rules.error().details) {
      const auto same = [&](const core::FieldError& f) { return f.field == e.field; };
      if (std::none_of(errors.begin(), errors.end(), same)) errors.push_back(e);
    }
  }
  return ErrorResponse(core::Error::Invalid(std::move(errors)));
}

// 200 `{}` (a deletion, a withdrawal), or the error's envelope.
inline Response EmptyOr(const core::Result<void>& r) {
  return r ? JsonResponse(200, boost::json::object{}) : ErrorResponse(r.error());
}

}  // namespace lianyin::http::handlers
