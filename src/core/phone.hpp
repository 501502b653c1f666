#pragma once
// Mainland China phone numbers: workers' mobiles and organisations' contact phones.

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace lianyin::core {

// A mainland mobile number "1[3-9]" + 9 digits. Spaces and '-' are ignored and a leading "+86"
// or "86" (then 11 digits) is dropped. Returns the 11 digits, e.g. "13912345678".
// Errors: Error::Invalid(field, "must be a mainland mobile number").
Result<std::string> NormaliseMobile(std::string_view text, std::string_view field = "phone");

// An organisation's contact phone: a mobile (as NormaliseMobile) or a landline: area code
// (010 and 020-029 have three digits, every other 0xxx four), a local number of 7-8 digits not
// starting with 0 or 1, and an optional extension of 1-6 digits after '-', '#', "ext", 'x' or
// "转". Groups may be separated by spaces or '-' and the area code put in parentheses.
// Returns the mobile's 11 digits or "area-local[-extension]", e.g. "0755-12345678-123".
// Errors: Error::Invalid(field, "must be a mobile or landline number").
Result<std::string> ValidateContactPhone(std::string_view text,
                                         std::string_view field = "contact_phone");

}  // namespace lianyin::core
