#pragma once
// The checks of the team area that need the database (internal): do the named organisations
// and counties exist. Each answers a 422 on the field that named them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/team/team_repo.hpp"

namespace lianyin::domain::team {

// `lead` (field lead_org_id) and `members` (member_org_ids) are published organisations.
core::Result<void> CheckOrgsExist(TeamRepo& repo, std::optional<std::int64_t> lead,
                                  const std::vector<std::int64_t>& members);
// Every code of `codes` is a county-level region; the error names `field`.
core::Result<void> CheckCountiesExist(TeamRepo& repo, const std::string& field,
                                      const std::vector<std::string>& codes);

}  // namespace lianyin::domain::team
