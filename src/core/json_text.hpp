#pragma once
// JSON string literals, written fast: what http::JsonWriter answers with and what the audit
// chain hashes (its canonical form), so both escape alike.

#include <string>
#include <string_view>

namespace lianyin::core {

// Appends `text` (UTF-8, passed through unchanged) as a JSON string: quoted, with '"', '\\' and
// the control characters below 0x20 escaped (\b \f \n \r \t, else \u00xx in lower-case hex),
// nothing else. O(n), eight bytes tested at a time.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace lianyin::core
