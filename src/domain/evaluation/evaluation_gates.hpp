#pragma once
// The two checks SPEC §4 puts before an evaluation, each one function, so that every condition
// lives here and nowhere else:
//
//   - ExpertConflict: why an expert may not score an organisation (a conflict of interest): the
//     expert is an account of the organisation (its org_member), or it declared a standing
//     conflict with the organisation's USCC (POST /users/{id}/conflicts,
//     inspection/conflict_gate.hpp).
//   - Ineligible: why an organisation cannot be evaluated: it is not registered, it is on a
//     credit list (credit_gate.hpp, the entry named), or its last reviewed annual report failed
//     (annual/annual_gate.hpp).
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
