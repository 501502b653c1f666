#include "domain/org/org_import.hpp"

#include <charconv>
#include <set>

#include "domain/org/org_rules.hpp"
#include "tabular/xlsx_reader.hpp"

namespace lianyin::domain::org {
namespace {

using Errors = std::vector<core::FieldError>;

std::string Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  const auto flush = [&] {
    if (std::string t = Trim(current); !t.empty()) out.push_back(t);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ';') {
      flush();
    } else if (text.compare(i, 3, "；") == 0) {
      flush();
      i += 2;
    } else {
      current += text[i];
    }
  }
  flush();
  return out;
}

std::optional<bool> ParseBool(const std::string& text) {
  if (text == "true" || text == "1" || text == "是" || text == "TRUE") return true;
  if (text == "false" || text == "0" || text == "否" || text == "FALSE" || text.empty()) {
    return false;
  }
  return std::nullopt;
}

// One data row into a NewOrg; problems go to `errors` with the row number.
std::optional<NewOrg> ReadRow(const std::map<std::string, std::size_t>& at,
                              const std::vector<std::string>& cells, std::int64_t row,
                              std::int64_t default_unit, const core::Date& today, Errors& errors) {
  const auto cell = [&](const char* name) {
    auto it = at.find(name);
    return it == at.end() || it->second >= cells.size() ? std::string() : Trim(cells[it->second]);
  };
  for (const auto& [name, column] : at) {
    if (column < cells.size() && cells[column].find('\0') != std::string::npos) {
      errors.push_back({name, "must not contain NUL characters", row});
    }
  }
  NewOrg o{cell("name"),
           cell("uscc"),
           cell("org_type"),
           cell("region_code"),
           0,
           cell("legal_rep"),
           cell("phone"),
           cell("founded_on"),
           cell("business_scope"),
           SplitList(cell("service_categories")),
           false,
           cell("status")};
  if (o.status.empty()) o.status = "registered";
  if (auto serial = tabular::ExcelSerialToIsoDate(o.founded_on)) o.founded_on = *serial;
  const std::string unit = cell("registration_unit_id");
  std::int64_t unit_id = default_unit;
  if (!unit.empty()) {
    auto [end, ec] = std::from_chars(unit.data(), unit.data() + unit.size(), unit_id);
    if (ec != std::errc() || end != unit.data() + unit.size()) {
      errors.push_back({"registration_unit_id", "must be a unit id", row});
    }
  }
  o.registration_unit_id = unit_id;
  auto labour = ParseBool(cell("labour_field"));
  if (!labour) errors.push_back({"labour_field", "must be true/false/1/0/是/否", row});
  o.labour_field = labour.value_or(false);
  auto normal = NormaliseNewOrg(std::move(o), today);
  if (normal) return *normal;
  const core::Error why = normal.error();  // error() returns a copy: keep it alive
  for (core::FieldError e : why.details) {
    e.row = row;
    errors.push_back(std::move(e));
  }
  return std::nullopt;
}

}  // namespace

const std::vector<std::string>& ImportColumns() {
  static const std::vector<std::string> columns = {
      "name",         "uscc",  "org_type",   "region_code",    "registration_unit_id",
      "legal_rep",    "phone", "founded_on", "business_scope", "service_categories",
      "labour_field", "status"};
  return columns;
}

ParsedImport ParseImport(const std::vector<std::vector<std::string>>& rows,
                         std::int64_t default_unit, const core::Date& today) {
  ParsedImport out;
  if (rows.empty()) {
    out.errors.push_back({"file", "is empty: the first row must name the columns", 1});
    return out;
  }
  std::map<std::string, std::size_t> at;
  const std::set<std::string> known(ImportColumns().begin(), ImportColumns().end());
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    const std::string name = Trim(rows[0][i]);
    if (name.empty()) continue;
    if (!known.contains(name)) out.errors.push_back({name, "unknown column", 1});
    at[name] = i;
  }
  for (const char* required : {"name", "uscc", "org_type", "region_code", "legal_rep", "phone",
                               "founded_on", "business_scope"}) {
    if (!at.contains(required)) out.errors.push_back({required, "column is missing", 1});
  }
  if (!out.errors.empty()) return out;
  std::map<std::string, std::int64_t> seen;  // USCC → first row
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto row = static_cast<std::int64_t>(i) + 1;
    const bool blank = std::all_of(rows[i].begin(), rows[i].end(),
                                   [](const std::string& c) { return Trim(c).empty(); });
    if (blank) continue;
    auto org = ReadRow(at, rows[i], row, default_unit, today, out.errors);
    if (!org) continue;
    if (auto [it, fresh] = seen.emplace(org->uscc, row); !fresh) {
      out.errors.push_back({"uscc", "duplicates row " + std::to_string(it->second), row});
      continue;
    }
    out.rows.push_back({row, std::move(*org)});
  }
  return out;
}

}  // namespace lianyin::domain::org
