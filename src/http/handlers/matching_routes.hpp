#pragma once
// The matching routes' second file, and what both files share (internal to the handlers).

#include "domain/dictionary/messages.hpp"
#include "http/router.hpp"

namespace lianyin::domain::matching {
class MatchingService;
}

namespace lianyin::http::handlers {

// Runs, matches and the summary (matching_run_handlers.cpp).
void AddMatchingRunRoutes(Router& router, domain::matching::MatchingService& matching);

// The language the request's Accept-Language prefers (reasons are worded in it).
inline domain::dictionary::Lang LangOf(const Context& ctx) {
  return domain::dictionary::PreferredLang(ctx.request.Header("accept-language").value_or(""));
}

}  // namespace lianyin::http::handlers
