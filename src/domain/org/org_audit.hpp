#pragma once
// How a registry change is recorded (internal to the org area).

#include <boost/json/object.hpp>
#include <string>

#include "domain/common/change.hpp"
#include "domain/org/org.hpp"

namespace lianyin::domain::org {

// Every stored field of `org`, for Change::before / after (no secrets; personal data is masked
// by every reader of changes).
boost::json::object AuditJson(const Org& org);

// A Change to `org`, owned by its registration unit (SPEC §1 "who owns what").
common::Change OrgChange(std::string action, const Org& org, boost::json::value before,
                         boost::json::value after);

}  // namespace lianyin::domain::org
