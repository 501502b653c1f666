#pragma once
// The project routes' second file (internal to the handlers).

#include "http/router.hpp"

namespace lianyin::domain::project {
class ProjectService;
}

namespace lianyin::http::handlers {

// Outputs, milestones, payments and documents of a project (project_part_handlers.cpp).
void AddProjectPartRoutes(Router& router, domain::project::ProjectService& projects);

}  // namespace lianyin::http::handlers
