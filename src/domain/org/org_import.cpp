#include "domain/org/org_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <set>

#include "domain/dictionary/dictionary.hpp"
#include "domain/org/org_rules.hpp"
#include "tabular/xlsx_reader.hpp"

namespace lianyin::domain::org {
namespace {

using Errors = std::vector<core::FieldError>;

constexpr std::string_view kNameAliases[] = {"名称", "社会组织名称"};
constexpr std::string_view kUsccAliases[] = {"信用代码", "统一代码"};
constexpr std::string_view kTypeAliases[] = {"类型"};
constexpr std::string_view kRegionAliases[] = {"区域", "所在地区", "行政区划", "区域代码"};
constexpr std::string_view kUnitAliases[] = {"登记机关", "登记管理机关编号"};
constexpr std::string_view kRepAliases[] = {"法人代表", "负责人"};
constexpr std::string_view kPhoneAliases[] = {"电话", "联系方式"};
constexpr std::string_view kFoundedAliases[] = {"成立时间"};
constexpr std::string_view kLabourAliases[] = {"劳动领域"};
constexpr std::string_view kStatusAliases[] = {"状态"};
constexpr std::string_view kGradeAliases[] = {"等级"};

constexpr std::array kColumns = {
    ImportColumn{"name", "组织名称", true, "", "2–100 个字符", kNameAliases},
    ImportColumn{
        "uscc", "统一社会信用代码", true, "",
        "18 位，第 1–2 位须与组织类型相符（社会团体 51、社会服务机构 52、基金会 53、其他 59）",
        kUsccAliases},
    ImportColumn{"org_type", "组织类型", true, "org_type", "", kTypeAliases},
    ImportColumn{
        "region_code", "所在区域", true, "",
        "完整名称（如 陕西省西安市）、唯一的区域名称或六位区划代码；须在登记管理机关辖区内",
        kRegionAliases},
    ImportColumn{
        "registration_unit_id", "登记管理机关", false, "",
        "本单位可管理的民政部门名称（重名时写作 名称（上级单位））或单位编号；留空为本单位",
        kUnitAliases},
    ImportColumn{"legal_rep", "法定代表人", true, "", "2–50 个字符", kRepAliases},
    ImportColumn{"phone", "联系电话", true, "", "手机号码或固定电话（如 029-88886666）",
                 kPhoneAliases},
    ImportColumn{"founded_on", "成立日期", true, "",
                 "YYYY-MM-DD（也可为 YYYY/M/D 或 Excel 日期），不晚于今天", kFoundedAliases},
    ImportColumn{"business_scope", "业务范围", true, "", "1–2000 个字符", {}},
    ImportColumn{"service_categories",
                 "服务类别",
                 false,
                 "service_category",
                 "可填多个，用 ；或 ; 分隔；可留空",
                 {}},
    ImportColumn{"labour_field", "是否劳动领域", false, "yes_no", "留空为 否", kLabourAliases},
    ImportColumn{"status", "登记状态", false, "org_status",
                 "新组织为 登记 或 申请登记，留空为 登记；更新已有组织时须与现状态相同",
                 kStatusAliases},
    ImportColumn{"grade", "评估等级", false, "grade", "仅导出，导入时忽略", kGradeAliases, true},
};

std::string Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

// The column a header cell names, or nullptr.
const ImportColumn* ColumnNamed(std::string_view header) {
  for (const ImportColumn& c : kColumns) {
    if (c.header == header || EqualsIgnoringAsciiCase(c.field, header) ||
        std::find(c.aliases.begin(), c.aliases.end(), header) != c.aliases.end()) {
      return &c;
    }
  }
  return nullptr;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  const auto flush = [&] {
    if (std::string t = Trim(current); !t.empty()) out.push_back(t);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ';') {
      flush();
    } else if (text.compare(i, 3, "；") == 0) {
      flush();
      i += 2;
    } else {
      current += text[i];
    }
  }
  flush();
  return out;
}

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
}

// "2015/6/1", "2015-6-1", "2015.6.1", "2015年6月1日" or an Excel serial as "2015-06-01"; any
// other text unchanged (the field rules refuse it).
std::string IsoDate(const std::string& text) {
  if (auto serial = tabular::ExcelSerialToIsoDate(text)) return *serial;
  std::string dashed = text;
  for (const char* separator : {"年", "月", "/", "."}) ReplaceAll(dashed, separator, "-");
  ReplaceAll(dashed, "日", "");
  int y = 0, m = 0, d = 0;
  const char* const begin = dashed.data();
  const char* const end = begin + dashed.size();
  auto [p1, e1] = std::from_chars(begin, end, y);
  if (e1 != std::errc() || p1 - begin != 4 || p1 == end || *p1 != '-') return text;
  auto [p2, e2] = std::from_chars(p1 + 1, end, m);
  if (e2 != std::errc() || p2 - p1 > 3 || p2 == end || *p2 != '-') return text;
  auto [p3, e3] = std::from_chars(p2 + 1, end, d);
  if (e3 != std::errc() || p3 - p2 > 3 || p3 != end) return text;
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

// "社会团体、基金会…": the labels of `dictionary` for a "must be one of" message.
std::string Labels(std::string_view dictionary) {
  std::string out;
  for (const dictionary::Entry& e : dictionary::Find(dictionary)->entries) {
    out += (out.empty() ? "" : "、") + std::string(e.label);
  }
  return out;
}

// `text` without the quote CsvWriter puts before a leading = + - @ (formula-injection defence),
// so that an exported "+86 …" imports as it was.
std::string Unquoted(std::string text) {
  if (text.size() >= 2 && text[0] == '\'' &&
      std::string_view("=+-@").find(text[1]) != std::string_view::npos) {
    text.erase(0, 1);
  }
  return text;
}

// One row's problems, at most one per field: the first found stands.
class RowErrors {
 public:
  explicit RowErrors(std::int64_t row) : row_(row) {}
  void Add(const std::string& field, std::string message) {
    if (fields_.insert(field).second) errors_.push_back({field, std::move(message), row_});
  }
  bool empty() const { return errors_.empty(); }
  void MoveTo(Errors& out) {
    for (core::FieldError& e : errors_) out.push_back(std::move(e));
  }

 private:
  std::int64_t row_;
  std::set<std::string> fields_;
  Errors errors_;
};

class RowReader {
 public:
  RowReader(const std::map<std::string, std::size_t>& at, const ImportPlaces& places,
            std::int64_t default_unit, const core::Date& today)
      : at_(at), places_(places), default_unit_(default_unit), today_(today) {}

  // One data row as an ImportRow; problems go to `errors` with the row number.
  std::optional<ImportRow> Read(const std::vector<std::string>& cells, std::int64_t row,
                                Errors& errors) const {
    const auto cell = [&](const char* name) {
      auto it = at_.find(name);
      return it == at_.end() || it->second >= cells.size() ? std::string()
                                                           : Unquoted(Trim(cells[it->second]));
    };
    RowErrors problems(row);
    for (const auto& [name, column] : at_) {
      if (column < cells.size() && cells[column].find('\0') != std::string::npos) {
        problems.Add(name, "must not contain NUL characters");
      }
    }
    ImportRow out{row, {}, "registered", !cell("registration_unit_id").empty()};
    NewOrg& o = out.org;
    o.name = cell("name");
    o.uscc = cell("uscc");
    o.org_type = Coded(problems, "org_type", cell("org_type"));
    o.legal_rep = cell("legal_rep");
    o.phone = cell("phone");
    o.founded_on = IsoDate(cell("founded_on"));
    o.business_scope = cell("business_scope");
    for (const std::string& item : SplitList(cell("service_categories"))) {
      auto code = dictionary::CodeOf(*dictionary::Find("service_category"), item);
      if (!code) problems.Add("service_categories", "unknown category " + item);
      o.service_categories.emplace_back(code.value_or(item));
    }
    o.labour_field = ReadYesNo(problems, cell("labour_field"));
    if (const std::string status = cell("status"); !status.empty()) {
      out.status = Coded(problems, "status", status);
    }
    o.status = out.status == "applying" ? "applying" : "registered";
    o.region_code = ReadRegion(problems, cell("region_code"));
    o.registration_unit_id = ReadUnit(problems, cell("registration_unit_id"));
    auto normal = NormaliseNewOrg(std::move(o), today_);
    if (!normal) {
      const core::Error why = normal.error();  // error() returns a copy: keep it alive
      for (const core::FieldError& e : why.details) problems.Add(e.field, e.message);
    }
    if (!problems.empty()) {
      problems.MoveTo(errors);
      return std::nullopt;
    }
    out.org = std::move(*normal);
    return out;
  }

 private:
  // The code `text` names in the column's dictionary; `text` itself (after the error) if none.
  static std::string Coded(RowErrors& problems, const std::string& field, const std::string& text) {
    const ImportColumn* column = ColumnNamed(field);
    if (auto code = dictionary::CodeOf(*dictionary::Find(column->dictionary), text)) {
      return std::string(*code);
    }
    problems.Add(field, "must be one of: " + Labels(column->dictionary));
    return text;
  }

  static bool ReadYesNo(RowErrors& problems, const std::string& text) {
    if (text.empty() || text == "0") return false;
    if (text == "1") return true;
    auto code = dictionary::CodeOf(*dictionary::Find("yes_no"), text);
    if (!code) problems.Add("labour_field", "must be true/false/1/0/是/否");
    return code == "true";
  }

  std::string ReadRegion(RowErrors& problems, const std::string& text) const {
    if (text.empty()) {
      problems.Add("region_code", "is required");
      return text;
    }
    auto code = places_.FindRegion(text);
    if (code) return *code;
    problems.Add("region_code", code.error().details.at(0).message);
    return text;
  }

  std::int64_t ReadUnit(RowErrors& problems, const std::string& text) const {
    if (text.empty()) return default_unit_;
    auto id = places_.FindUnit(text);
    if (id) return *id;
    problems.Add("registration_unit_id", id.error().details.at(0).message);
    return default_unit_;
  }

  const std::map<std::string, std::size_t>& at_;
  const ImportPlaces& places_;
  std::int64_t default_unit_;
  core::Date today_;
};

}  // namespace

std::span<const ImportColumn> ImportColumns() { return kColumns; }

std::vector<std::string> ImportHeaders(bool with_export_only) {
  std::vector<std::string> out;
  for (const ImportColumn& c : kColumns) {
    if (with_export_only || !c.export_only) out.emplace_back(c.header);
  }
  return out;
}

std::string LabelOf(std::string_view dictionary, std::string_view code) {
  const dictionary::Dictionary* d = dictionary::Find(dictionary);
  const dictionary::Entry* entry = d == nullptr ? nullptr : dictionary::FindEntry(*d, code);
  return std::string(entry == nullptr ? code : entry->label);
}

ParsedImport ParseImport(const std::vector<std::vector<std::string>>& rows,
                         const ImportPlaces& places, std::int64_t default_unit,
                         const core::Date& today) {
  ParsedImport out;
  if (rows.empty()) {
    out.errors.push_back({"file", "is empty: the first row must name the columns", 1});
    return out;
  }
  std::map<std::string, std::size_t> at;  // field → column index
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    const std::string header = Trim(rows[0][i]);
    if (header.empty()) continue;
    const ImportColumn* column = ColumnNamed(header);
    if (column == nullptr) {
      out.errors.push_back({header, "unknown column", 1});
    } else if (!at.emplace(std::string(column->field), i).second) {
      out.errors.push_back({std::string(column->field), "appears twice", 1});
    }
  }
  for (const ImportColumn& c : kColumns) {
    if (c.required && !at.contains(std::string(c.field))) {
      out.errors.push_back({std::string(c.field), "column is missing", 1});
    }
  }
  if (!out.errors.empty()) return out;
  const RowReader reader(at, places, default_unit, today);
  std::map<std::string, std::int64_t> seen;  // USCC → first row
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto row = static_cast<std::int64_t>(i) + 1;
    const bool blank = std::all_of(rows[i].begin(), rows[i].end(),
                                   [](const std::string& c) { return Trim(c).empty(); });
    if (blank) continue;
    auto parsed = reader.Read(rows[i], row, out.errors);
    if (!parsed) continue;
    if (auto [it, fresh] = seen.emplace(parsed->org.uscc, row); !fresh) {
      out.errors.push_back({"uscc", "duplicates row " + std::to_string(it->second), row});
      continue;
    }
    out.rows.push_back(std::move(*parsed));
  }
  return out;
}

}  // namespace lianyin::domain::org
