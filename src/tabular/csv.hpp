#pragma once
// RFC 4180 CSV: a pull reader over UTF-8 text and a writer for exports.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace lianyin::tabular {

struct CsvLimits {
  std::int64_t max_rows = 1'048'576;  // Excel's own row limit
  std::size_t max_columns = 16'384;   // Excel's own column limit
};

// Reads records one at a time from `utf8`, which must outlive the reader (see ToUtf8 for
// decoding and stripping a BOM). Fields may be quoted: inside quotes, commas, CR/LF and doubled
// quotes ("") are data. Records end at CRLF, LF or CR; a line end at the end of the text does
// not start another record. A blank line yields an empty record (zero fields), so row() keeps
// matching the line a spreadsheet would show. Fields are returned exactly as written (no
// trimming). Not thread-safe.
class CsvReader {
 public:
  explicit CsvReader(std::string_view utf8, CsvLimits limits = {});

  // The next record, or nullopt at the end of the text or on an error (then error() is set and
  // every later call returns nullopt). Errors, naming the row: a quote left open at the end of
  // the text, a character after a closing quote other than a separator or line end, more than
  // max_columns fields, more than max_rows records — all Error::BadRequest.
  std::optional<std::vector<std::string>> Next();
  // The 1-based number of the record Next() returned last (the header is row 1); 0 before.
  std::int64_t row() const { return row_; }
  // The error that ended reading, if any.
  const std::optional<core::Error>& error() const { return error_; }

 private:
  void ReadUnquoted(std::string& field);
  // False (with error_ set) if the quote is not closed.
  bool ReadQuoted(std::string& field);
  void Fail(std::string message);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::int64_t row_ = 0;
  CsvLimits limits_;
  std::optional<core::Error> error_;
};

struct CsvWriterOptions {
  // Start the output with a UTF-8 BOM so Excel opens it as UTF-8 rather than the ANSI code page.
  bool bom = true;
  // Formula-injection defence (OWASP "CSV Injection"): a cell starting with = + - @ TAB or CR is
  // written with a leading single quote ' so spreadsheet programs show it as text instead of
  // evaluating it. This changes such cells (e.g. "-5" becomes "'-5"); turn it off only for
  // output that never reaches a spreadsheet program.
  bool neutralise_formulas = true;
};

// Writes records with CRLF line ends, quoting a field only when it holds a comma, a quote, CR or
// LF. Output goes either to a string (appended as rows are written) or to a sink, called with
// chunks of about `chunk_bytes` that always end at a record boundary (so each chunk can be
// re-encoded, e.g. with FromUtf8ToGb18030, on its own). Not thread-safe.
class CsvWriter {
 public:
  using Sink = std::function<void(std::string_view chunk)>;

  // Appends to `*out`, which must outlive the writer.
  explicit CsvWriter(std::string* out, CsvWriterOptions options = {});
  // Streams to `sink`; call Flush() after the last row to hand over the rest.
  explicit CsvWriter(Sink sink, CsvWriterOptions options = {}, std::size_t chunk_bytes = 64 * 1024);
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  void Row(const std::vector<std::string>& fields);
  // Passes buffered output to the sink (no-op when writing to a string).
  void Flush();

 private:
  void AppendField(std::string_view field);

  std::string buffer_;
  std::string* out_;  // &buffer_ when streaming to a sink
  Sink sink_;
  CsvWriterOptions options_;
  std::size_t chunk_bytes_ = 0;
};

}  // namespace lianyin::tabular
