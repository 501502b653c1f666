#pragma once
// JSON of the excellent-project selection (docs/api.md "Excellent-project selection"; internal
// to the handlers).

#include <boost/json.hpp>

#include "domain/selection/selection.hpp"
#include "domain/selection/selection_repo.hpp"

namespace lianyin::http::handlers {

boost::json::object RoundJson(const domain::selection::Round& round);
// The nomination with its project's figures; `public_view` leaves out who nominated it and
// the assignment counts (the showcase).
boost::json::object NominationJson(const domain::selection::Nomination& nomination,
                                   bool public_view = false);
boost::json::object AssignmentJson(const domain::selection::Assignment& assignment);
boost::json::object ExpertJson(const domain::selection::Expert& expert);
boost::json::object JobJson(const domain::selection::BookletJob& job);

}  // namespace lianyin::http::handlers
