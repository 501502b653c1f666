#pragma once
// Binding optional values as SQL NULL; shared by the repositories of the domain areas.

#include <optional>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace lianyin::domain::account {

inline store::Value OptValue(const std::optional<std::int64_t>& v) {
  return v ? store::Value(*v) : store::Value(store::Null{});
}
inline store::Value OptValue(const std::optional<std::string>& v) {
  return v ? store::Value(*v) : store::Value(store::Null{});
}

// "%text%" for `LIKE ? ESCAPE '\'`, with %, _ and \ in `text` matched literally.
inline std::string LikePattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace lianyin::domain::account
