#pragma once

#include <string_view>

#include "core/error.hpp"

namespace lianyin::domain::account {

// The password policy setting; the default is SPEC §4's: at least 8 characters, at least three
// of upper-case, lower-case, digits and symbols.
struct PasswordPolicy {
  int min_length = 8;
  int min_classes = 3;
};

// Checks `password` against `policy`, and that it does not contain the username
// (case-insensitive). Failures are Error::Invalid(field, reason).
core::Result<void> CheckPasswordPolicy(std::string_view password, std::string_view username,
                                       std::string_view field = "password",
                                       const PasswordPolicy& policy = {});

}  // namespace lianyin::domain::account
