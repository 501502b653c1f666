#pragma once
// Internal: our portable '?' placeholders in PostgreSQL's $n form.

#include <string>
#include <string_view>

namespace lianyin::store::postgres {

struct NumberedSql {
  std::string text;  // '?' replaced by $1, $2, ... in order
  int parameters = 0;
};

// Replaces each '?' outside '...' string literals, "..." identifiers, -- line comments and
// /* */ block comments. Doubled quotes inside literals need no special case: they close and
// reopen the literal. Dollar-quoted strings are not recognised; don't put '?' in them.
NumberedSql NumberPlaceholders(std::string_view sql);

}  // namespace lianyin::store::postgres
