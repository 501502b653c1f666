#include "store/postgres/placeholders.hpp"

namespace lianyin::store::postgres {
namespace {

// Index of the first character after the quoted run, comment or placeholder-free token at `i`.
std::size_t SkipOpaque(std::string_view sql, std::size_t i) {
  char c = sql[i];
  if (c == '\'' || c == '"') {
    std::size_t close = sql.find(c, i + 1);
    return close == std::string_view::npos ? sql.size() : close + 1;
  }
  if (sql.substr(i, 2) == "--") {
    std::size_t eol = sql.find('\n', i);
    return eol == std::string_view::npos ? sql.size() : eol + 1;
  }
  if (sql.substr(i, 2) == "/*") {
    std::size_t close = sql.find("*/", i + 2);
    return close == std::string_view::npos ? sql.size() : close + 2;
  }
  return i;
}

}  // namespace

NumberedSql NumberPlaceholders(std::string_view sql) {
  NumberedSql out;
  out.text.reserve(sql.size() + 8);
  std::size_t i = 0;
  while (i < sql.size()) {
    std::size_t end = SkipOpaque(sql, i);
    if (end != i) {
      out.text.append(sql.substr(i, end - i));
      i = end;
    } else if (sql[i] == '?') {
      out.text += '$';
      out.text += std::to_string(++out.parameters);
      ++i;
    } else {
      out.text += sql[i++];
    }
  }
  return out;
}

}  // namespace lianyin::store::postgres
