#include "tabular/table_reader.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "tabular/csv.hpp"
#include "tabular/encoding.hpp"
#include "tabular/xlsx_reader.hpp"

namespace lianyin::tabular {
namespace {

class CsvTable : public TableReader {
 public:
  CsvTable(std::string text, CsvLimits limits) : text_(std::move(text)), reader_(text_, limits) {}
  std::optional<std::vector<std::string>> Next() override { return reader_.Next(); }
  std::int64_t row() const override { return reader_.row(); }
  const std::optional<core::Error>& error() const override { return reader_.error(); }

 private:
  std::string text_;  // declared before reader_, which views it
  CsvReader reader_;
};

class XlsxTable : public TableReader {
 public:
  explicit XlsxTable(XlsxReader reader) : reader_(std::move(reader)) {}
  std::optional<std::vector<std::string>> Next() override { return reader_.Next(); }
  std::int64_t row() const override { return reader_.row(); }
  const std::optional<core::Error>& error() const override { return reader_.error(); }

 private:
  XlsxReader reader_;
};

// "Text/CSV; charset=GB18030" → "text/csv".
std::string MediaType(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  while (!type.empty() && type.front() == ' ') type.remove_prefix(1);
  std::string lower(type);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

}  // namespace

core::Result<std::unique_ptr<TableReader>> OpenTable(std::string_view bytes,
                                                     std::string_view content_type,
                                                     TableLimits limits) {
  const std::string type = MediaType(content_type);
  const bool xlsx =
      type == kXlsxMediaType || (type != kCsvMediaType && type != "application/csv" &&
                                 bytes.starts_with(std::string_view("PK\x03\x04", 4)));
  if (xlsx) {
    XlsxLimits xlsx_limits{.max_rows = limits.max_rows, .max_columns = limits.max_columns};
    core::Result<XlsxReader> reader = XlsxReader::Open(bytes, xlsx_limits);
    if (!reader) return reader.error();
    return std::unique_ptr<TableReader>(std::make_unique<XlsxTable>(std::move(*reader)));
  }
  core::Result<std::string> text = ToUtf8(bytes, DetectEncoding(bytes));
  if (!text) return text.error();
  CsvLimits csv_limits{.max_rows = limits.max_rows, .max_columns = limits.max_columns};
  return std::unique_ptr<TableReader>(std::make_unique<CsvTable>(std::move(*text), csv_limits));
}

}  // namespace lianyin::tabular
