#include "tabular/xlsx_writer.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <system_error>

namespace lianyin::tabular {
namespace {

constexpr std::size_t kMaxCellCharacters = 32'767;

void Check(lxw_error rc, std::string_view what) {
  if (rc != LXW_NO_ERROR) {
    throw std::runtime_error(fmt::format("xlsx writer: {}: {}", what, lxw_strerror(rc)));
  }
}

// `text` cut to Excel's cell limit, at a UTF-8 character boundary.
std::string_view CellText(std::string_view text) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++characters > kMaxCellCharacters) return text.substr(0, i);
  }
  return text;
}

}  // namespace

std::filesystem::path XlsxWriter::UniqueTempPath() {
  static std::atomic<std::uint64_t> counter{0};
  std::random_device random;
  return std::filesystem::temp_directory_path() /
         fmt::format("lianyin-{}-{}-{:08x}.xlsx", getpid(), counter.fetch_add(1), random());
}

XlsxWriter::XlsxWriter(std::filesystem::path temp_file) : temp_file_(std::move(temp_file)) {
  lxw_workbook_options options{.constant_memory = LXW_TRUE, .tmpdir = nullptr, .use_zip64 = 0};
  workbook_ = workbook_new_opt(temp_file_.c_str(), &options);
  if (workbook_ == nullptr) throw std::runtime_error("xlsx writer: cannot create a workbook");
  bold_ = workbook_add_format(workbook_);
  format_set_bold(bold_);
}

XlsxWriter::~XlsxWriter() {
  try {
    Close();
  } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch) nothing to report to
  }
  std::error_code ignored;
  std::filesystem::remove(temp_file_, ignored);
}

void XlsxWriter::AddSheet(std::string_view name, const std::vector<double>& column_widths) {
  const std::string sheet_name(name);
  if (workbook_validate_sheet_name(workbook_, sheet_name.c_str()) != LXW_NO_ERROR) {
    throw std::invalid_argument(fmt::format("invalid sheet name \"{}\"", name));
  }
  sheet_ = workbook_add_worksheet(workbook_, sheet_name.c_str());
  if (sheet_ == nullptr) throw std::runtime_error("xlsx writer: cannot add a sheet");
  next_row_ = 0;
  for (std::size_t i = 0; i < column_widths.size(); ++i) {
    const auto column = static_cast<lxw_col_t>(i);
    Check(worksheet_set_column(sheet_, column, column, column_widths[i], nullptr), "column width");
  }
}

lxw_worksheet* XlsxWriter::Sheet() {
  if (sheet_ == nullptr) AddSheet("Sheet1");
  return sheet_;
}

lxw_format* XlsxWriter::StartRow(RowStyle style) {
  if (next_row_ >= LXW_ROW_MAX) throw std::runtime_error("xlsx writer: more rows than Excel's");
  if (style == RowStyle::kPlain) return nullptr;
  worksheet_freeze_panes(Sheet(), next_row_ + 1, 0);
  return bold_;
}

void XlsxWriter::Row(const std::vector<std::string>& cells, RowStyle style) {
  lxw_worksheet* sheet = Sheet();
  lxw_format* format = StartRow(style);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].empty()) continue;
    const std::string text(CellText(cells[i]));
    Check(worksheet_write_string(sheet, next_row_, static_cast<lxw_col_t>(i), text.c_str(), format),
          "write string");
  }
  ++next_row_;
}

void XlsxWriter::TypedRow(const std::vector<Cell>& cells, RowStyle style) {
  lxw_worksheet* sheet = Sheet();
  lxw_format* format = StartRow(style);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const auto column = static_cast<lxw_col_t>(i);
    if (const auto* text = std::get_if<std::string>(&cells[i]); text && !text->empty()) {
      const std::string cut(CellText(*text));
      Check(worksheet_write_string(sheet, next_row_, column, cut.c_str(), format), "write string");
    } else if (const auto* number = std::get_if<double>(&cells[i])) {
      Check(worksheet_write_number(sheet, next_row_, column, *number, format), "write number");
    } else if (const auto* flag = std::get_if<bool>(&cells[i])) {
      Check(worksheet_write_boolean(sheet, next_row_, column, *flag ? 1 : 0, format),
            "write boolean");
    }
  }
  ++next_row_;
}

void XlsxWriter::HideSheet() { worksheet_hide(Sheet()); }

void XlsxWriter::DropDown(std::size_t column, std::uint32_t first_row,
                          const std::string& list_range, bool strict, const std::string& prompt) {
  std::string formula = "=" + list_range;
  lxw_data_validation validation{};
  validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  validation.value_formula = formula.data();
  validation.error_type =
      strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
  std::string message(CellText(prompt).substr(0, 255));
  if (!message.empty()) validation.input_message = message.data();
  const auto col = static_cast<lxw_col_t>(column);
  Check(worksheet_data_validation_range(Sheet(), first_row, col, LXW_ROW_MAX - 1, col, &validation),
        "data validation");
}

std::string XlsxWriter::ListRange(std::string_view sheet, std::size_t column,
                                  std::uint32_t first_row, std::uint32_t count) {
  std::string letters;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  std::string quoted;
  for (const char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  return fmt::format("'{}'!${}${}:${}${}", quoted, letters, first_row + 1, letters,
                     first_row + count);
}

void XlsxWriter::Close() {
  if (workbook_ == nullptr) return;
  Sheet();  // a workbook needs at least one sheet
  lxw_workbook* workbook = workbook_;
  workbook_ = nullptr;
  Check(workbook_close(workbook), "close");
}

std::string XlsxWriter::Finish() {
  Close();
  std::ifstream file(temp_file_, std::ios::binary);
  if (!file) throw std::runtime_error("xlsx writer: cannot read back the workbook");
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  file.close();
  std::filesystem::remove(temp_file_);
  return bytes;
}

}  // namespace lianyin::tabular
