#pragma once
// The two checks SPEC §4 puts before an evaluation, each one function so that the areas still
// being built join here and nowhere else:
//
//   - ExpertConflict: why an expert may not score an organisation (a conflict of interest).
//     Today: the expert is an account of the organisation (its org_member). The standing
//     declarations of POST /users/{id}/conflicts (table user_conflicts, another branch) add
//     their condition here: a declaration of this expert (expert.user_id) naming the
//     organisation's USCC (org.uscc), in `session`, the creating transaction's.
//   - Ineligible: why an organisation cannot be evaluated. Today: it is not registered, or it is
//     on a credit list
//     (credit_gate.hpp, the entry named). "Its last annual report failed" (the annual-report
//     area, another branch) adds its query here, answering the same kind of 422 on org_id.
//
// Both run inside the creating transaction and are unscoped: they answer for whichever
// organisation and experts the use case names.

#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/evaluation/evaluation_repo.hpp"
#include "store/store.hpp"

namespace lianyin::domain::evaluation {

// Why the expert may not score `org` (a message of the catalogue naming the expert), or nullopt
// when it may.
std::optional<std::string> ExpertConflict(store::Session& session, const ExpertRef& expert,
                                          const OrgRef& org);

// The 422 (field org_id) that keeps `org` from being evaluated, or nullopt when it may be.
std::optional<core::Error> Ineligible(store::Session& session, const OrgRef& org);

}  // namespace lianyin::domain::evaluation
