#include "domain/account/password_rules.hpp"

#include "core/mask.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace lianyin::domain::account {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

core::Result<void> CheckPasswordPolicy(std::string_view password, std::string_view username,
                                       std::string_view field, const PasswordPolicy& policy) {
  const std::string name(field);
  const std::size_t length = core::CodepointCount(password).value_or(password.size());
  if (length < static_cast<std::size_t>(policy.min_length)) {
    return core::Error::Invalid(
        name, "must have at least " + std::to_string(policy.min_length) + " characters");
  }
  if (length > 128) return core::Error::Invalid(name, "must have at most 128 characters");
  bool upper = false, lower = false, digit = false, symbol = false;
  for (unsigned char c : password) {
    if (std::isupper(c)) upper = true;
    else if (std::islower(c)) lower = true;
    else if (std::isdigit(c)) digit = true;
    else symbol = true;  // punctuation, spaces and non-ASCII characters
  }
  if (upper + lower + digit + symbol < policy.min_classes) {
    return core::Error::Invalid(name, "must contain at least " +
                                          std::to_string(policy.min_classes) +
                                          " of: upper-case, lower-case, digits, symbols");
  }
  if (!username.empty() && Lower(password).find(Lower(username)) != std::string::npos) {
    return core::Error::Invalid(name, "must not contain the username");
  }
  return {};
}

}  // namespace lianyin::domain::account
