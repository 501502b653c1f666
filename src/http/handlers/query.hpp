#pragma once
// Typed list filters from the query string (internal to the handlers). Each reader records a
// FieldError in `errors` for a malformed value, so one 422 lists every bad parameter; an empty
// parameter counts as absent (SPEC §3).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "http/json.hpp"
#include "http/message.hpp"

namespace lianyin::http::handlers {

std::optional<std::int64_t> QueryId(const Request& request, std::string_view name,
                                    std::vector<core::FieldError>& errors);
// "true" / "false".
std::optional<bool> QueryBool(const Request& request, std::string_view name,
                              std::vector<core::FieldError>& errors);
std::optional<std::string> QueryText(const Request& request, std::string_view name);
// The same, at most `max_chars` Unicode characters (search boxes: "q").
std::optional<std::string> QueryText(const Request& request, std::string_view name,
                                     std::size_t max_chars, std::vector<core::FieldError>& errors);

// The longest `q` a list accepts.
inline constexpr std::size_t kMaxQueryChars = 100;

inline domain::account::PageRequest ToPageRequest(const ListParams& params) {
  return {params.page, params.page_size};
}

}  // namespace lianyin::http::handlers
