#pragma once
// A streaming reader for the first worksheet of an XLSX (Office Open XML) workbook.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "tabular/zip.hpp"

namespace lianyin::tabular {

struct XlsxLimits {
  std::int64_t max_rows = 1'048'576;     // a row numbered above this is an error
  std::size_t max_columns = 16'384;      // a cell beyond column XFD is an error
  std::size_t max_cell_bytes = 1 << 20;  // one cell's text, in UTF-8 bytes
  ZipLimits zip;                         // entry size and compression ratio caps
};

// Reads rows of the workbook's first sheet in order. Only the ZIP directory, the shared-string
// table, a 64 KiB window of the sheet and one row are held in memory: the sheet XML is inflated
// in chunks and fed to expat, which is paused after each row until the next is pulled. `file_bytes`
// must outlive the reader.
//
// Cells are placed by their column letters (A → index 0); gaps are filled with "" and trailing
// empty cells dropped. Rows the sheet leaves out are yielded as empty vectors, so row() is the
// spreadsheet row number (header = row 1). Values: shared (t="s") and inline (t="inlineStr")
// strings, rich text runs concatenated; booleans "true"/"false"; numbers, dates, errors and
// formula results as the raw text of <v> (formulas are never evaluated; a date is a serial
// number such as "45123" unless the column is text — see ExcelSerialToIsoDate). Not thread-safe.
class XlsxReader {
 public:
  // Reads the ZIP directory, the workbook, its relationships and the shared strings.
  // Errors (Error::BadRequest): not a ZIP, ZIP64 or encrypted entries, entries over the size or
  // ratio caps, CRC mismatches, a missing workbook or sheet, malformed XML.
  static core::Result<XlsxReader> Open(std::string_view file_bytes, XlsxLimits limits = {});

  XlsxReader(XlsxReader&&) noexcept;
  XlsxReader& operator=(XlsxReader&&) noexcept;
  ~XlsxReader();

  // The next row, or nullopt at the end of the sheet or on an error (then error() is set and
  // later calls return nullopt). The sheet's CRC is only known at its end, so a caller must check
  // error() after the last row before trusting any of them. Errors (Error::BadRequest naming
  // the row): malformed or corrupt sheet data, rows or cells out of order, a shared-string index
  // out of range, the limits above.
  std::optional<std::vector<std::string>> Next();
  // The 1-based row number of the row Next() returned last; 0 before the first.
  std::int64_t row() const;
  const std::optional<core::Error>& error() const;

 private:
  struct Impl;
  explicit XlsxReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// An Excel date serial number (days since 1899-12-30 in the 1900 date system, a fraction being
// the time of day, which is dropped) as "YYYY-MM-DD", for date columns a user typed as dates.
// nullopt for text that is not a plain non-negative number, for serial 60 (Excel's fictitious
// 1900-02-29) and outside 1 (1900-01-01) – 2958465 (9999-12-31).
std::optional<std::string> ExcelSerialToIsoDate(std::string_view serial);

}  // namespace lianyin::tabular
