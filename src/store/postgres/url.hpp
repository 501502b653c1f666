#pragma once
// Internal: PostgreSQL connection URLs.

#include <string>
#include <string_view>

namespace lianyin::store::postgres {

// The URL without its password, whether given as user:password@ or as a password= parameter.
std::string RedactPassword(std::string_view url);

}  // namespace lianyin::store::postgres
