#pragma once
// Writes XLSX workbooks for exports, import templates (several sheets, drop-down lists) and
// import error reports, through libxlsxwriter in
// constant-memory mode: rows are flushed as they are written, so memory stays flat however many
// rows an export has. libxlsxwriter stays in the .cpp file.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace lianyin::tabular {

// A typed cell: empty, text, number or boolean.
using Cell = std::variant<std::monostate, std::string, double, bool>;

enum class RowStyle {
  kPlain,
  kHeader,  // bold, and the sheet's panes are frozen below this row
};

// Builds one workbook. Rows go to the sheet added last, strictly in order. Text is always
// written as a string cell, never as a formula, so a value such as "=HYPERLINK(...)" shows as
// typed and is not evaluated (formula-injection defence); unlike CsvWriter no quote is added,
// so the file re-imports unchanged. A text longer than Excel's 32 767 characters is cut there.
// Failures of the file system or of libxlsxwriter are infrastructure faults and throw
// std::runtime_error. Not thread-safe.
class XlsxWriter {
 public:
  // libxlsxwriter assembles the workbook in `temp_file`, which Finish() (or the destructor)
  // removes.
  explicit XlsxWriter(std::filesystem::path temp_file = UniqueTempPath());
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Starts a sheet named `name` (at most 31 characters, none of []:*?/\ — else
  // std::invalid_argument) with the given column widths in characters, from column A.
  void AddSheet(std::string_view name, const std::vector<double>& column_widths = {});
  // Appends a row of text cells ("" leaves a cell empty). Adds a sheet "Sheet1" if none exists.
  void Row(const std::vector<std::string>& cells, RowStyle style = RowStyle::kPlain);
  // Appends a row of typed cells.
  void TypedRow(const std::vector<Cell>& cells, RowStyle style = RowStyle::kPlain);
  // Hides the current sheet (a list sheet behind drop-downs); the first sheet stays visible.
  void HideSheet();
  // Gives the cells of `column` (0-based) of the current sheet, from `first_row` (0-based) to
  // the last row Excel has, an in-cell drop-down of the values in `list_range` (a reference
  // such as ListRange makes). `strict` refuses other values; otherwise Excel only warns, so
  // that a cell may hold several values. `prompt` (≤ 255 characters, may be empty) shows when
  // the cell is selected.
  void DropDown(std::size_t column, std::uint32_t first_row, const std::string& list_range,
                bool strict, const std::string& prompt = "");
  // An absolute reference to `count` cells (≥ 1) of `column` of sheet `sheet` from `first_row`
  // down: ("选项", 0, 1, 4) → "'选项'!$A$2:$A$5".
  static std::string ListRange(std::string_view sheet, std::size_t column, std::uint32_t first_row,
                               std::uint32_t count);
  // Closes the workbook and returns the file's bytes. Call once; no rows after it.
  std::string Finish();

  // A fresh file name under the system temporary directory.
  static std::filesystem::path UniqueTempPath();

 private:
  lxw_worksheet* Sheet();
  // The format for `style` (nullptr for kPlain); freezes the panes below a header row.
  lxw_format* StartRow(RowStyle style);
  void Close();

  std::filesystem::path temp_file_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  std::uint32_t next_row_ = 0;
};

}  // namespace lianyin::tabular
