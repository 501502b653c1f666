#pragma once
// The small parts of an XLSX package that XlsxReader reads before the sheet (internal to
// lianyin_tabular): the workbook and its relationships, and the shared-string table.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "tabular/xml.hpp"
#include "tabular/zip.hpp"

namespace lianyin::tabular {

struct WorkbookParts {
  std::string first_sheet;     // e.g. "xl/worksheets/sheet1.xml"
  std::string shared_strings;  // empty when the workbook has none
};

// Finds the first <sheet> of xl/workbook.xml through xl/_rels/workbook.xml.rels.
// Errors (Error::BadRequest): a missing workbook, relationship or sheet part; malformed XML.
core::Result<WorkbookParts> ReadWorkbookParts(const ZipArchive& archive);

// The shared strings in order; a rich-text item is the concatenation of its runs' <t> texts
// (phonetic <rPh> runs are left out). Errors: those of the entry and of its XML.
core::Result<std::vector<std::string>> ReadSharedStrings(const ZipArchive& archive,
                                                         std::string_view part);

// Streams `entry` through `handler`. Errors: those of ZipEntryStream and XmlParser.
core::Result<void> ParseEntry(const ZipArchive& archive, const ZipEntry& entry,
                              XmlHandler& handler);

// The 0-based column of a cell reference ("A1" → 0, "AB12" → 27), or nullopt if it does not
// start with 1-3 letters.
std::optional<std::size_t> ColumnIndex(std::string_view reference);

}  // namespace lianyin::tabular
