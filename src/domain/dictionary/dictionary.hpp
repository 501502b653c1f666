#pragma once
// The data dictionary (数据字典): every code a person may see — organisation types and statuses,
// service categories, unit kinds, roles, grades, audit actions and entities, outcomes — with its
// label in zh-CN and in English. Served by GET /api/v1/dictionaries so that tables, filters,
// exports and imports show labels and never codes; imports accept the code, the Chinese label or
// the English label alike (CodeOf). Later areas add their dictionaries here;
// dictionary_test.cpp checks that every code the areas define has an entry.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lianyin::domain::dictionary {

struct Entry {
  std::string_view code;
  std::string_view label;     // zh-CN
  std::string_view label_en;  // English
};

struct Dictionary {
  std::string_view name;  // "org_status", "service_category", ...
  std::string_view label;
  std::string_view label_en;
  std::span<const Entry> entries;  // in the order people expect (not alphabetical)
};

// Every dictionary, in a stable order.
std::span<const Dictionary> All();
// The dictionary called `name`, or nullptr.
const Dictionary* Find(std::string_view name);
// The entry of `code` in `dictionary`, or nullptr.
const Entry* FindEntry(const Dictionary& dictionary, std::string_view code);
// The code `text` names in `dictionary`: the code itself, its Chinese label or its English label
// (ASCII case-insensitively), surrounding blanks ignored; nullopt when it names none.
std::optional<std::string_view> CodeOf(const Dictionary& dictionary, std::string_view text);

}  // namespace lianyin::domain::dictionary
