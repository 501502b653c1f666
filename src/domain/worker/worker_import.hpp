#pragma once
// Reading a union's roster (职工名册) from a table (CSV or XLSX rows), Chinese first like the
// registry's import (SPEC §4 `POST /orgs/import`), its template, and the rows of its export.
// Pure: no database; regions are resolved and named through org::ImportPlaces, duplicates with
// the roster are the service's.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/org/org_import_places.hpp"
#include "domain/worker/worker.hpp"
#include "domain/worker/worker_rules.hpp"

namespace lianyin::domain::worker {

// One column of the roster file: found by `header`, `field` (the create-body name, ASCII
// case-insensitively) or an alias.
struct ImportColumn {
  std::string_view field;   // "phone"
  std::string_view header;  // "手机号"
  bool required = false;    // a file without the column is refused
  std::string_view help;    // the template's 填写说明
  std::span<const std::string_view> aliases;
};

// Every column, in template order: 姓名, 手机号, 身份证号, 工作单位, 所在地区, 职工群体.
std::span<const ImportColumn> ImportColumns();
std::vector<std::string> ImportHeaders();

struct ImportRow {
  std::int64_t row = 0;  // the spreadsheet row number; the header is row 1
  CleanWorker worker;    // normalised by NormaliseWorker
};

// Parses `rows` (rows[0] the header, naming columns in any order) into workers; empty rows are
// skipped. 所在地区 takes a six-digit code or a region's (full or unique tail) name (`places`);
// 职工群体 takes dictionary worker_group labels or codes separated by 、 , ， ; or ；. Every
// problem is a FieldError with its row (the file's own — unknown, repeated or missing columns —
// of row 1): NormaliseWorker's checks on `today`, and a phone repeating an earlier row's.
struct ParsedImport {
  std::vector<ImportRow> rows;
  std::vector<core::FieldError> errors;
};
ParsedImport ParseImport(const std::vector<std::vector<std::string>>& rows,
                         const org::ImportPlaces& places, const core::Date& today);

// An export's headers: the template's (ImportHeaders) and the export-only 登记单位 (the owner
// unit) and 账号已激活.
std::vector<std::string> ExportHeaders();
// One export row under ExportHeaders: the phone and ID number masked as the worker carries them
// (never in clear), the region by full name (`places`; its own name when the table lacks it),
// the groups by label joined by 、, 是/否 for the account.
std::vector<std::string> ExportRow(const Worker& worker, const org::ImportPlaces& places);

// The template: the headers and one example row (a sample worker, GB 11643's sample ID number),
// as CSV (UTF-8 with BOM) or as XLSX with a 填写说明 sheet.
std::string TemplateCsv();
std::string TemplateXlsx();

}  // namespace lianyin::domain::worker
