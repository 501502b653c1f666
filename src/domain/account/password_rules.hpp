#pragma once

#include <string_view>

#include "core/error.hpp"

namespace lianyin::domain::account {

// The default password policy (SPEC §4): at least 8 characters, at least three of upper-case,
// lower-case, digits and symbols, and not containing the username (case-insensitive).
// Failures are Error::Invalid(field, reason).
core::Result<void> CheckPasswordPolicy(std::string_view password, std::string_view username,
                                       std::string_view field = "password");

}  // namespace lianyin::domain::account
