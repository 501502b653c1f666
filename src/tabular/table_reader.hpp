#pragma once
// One pull interface over CSV and XLSX uploads, so importers do not care about the format.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace lianyin::tabular {

struct TableLimits {
  std::int64_t max_rows = 1'048'576;
  std::size_t max_columns = 16'384;
};

// Rows of a table, header first. Not thread-safe.
class TableReader {
 public:
  virtual ~TableReader() = default;
  // The next row, or nullopt at the end or on an error (then error() is set). Empty rows are
  // yielded as empty vectors, so row() stays the row number a spreadsheet shows.
  virtual std::optional<std::vector<std::string>> Next() = 0;
  // The 1-based number of the row Next() returned last (the header is row 1).
  virtual std::int64_t row() const = 0;
  // The error that ended reading; check it after the last row before trusting any of them.
  virtual const std::optional<core::Error>& error() const = 0;
};

// Opens `bytes` by media type (parameters such as "; charset=" are ignored): "text/csv" or
// "application/csv" → CSV, with its encoding detected (UTF-8, else GB18030); the XLSX media type
// → XLSX; anything else is sniffed: a ZIP signature "PK\x03\x04" → XLSX, else CSV. For XLSX,
// `bytes` must outlive the reader; CSV is decoded into the reader. Errors (Error::BadRequest):
// undecodable CSV text, any XlsxReader::Open error.
core::Result<std::unique_ptr<TableReader>> OpenTable(std::string_view bytes,
                                                     std::string_view content_type,
                                                     TableLimits limits = {});

inline constexpr std::string_view kXlsxMediaType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr std::string_view kCsvMediaType = "text/csv";

}  // namespace lianyin::tabular
