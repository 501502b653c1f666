#include "domain/account/password_rules.hpp"

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
                                       std::string_view field) {
  const std::string name(field);
  if (password.size() < 8) return core::Error::Invalid(name, "must have at least 8 characters");
  if (password.size() > 128) return core::Error::Invalid(name, "must have at most 128 characters");
  bool upper = false, lower = false, digit = false, symbol = false;
  for (unsigned char c : password) {
    if (std::isupper(c)) upper = true;
    else if (std::islower(c)) lower = true;
    else if (std::isdigit(c)) digit = true;
    else symbol = true;  // punctuation, spaces and non-ASCII characters
  }
  if (upper + lower + digit + symbol < 3) {
    return core::Error::Invalid(
        name, "must contain at least three of: upper-case, lower-case, digits, symbols");
  }
  if (!username.empty() && Lower(password).find(Lower(username)) != std::string::npos) {
    return core::Error::Invalid(name, "must not contain the username");
  }
  return {};
}

}  // namespace lianyin::domain::account
