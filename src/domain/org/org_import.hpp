#pragma once
// Reading organisations from a table (CSV or XLSX rows): SPEC §4 `POST /orgs/import`. Pure: no
// database; the service checks units, regions and duplicates against the registry.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/org/org.hpp"

namespace lianyin::domain::org {

// The columns a file may have: the create-body field names (SPEC §4), in template order.
const std::vector<std::string>& ImportColumns();

struct ImportRow {
  std::int64_t row = 0;  // the spreadsheet row number; the header is row 1
  NewOrg org;
};

// Parses `rows` (rows[0] is the header, naming columns in any order) into organisations, each
// normalised by NormaliseNewOrg. Empty rows are skipped. Lists are separated by ';' (or '；'),
// booleans are true/false/1/0/是/否, dates YYYY-MM-DD or Excel serial numbers, and an empty
// registration_unit_id means `default_unit`. Every problem becomes a FieldError carrying its
// row; unknown or missing columns are errors of row 1. Duplicate USCCs within the file are
// errors of the later rows.
struct ParsedImport {
  std::vector<ImportRow> rows;
  std::vector<core::FieldError> errors;
};
ParsedImport ParseImport(const std::vector<std::vector<std::string>>& rows,
                         std::int64_t default_unit, const core::Date& today);

}  // namespace lianyin::domain::org
