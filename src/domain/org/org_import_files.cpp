#include "domain/org/org_import_files.hpp"

#include <map>

#include "core/uscc.hpp"
#include "domain/dictionary/dictionary.hpp"
#include "domain/dictionary/messages.hpp"
#include "domain/org/org_import.hpp"
#include "tabular/csv.hpp"
#include "tabular/xlsx_writer.hpp"

namespace lianyin::domain::org {
namespace {

constexpr const char* kDataSheet = "社会组织";
constexpr const char* kHelpSheet = "填写说明";
constexpr const char* kListSheet = "选项";
constexpr std::uint32_t kFirstDataRow = 1;  // 0-based: below the header

std::string Joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

std::vector<std::string> Labels(std::string_view dictionary) {
  std::vector<std::string> out;
  for (const dictionary::Entry& e : dictionary::Find(dictionary)->entries) {
    out.emplace_back(e.label);
  }
  return out;
}

// The values a new organisation's coded column offers (statuses: only those it may start in).
std::vector<std::string> Choices(const ImportColumn& column) {
  if (column.field == "status")
    return {LabelOf("org_status", "registered"), LabelOf("org_status", "applying")};
  return Labels(column.dictionary);
}

// The drop-down lists of the template, one column of the list sheet each.
struct ListColumn {
  std::size_t data_column;  // in the data sheet
  std::vector<std::string> values;
  bool strict;  // false: several values (categories) or an id may be typed
};

std::vector<ListColumn> TemplateLists(const ImportPlaces& places) {
  std::vector<ListColumn> lists;
  const auto columns = ImportColumns();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const ImportColumn& c = columns[i];
    if (c.export_only) continue;
    if (c.field == "registration_unit_id") {
      std::vector<std::string> units = places.CivilAffairsUnitTexts();
      if (!units.empty()) lists.push_back({i, std::move(units), false});
    } else if (!c.dictionary.empty()) {
      lists.push_back({i, Choices(c), c.field != "service_categories"});
    }
  }
  return lists;
}

void WriteHelp(tabular::XlsxWriter& xlsx) {
  xlsx.AddSheet(kHelpSheet, {18, 10, 60, 60});
  xlsx.Row({"列名", "是否必填", "填写要求", "可选值"}, tabular::RowStyle::kHeader);
  for (const ImportColumn& c : ImportColumns()) {
    if (c.export_only) continue;
    std::string values;
    if (c.field == "registration_unit_id") {
      values = "见下拉列表（本单位可管理的民政部门）";
    } else if (!c.dictionary.empty()) {
      values = Joined(Choices(c), "、");
    }
    std::string help(c.help);
    if (help.empty() && !c.dictionary.empty()) help = "从下拉列表选择";
    xlsx.Row({std::string(c.header), c.required ? "必填" : "选填", help, values});
  }
  xlsx.Row({});
  xlsx.Row({"说明"}, tabular::RowStyle::kPlain);
  for (const char* note :
       {"第一行为列名：中文列名或英文字段名均可，列的顺序不限；从第二行起每行一个社会组织。",
        "编码类的值（组织类型、服务类别、是否、登记状态）可填中文名称、英文名称或代码。",
        "导入时全部行通过检查才写入，任何一行有错误则不写入；可下载错误报告，按“错误原因”修改后重新"
        "导入。",
        "勾选“更新已有组织”时，统一社会信用代码已登记的行更新该组织；状态只能通过状态变更办理。",
        "示例行可直接导入，正式导入前请替换或删除。"}) {
    xlsx.Row({note});
  }
}

void WriteLists(tabular::XlsxWriter& xlsx, const std::vector<ListColumn>& lists) {
  xlsx.AddSheet(kListSheet);
  std::size_t longest = 0;
  for (const ListColumn& list : lists) longest = std::max(longest, list.values.size());
  for (std::size_t row = 0; row < longest; ++row) {
    std::vector<std::string> cells;
    for (const ListColumn& list : lists)
      cells.push_back(row < list.values.size() ? list.values[row] : "");
    xlsx.Row(cells);
  }
  xlsx.HideSheet();
}

}  // namespace

std::vector<std::string> ExportRow(const OrgView& view, const ImportPlaces& places) {
  const Org& o = view.org;
  std::vector<std::string> categories;
  for (const std::string& c : o.service_categories)
    categories.push_back(LabelOf("service_category", c));
  const auto own = [&](const std::string& v) { return view.full ? v : std::string(); };
  return {o.name,
          o.uscc,
          LabelOf("org_type", o.org_type),
          places.RegionText(o.region_code).value_or(o.region_name),
          places.UnitText(o.registration_unit_id).value_or(o.registration_unit_name),
          own(o.legal_rep),
          own(o.phone),
          own(o.founded_on),
          own(o.business_scope),
          Joined(categories, "；"),
          LabelOf("yes_no", o.labour_field ? "true" : "false"),
          LabelOf("org_status", OrgStatusName(o.status)),
          o.grade ? LabelOf("grade", *o.grade) : ""};
}

std::vector<std::string> TemplateExample(const ImportPlaces& places, std::int64_t own_unit) {
  const PlaceUnit* unit = places.ExampleUnit(own_unit);
  const std::string region_code = unit == nullptr ? "610100" : unit->region_code;
  std::string region = places.RegionText(region_code).value_or("");
  if (region.empty()) region = region_code;
  // 52: a social-service agency; MJ9 + serial: clear of the demo's serials.
  const std::string first17 = "52" + region_code + "MJ9000001";
  return {
      region + "职工服务中心（示例）",
      first17 + core::UsccCheckCharacter(first17).value_or('0'),
      LabelOf("org_type", "social_service"),
      region,
      unit == nullptr ? "" : *places.UnitText(unit->id),
      "王伟",
      "13912345678",
      "2015-06-01",
      "职工技能培训；职工心理健康服务",
      Joined({LabelOf("service_category", "skills"), LabelOf("service_category", "health")}, "；"),
      LabelOf("yes_no", "true"),
      LabelOf("org_status", "registered")};
}

std::string TemplateXlsx(const ImportPlaces& places, std::int64_t own_unit) {
  tabular::XlsxWriter xlsx;
  xlsx.AddSheet(kDataSheet, {28, 22, 26, 22, 24, 12, 16, 12, 30, 36, 12, 10});
  xlsx.Row(ImportHeaders(false), tabular::RowStyle::kHeader);
  const std::vector<ListColumn> lists = TemplateLists(places);
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const ListColumn& list = lists[i];
    const std::string prompt(ImportColumns()[list.data_column].help);
    xlsx.DropDown(list.data_column, kFirstDataRow,
                  tabular::XlsxWriter::ListRange(kListSheet, i, 0,
                                                 static_cast<std::uint32_t>(list.values.size())),
                  list.strict, prompt);
  }
  xlsx.Row(TemplateExample(places, own_unit));
  WriteHelp(xlsx);
  WriteLists(xlsx, lists);
  return xlsx.Finish();
}

std::string TemplateCsv(const ImportPlaces& places, std::int64_t own_unit) {
  std::string out;
  tabular::CsvWriter csv(&out);
  csv.Row(ImportHeaders(false));
  csv.Row(TemplateExample(places, own_unit));
  csv.Flush();
  return out;
}

std::string ReasonText(const core::FieldError& error) {
  return std::string(dictionary::FieldLabel(error.field, dictionary::Lang::kZh)) + "：" +
         dictionary::Translate(error.message, dictionary::Lang::kZh);
}

std::string ErrorReportXlsx(const std::vector<std::vector<std::string>>& rows,
                            const std::vector<core::FieldError>& errors) {
  std::map<std::int64_t, std::string> reasons;
  for (const core::FieldError& e : errors) {
    std::string& text = reasons[e.row.value_or(1)];
    text += (text.empty() ? "" : "；") + ReasonText(e);
  }
  tabular::XlsxWriter xlsx;
  xlsx.AddSheet("错误报告");
  std::vector<std::string> header = rows.empty() ? std::vector<std::string>{} : rows[0];
  const std::size_t width = header.size();
  header.insert(header.end(), {"行号", "错误原因"});
  xlsx.Row(header, tabular::RowStyle::kHeader);
  for (const auto& [row, reason] : reasons) {
    std::vector<std::string> cells = row >= 1 && row <= static_cast<std::int64_t>(rows.size())
                                         ? rows[static_cast<std::size_t>(row - 1)]
                                         : std::vector<std::string>{};
    cells.resize(width);
    cells.push_back(std::to_string(row));
    cells.push_back(reason);
    xlsx.Row(cells);
  }
  return xlsx.Finish();
}

}  // namespace lianyin::domain::org
