#pragma once
// Reading organisations from a table (CSV or XLSX rows): SPEC §4 `POST /orgs/import`, Chinese
// first (issue #8). Pure: no database; units and regions are resolved through ImportPlaces,
// duplicates with the registry are the service's.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/org/org.hpp"
#include "domain/org/org_import_places.hpp"

namespace lianyin::domain::org {

// One column of the registry's files. Templates and exports head it with `header`; an import
// finds it by `header`, `field` (the create-body name, ASCII case-insensitively) or an alias.
struct ImportColumn {
  std::string_view field;       // "uscc"
  std::string_view header;      // "统一社会信用代码"
  bool required = false;        // an import without the column is refused
  std::string_view dictionary;  // the data dictionary of its values; "" for free text
  std::string_view help;        // the 填写说明 of the XLSX template (format, defaults)
  std::span<const std::string_view> aliases;
  bool export_only = false;  // written by exports, ignored by imports (grade)
};

// Every column, in file order; the export-only ones last.
std::span<const ImportColumn> ImportColumns();
// The headers of the template (no export-only columns) or of an export (all).
std::vector<std::string> ImportHeaders(bool with_export_only);

struct ImportRow {
  std::int64_t row = 0;     // the spreadsheet row number; the header is row 1
  NewOrg org;               // org.status is registered or applying (what a new one may be)
  std::string status;       // the status the row names: any status, for an existing organisation
  bool unit_named = false;  // the row named its registration unit (else: the importer's)
};

// Parses `rows` (rows[0] is the header, naming columns in any order) into organisations, each
// normalised by NormaliseNewOrg. Empty rows are skipped. Coded values may be written as the
// dictionary's Chinese label, its English label or the code (dictionary::CodeOf); lists are
// separated by ';' or '；'; 是否 also takes 1/0; an empty 是否 is 否 and an empty status 登记;
// dates are YYYY-MM-DD, YYYY/M/D, YYYY年M月D日 or Excel serial numbers; the registration unit
// and the region are resolved by `places` (an empty unit is `default_unit`). Every problem
// becomes a FieldError carrying its row (one per field and row); unknown or missing columns
// are errors of row 1. Duplicate USCCs within the file are errors of the later rows.
struct ParsedImport {
  std::vector<ImportRow> rows;
  std::vector<core::FieldError> errors;
};
ParsedImport ParseImport(const std::vector<std::vector<std::string>>& rows,
                         const ImportPlaces& places, std::int64_t default_unit,
                         const core::Date& today);

// How files write a coded value: its Chinese label in `dictionary` (the code if it has none).
std::string LabelOf(std::string_view dictionary, std::string_view code);

}  // namespace lianyin::domain::org
