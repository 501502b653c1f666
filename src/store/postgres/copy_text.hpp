#pragma once
// Internal: values in PostgreSQL's text formats (COPY ... FROM STDIN rows and text parameters).

#include <string>

#include "store/store.hpp"

namespace lianyin::store::postgres {

// Shortest text that reads back as the same double; "Infinity", "-Infinity", "NaN" as PG spells.
std::string FormatDouble(double value);

// Appends one field of a COPY text-format row: \N for NULL; backslash, tab, newline and carriage
// return escaped; a Blob as bytea hex (\\x...).
void AppendCopyField(std::string& out, const Value& value);

// Appends a whole row: fields separated by tabs, ended by a newline.
void AppendCopyRow(std::string& out, const std::vector<Value>& row);

}  // namespace lianyin::store::postgres
