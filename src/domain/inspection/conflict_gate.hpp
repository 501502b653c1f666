#pragma once
// What other areas ask of the standing conflict declarations (POST /users/{id}/conflicts): the
// evaluation area refuses an expert who declared one with the organisation (SPEC §4: experts
// without conflicts of interest). Called inside the caller's transaction.

#include <cstdint>
#include <string_view>

#include "store/store.hpp"

namespace lianyin::domain::inspection {

// Whether user `user_id` declared a conflict with the organisation of USCC `uscc`. One indexed
// query (the declarations' unique (user_id, uscc)); unscoped.
bool HasDeclaredConflict(store::Session& session, std::int64_t user_id, std::string_view uscc);

}  // namespace lianyin::domain::inspection
