#pragma once
// Pure rules of user accounts (SPEC §4).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace lianyin::domain::account {

// 3-64 characters of [A-Za-z0-9._-].
bool IsValidUsername(std::string_view username);

// Appends to `errors`: roles empty or unknown (field "roles"); org_member without org_id
// ("org_id"); worker without worker_id ("worker_id").
void CheckRoles(const std::vector<std::string>& roles, const std::optional<std::int64_t>& org_id,
                const std::optional<std::int64_t>& worker_id,
                std::vector<core::FieldError>& errors);

}  // namespace lianyin::domain::account
