#pragma once
// Internal: PostgreSQL connection URLs.

#include <string>
#include <string_view>

namespace lianyin::store::postgres {

// The URL without its password, whether given as user:password@ or as a password= parameter.
std::string RedactPassword(std::string_view url);

// `url` with `connect_timeout=<connect_timeout_s>` and `target_session_attrs=read-write` added
// to its query string, each unless the URL already sets it (so a deployment can override).
std::string WithConnectionDefaults(std::string_view url, int connect_timeout_s);

}  // namespace lianyin::store::postgres
