#pragma once
// Shared pieces of the project routes (internal to the handlers).

#include "core/error.hpp"
#include "http/error_mapping.hpp"
#include "http/json.hpp"
#include "http/router.hpp"

namespace lianyin::domain::project {
class ProjectService;
}

namespace lianyin::http::handlers {

// `status` with to_json(value), or the error's envelope.
template <class T, class ToJson>
Response ResultOr(int status, const core::Result<T>& r, ToJson to_json) {
  return r ? JsonResponse(status, to_json(*r)) : ErrorResponse(r.error());
}

// Outputs, milestones, payments and documents of a project (project_part_handlers.cpp).
void AddProjectPartRoutes(Router& router, domain::project::ProjectService& projects);

}  // namespace lianyin::http::handlers
