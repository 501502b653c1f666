#pragma once
// What the team routes share (internal to the handlers): their permissions, and the routes of
// a team's parts (team_part_handlers.cpp).

#include "domain/team/team_service.hpp"
#include "http/router.hpp"

namespace lianyin::http::handlers {

inline constexpr const char* kTeamRead = "team:team:list";
inline constexpr const char* kTeamEdit = "team:team:edit";

// /api/v1/teams/{id}/help-projects[/{help_project_id}], /consumption, /progress[/by-year,
// /by-county, /by-member] and /api/v1/orgs/{id}/help-projects.
void AddTeamPartRoutes(Router& router, domain::team::TeamService& svc);

}  // namespace lianyin::http::handlers
