#pragma once
// Small pieces of SQL every repository shares: optional values as NULL, one way to match a
// substring with LIKE, IN lists, and reading every row of a statement.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Every row of `stmt` through `read(row)`, in order.
template <class T, class Read>
std::vector<T> Collect(store::Statement& stmt, Read read) {
  std::vector<T> out;
  while (stmt.Next()) out.push_back(read(stmt.row()));
  return out;
}

// "?, ?, ?" for an IN list of n ≥ 1 values (callers bind IN lists in batches of at most
// kInBatch).
std::string Placeholders(std::size_t n);
inline constexpr std::size_t kInBatch = 500;

// Dictionary codes kept in one TEXT column, comma-separated in order ("a,b"); codes never
// contain commas. Split skips empty parts.
std::string JoinCodes(const std::vector<std::string>& codes);
std::vector<std::string> SplitCodes(std::string_view text);

}  // namespace lianyin::domain::common
