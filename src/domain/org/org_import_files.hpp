#pragma once
// The registry's files as people read them (SPEC §4 import/export; issue #8): export rows, the
// import template (XLSX with 填写说明 and drop-down lists, or CSV) and the import error report,
// all with Chinese headers (ImportColumns) and dictionary labels as values, so that an export
// edited and imported again round-trips.

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/org/org.hpp"
#include "domain/org/org_import_places.hpp"

namespace lianyin::domain::org {

// One export row under ImportHeaders(true): labels for codes, the unit and the region by name
// (ImportPlaces::UnitText / RegionText, else the names the view carries); the fields a view
// withholds are empty.
std::vector<std::string> ExportRow(const OrgView& view, const ImportPlaces& places);

// The template's example row: an organisation that `places` accepts, registered by
// ImportPlaces::ExampleUnit(own_unit) in that unit's region, so it imports as it is.
std::vector<std::string> TemplateExample(const ImportPlaces& places, std::int64_t own_unit);

// The XLSX template: sheet 社会组织 (headers, the example, drop-downs on the coded columns and
// on 登记管理机关 listing the civil-affairs units in scope), 填写说明 (each column: required or
// not, format, allowed values) and the hidden list sheet 选项.
std::string TemplateXlsx(const ImportPlaces& places, std::int64_t own_unit);
// The CSV template (UTF-8 with BOM): headers and the example.
std::string TemplateCsv(const ImportPlaces& places, std::int64_t own_unit);

// The error report: the header and each failing row of `rows` with 行号 and 错误原因 — "字段标签：
// 原因" in Chinese, several joined by "；" — the file-level problems (row 1) first.
std::string ErrorReportXlsx(const std::vector<std::vector<std::string>>& rows,
                            const std::vector<core::FieldError>& errors);
// "统一社会信用代码：校验位错误": one problem as the report and the web app word it.
std::string ReasonText(const core::FieldError& error);

}  // namespace lianyin::domain::org
