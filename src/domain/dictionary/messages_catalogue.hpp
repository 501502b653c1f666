#pragma once
// The message catalogue behind messages.hpp (only messages.cpp and its test include this).

#include <span>
#include <string_view>

namespace lianyin::domain::dictionary {

// One English message template ("{}" per parameter) and its Chinese. In `zh`, "{N}" is the N-th
// parameter (from 0) as written, "{N:msg}" the parameter translated as a message, "{N:field}" as a
// field label and "{N:<dictionary>}" (e.g. "{0:org_status}") as that dictionary's label.
struct Message {
  std::string_view en;
  std::string_view zh;
};

// An input field's label in error summaries.
struct FieldName {
  std::string_view field;
  std::string_view zh;
  std::string_view en;
};

std::span<const Message> Messages();
std::span<const FieldName> FieldNames();

}  // namespace lianyin::domain::dictionary
