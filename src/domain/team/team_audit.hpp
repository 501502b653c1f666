#pragma once
// How team changes are recorded (internal to the team area): entities team, team_plan,
// help_project and team_consumption, each owned by the team's unit.

#include <boost/json/object.hpp>
#include <string>

#include "domain/common/change.hpp"
#include "domain/team/team.hpp"

namespace lianyin::domain::team {

boost::json::object AuditJson(const Team& team);
boost::json::object AuditJson(const Plan& plan);
boost::json::object AuditJson(const HelpProject& project);
boost::json::object AuditJson(const Consumption& record);

// A Change of `entity` `id` of `team`, owned by the team's unit.
common::Change TeamChange(std::string action, std::string entity, std::int64_t id, const Team& team,
                          boost::json::value before, boost::json::value after);

}  // namespace lianyin::domain::team
