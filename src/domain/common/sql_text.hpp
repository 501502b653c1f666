#pragma once
// Small pieces of SQL text every repository shares: optional values as NULL, and one way to
// match a substring with LIKE.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace lianyin::domain::common {

inline store::Value OptValue(const std::optional<std::int64_t>& v) {
  return v ? store::Value(*v) : store::Value(store::Null{});
}
inline store::Value OptValue(const std::optional<std::string>& v) {
  return v ? store::Value(*v) : store::Value(store::Null{});
}

// Every LIKE of the code base escapes with '!': "lower(name) LIKE ? ESCAPE '!'".
inline constexpr std::string_view kLikeEscape = " ESCAPE '!'";

// "%text%" for `lower(column) LIKE ? ESCAPE '!'`: %, _ and ! in `text` match literally, ASCII
// letters are lower-cased (so Latin letters match whatever their case, on both engines).
std::string ContainsPattern(std::string_view text);

}  // namespace lianyin::domain::common
