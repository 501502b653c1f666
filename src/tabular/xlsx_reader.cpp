#include "tabular/xlsx_reader.hpp"

#include <fmt/format.h>

#include <charconv>
#include <utility>

#include "core/date.hpp"
#include "tabular/xlsx_parts.hpp"
#include "tabular/xml.hpp"

namespace lianyin::tabular {

// Turns sheet XML events into rows: <row r> holds <c r t> cells whose value is <v> text or, for
// inline strings, the <t> texts under <is>.
struct XlsxReader::Impl : XmlHandler {
  Impl(ZipEntryStream sheet, std::string part, std::vector<std::string> strings, XlsxLimits lim)
      : stream(std::move(sheet)),
        shared_strings(std::move(strings)),
        limits(lim),
        parser(this, std::move(part)) {}

  void StartElement(std::string_view name, const char** attributes) override;
  void EndElement(std::string_view name) override;
  void Text(std::string_view text) override;
  void StartRow(const char** attributes);
  void StartCell(const char** attributes);
  void EndCell();
  void Fail(std::string_view message) {
    error = core::Error::BadRequest(fmt::format("XLSX row {}: {}", current_row, message));
  }
  // Parses until a row is ready or the sheet ends; false on an error. The parser is suspended
  // after each row, so however many rows a chunk holds only one is in memory at a time.
  bool Fill();

  ZipEntryStream stream;
  std::vector<std::string> shared_strings;
  XlsxLimits limits;
  XmlParser parser;
  std::optional<std::pair<std::int64_t, std::vector<std::string>>> ready;
  bool suspended = false;
  bool sheet_done = false;
  std::int64_t yielded_row = 0;
  // Parse state.
  bool in_row = false;
  std::int64_t current_row = 0;
  std::vector<std::string> cells;
  bool in_cell = false;
  std::size_t cell_column = 0;
  std::string cell_type;
  std::string cell_text;
  bool capturing = false;
  bool in_inline_string = false;
  int phonetic_depth = 0;
};

void XlsxReader::Impl::StartElement(std::string_view name, const char** attributes) {
  if (name == "row") {
    StartRow(attributes);
  } else if (name == "c" && in_row) {
    StartCell(attributes);
  } else if (!in_cell) {
    return;
  } else if (name == "is") {
    in_inline_string = true;
  } else if (name == "rPh") {
    ++phonetic_depth;
  } else if ((name == "v" && !in_inline_string) ||
             (name == "t" && in_inline_string && phonetic_depth == 0)) {
    capturing = true;
  }
}

void XlsxReader::Impl::EndElement(std::string_view name) {
  if (name == "row" && in_row) {
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    ready.emplace(current_row, std::move(cells));
    cells.clear();
    in_row = false;
    parser.Suspend();
  } else if (name == "c" && in_cell) {
    EndCell();
  } else if (name == "is") {
    in_inline_string = false;
  } else if (name == "rPh") {
    --phonetic_depth;
  } else if (name == "v" || name == "t") {
    capturing = false;
  }
}

void XlsxReader::Impl::Text(std::string_view text) {
  if (!capturing) return;
  if (cell_text.size() + text.size() > limits.max_cell_bytes) {
    return Fail(fmt::format("a cell is longer than {} bytes", limits.max_cell_bytes));
  }
  cell_text.append(text);
}

void XlsxReader::Impl::StartRow(const char** attributes) {
  std::int64_t number = current_row + 1;
  if (const auto r = Attribute(attributes, "r")) {
    const auto [end, ec] = std::from_chars(r->data(), r->data() + r->size(), number);
    if (ec != std::errc() || end != r->data() + r->size() || number <= current_row) {
      return Fail(fmt::format("the next row has an invalid or out-of-order number \"{}\"", *r));
    }
  }
  if (number > limits.max_rows) return Fail(fmt::format("more than {} rows", limits.max_rows));
  current_row = number;
  in_row = true;
  cells.clear();
}

void XlsxReader::Impl::StartCell(const char** attributes) {
  std::size_t column = cells.size();
  if (const auto r = Attribute(attributes, "r")) {
    const std::optional<std::size_t> parsed = ColumnIndex(*r);
    if (!parsed || *parsed < cells.size()) {
      return Fail(fmt::format("cell reference \"{}\" is invalid or out of order", *r));
    }
    column = *parsed;
  }
  if (column >= limits.max_columns) {
    return Fail(fmt::format("more than {} columns", limits.max_columns));
  }
  cell_column = column;
  cell_type = Attribute(attributes, "t").value_or("n");
  cell_text.clear();
  in_cell = true;
  in_inline_string = false;
  phonetic_depth = 0;
}

void XlsxReader::Impl::EndCell() {
  in_cell = false;
  capturing = false;
  std::string value;
  if (cell_type == "s") {
    std::size_t index = 0;
    const auto [end, ec] =
        std::from_chars(cell_text.data(), cell_text.data() + cell_text.size(), index);
    if (ec != std::errc() || end != cell_text.data() + cell_text.size() ||
        index >= shared_strings.size()) {
      return Fail(fmt::format("shared string index \"{}\" is out of range", cell_text));
    }
    value = shared_strings[index];
  } else if (cell_type == "b") {
    value = cell_text == "1" ? "true" : (cell_text.empty() ? "" : "false");
  } else {
    value = std::move(cell_text);
  }
  cells.resize(cell_column);
  cells.push_back(std::move(value));
}

bool XlsxReader::Impl::Fill() {
  while (!ready && !error) {
    core::Result<XmlProgress> progress = XmlProgress::kConsumed;
    if (suspended) {
      progress = parser.Resume();
    } else if (sheet_done) {
      break;
    } else {
      core::Result<std::string_view> chunk = stream.Next();
      if (!chunk) {
        error = chunk.error();
        break;
      }
      sheet_done = chunk->empty();
      progress = parser.Feed(*chunk, sheet_done);
    }
    if (!progress) {
      error = progress.error();
    } else {
      suspended = *progress == XmlProgress::kSuspended;
    }
  }
  return !error;
}

XlsxReader::XlsxReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxReader::XlsxReader(XlsxReader&&) noexcept = default;
XlsxReader& XlsxReader::operator=(XlsxReader&&) noexcept = default;
XlsxReader::~XlsxReader() = default;

core::Result<XlsxReader> XlsxReader::Open(std::string_view file_bytes, XlsxLimits limits) {
  core::Result<ZipArchive> archive = ZipArchive::Open(file_bytes, limits.zip);
  if (!archive) return archive.error();
  core::Result<WorkbookParts> parts = ReadWorkbookParts(*archive);
  if (!parts) return parts.error();
  std::vector<std::string> strings;
  if (!parts->shared_strings.empty()) {
    core::Result<std::vector<std::string>> read =
        ReadSharedStrings(*archive, parts->shared_strings);
    if (!read) return read.error();
    strings = std::move(*read);
  }
  core::Result<ZipEntryStream> sheet = archive->OpenEntry(*archive->Find(parts->first_sheet));
  if (!sheet) return sheet.error();
  return XlsxReader(
      std::make_unique<Impl>(std::move(*sheet), parts->first_sheet, std::move(strings), limits));
}

std::optional<std::vector<std::string>> XlsxReader::Next() {
  Impl& s = *impl_;
  if (!s.Fill() || !s.ready) return std::nullopt;
  ++s.yielded_row;
  if (s.ready->first > s.yielded_row) return std::vector<std::string>();  // a row left out
  std::vector<std::string> row = std::move(s.ready->second);
  s.ready.reset();
  return row;
}

std::int64_t XlsxReader::row() const { return impl_->yielded_row; }

const std::optional<core::Error>& XlsxReader::error() const { return impl_->error; }

std::optional<std::string> ExcelSerialToIsoDate(std::string_view serial) {
  const std::string_view whole = serial.substr(0, serial.find('.'));
  const std::string_view fraction = serial.substr(whole.size());
  if (fraction.find_first_not_of("0123456789", 1) != std::string_view::npos) return std::nullopt;
  std::int64_t days = 0;
  const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), days);
  if (whole.empty() || ec != std::errc() || end != whole.data() + whole.size()) {
    return std::nullopt;
  }
  if (days < 1 || days == 60 || days > 2'958'465) return std::nullopt;
  // Excel counts 1900-02-29, which never existed, so serials before it start a day later.
  const core::Date epoch{1899, 12, days < 60 ? 31 : 30};
  return core::FormatDate(core::AddDays(epoch, days));
}

}  // namespace lianyin::tabular
