#pragma once
// Shared steps of the selection use cases (internal to the area).

#include <boost/json/value.hpp>
#include <string>

#include "core/error.hpp"
#include "domain/common/change.hpp"
#include "domain/common/scope.hpp"
#include "domain/selection/selection.hpp"
#include "domain/selection/selection_repo.hpp"

namespace lianyin::domain::selection {

// The round when `scope` manages it: 404 when missing, 403 when readable but organised outside
// the scope.
core::Result<Round> LoadManagedRound(SelectionRepo& repo, const common::Scope& scope,
                                     std::int64_t id);
// A scope that sees everything (reading back what a use case just wrote).
common::Scope PlatformScope();
// A scope that manages nothing (the public reading published rounds).
common::Scope PublicScope();

boost::json::value AuditJson(const Round& round);
boost::json::value AuditJson(const Nomination& nomination);
// Changes owned by the round's organising unit.
common::Change RoundChange(std::string action, const Round& round, boost::json::value before,
                           boost::json::value after);
common::Change NominationChange(std::string action, const Round& round,
                                const Nomination& nomination, boost::json::value before,
                                boost::json::value after);

}  // namespace lianyin::domain::selection
