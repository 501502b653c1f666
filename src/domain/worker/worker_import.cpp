#include "domain/worker/worker_import.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "domain/dictionary/dictionary.hpp"
#include "tabular/csv.hpp"
#include "tabular/xlsx_writer.hpp"

namespace lianyin::domain::worker {
namespace {

using Errors = std::vector<core::FieldError>;

constexpr std::string_view kNameAliases[] = {"职工姓名"};
constexpr std::string_view kPhoneAliases[] = {"手机号码", "手机", "联系电话"};
constexpr std::string_view kIdAliases[] = {"身份证号码", "公民身份号码", "身份证"};
constexpr std::string_view kEmployerAliases[] = {"单位", "所在单位"};
constexpr std::string_view kRegionAliases[] = {"地区", "所在区域", "区域", "区域代码"};
constexpr std::string_view kGroupAliases[] = {"群体", "职工类别"};

constexpr std::array kColumns = {
    ImportColumn{"name", "姓名", true, "1–50 个字符", kNameAliases},
    ImportColumn{"phone", "手机号", true, "11 位中国大陆手机号码，同一手机号只能登记一名职工",
                 kPhoneAliases},
    ImportColumn{"id_number", "身份证号", false, "18 位公民身份号码（末位可为 X），可留空",
                 kIdAliases},
    ImportColumn{"employer", "工作单位", false, "至多 100 个字符，可留空", kEmployerAliases},
    ImportColumn{"region_code", "所在地区", true,
                 "完整名称（如 福建省福州市鼓楼区）、唯一的区域名称或六位区划代码", kRegionAliases},
    ImportColumn{"groups", "职工群体", false,
                 "可填多个，用 、 , 或 ; 分隔，如 工匠、农民工；可留空", kGroupAliases},
};

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

const ImportColumn* ColumnNamed(std::string_view header) {
  for (const ImportColumn& c : kColumns) {
    if (c.header == header || EqualsIgnoringAsciiCase(c.field, header) ||
        std::find(c.aliases.begin(), c.aliases.end(), header) != c.aliases.end()) {
      return &c;
    }
  }
  return nullptr;
}

// The parts of a list cell separated by 、 , ， ; or ；.
std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  const auto flush = [&] {
    if (std::string t = Trim(current); !t.empty()) out.push_back(std::move(t));
    current.clear();
  };
  constexpr std::string_view kWide[] = {"、", "，", "；"};
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ',' || text[i] == ';') {
      flush();
      ++i;
      continue;
    }
    const auto wide = std::find_if(std::begin(kWide), std::end(kWide), [&](std::string_view w) {
      return text.substr(i).starts_with(w);
    });
    if (wide != std::end(kWide)) {
      flush();
      i += wide->size();
      continue;
    }
    current += text[i++];
  }
  flush();
  return out;
}

// `text` without the quote CsvWriter puts before a leading = + - @ (formula-injection defence).
std::string Unquoted(std::string text) {
  if (text.size() >= 2 && text[0] == '\'' &&
      std::string_view("=+-@").find(text[1]) != std::string_view::npos) {
    text.erase(0, 1);
  }
  return text;
}

class RowReader {
 public:
  RowReader(const std::map<std::string, std::size_t>& at, const org::ImportPlaces& places,
            const core::Date& today)
      : at_(at), places_(places), today_(today) {}

  // One data row normalised, or nullopt with its problems (at most one per field) in `errors`.
  std::optional<CleanWorker> Read(const std::vector<std::string>& cells, std::int64_t row,
                                  Errors& errors) const {
    std::set<std::string> failed;
    const auto fail = [&](const std::string& field, std::string message) {
      if (failed.insert(field).second) errors.push_back({field, std::move(message), row});
    };
    const auto cell = [&](const char* name) {
      auto it = at_.find(name);
      return it == at_.end() || it->second >= cells.size() ? std::string()
                                                           : Unquoted(Trim(cells[it->second]));
    };
    for (const auto& [name, column] : at_) {
      if (column < cells.size() && cells[column].find('\0') != std::string::npos) {
        fail(name, "must not contain NUL characters");
      }
    }
    NewWorker w;
    w.name = cell("name");
    w.phone = cell("phone");
    if (std::string id = cell("id_number"); !id.empty()) w.id_number = id;
    if (std::string employer = cell("employer"); !employer.empty()) w.employer = employer;
    if (std::string region = cell("region_code"); !region.empty()) {
      auto code = places_.FindRegion(region);
      if (code) {
        w.region_code = *code;
      } else {
        fail("region_code", code.error().details.at(0).message);
        w.region_code = "000000";  // reported; keeps NormaliseWorker's other checks running
      }
    }
    const dictionary::Dictionary& groups = *dictionary::Find("worker_group");
    for (const std::string& item : SplitList(cell("groups"))) {
      auto code = dictionary::CodeOf(groups, item);
      if (!code) fail("groups", "unknown worker group " + item);
      w.groups.emplace_back(code.value_or(""));
    }
    auto clean = NormaliseWorker(w, today_);
    if (!clean) {
      const core::Error why = clean.error();
      for (const core::FieldError& e : why.details) fail(e.field, e.message);
    }
    if (!failed.empty()) return std::nullopt;
    return std::move(*clean);
  }

 private:
  const std::map<std::string, std::size_t>& at_;
  const org::ImportPlaces& places_;
  core::Date today_;
};

// The example row of the templates.
std::vector<std::string> Example() {
  return {"张三",   "13800138000",     "11010519491231002X", "福州市环卫服务中心",
          "350102", "环卫职工、农民工"};
}

}  // namespace

std::span<const ImportColumn> ImportColumns() { return kColumns; }

std::vector<std::string> ImportHeaders() {
  std::vector<std::string> out;
  for (const ImportColumn& c : kColumns) out.emplace_back(c.header);
  return out;
}

std::vector<std::string> ExportHeaders() {
  std::vector<std::string> out = ImportHeaders();
  out.emplace_back("登记单位");
  out.emplace_back("账号已激活");
  return out;
}

std::vector<std::string> ExportRow(const Worker& worker, const org::ImportPlaces& places) {
  const dictionary::Dictionary& dictionary = *dictionary::Find("worker_group");
  std::string groups;
  for (const std::string& code : worker.groups) {
    const dictionary::Entry* e = dictionary::FindEntry(dictionary, code);
    groups += (groups.empty() ? "" : "、") + (e ? std::string(e->label) : code);
  }
  std::string region = worker.region_name;
  if (worker.region_code) region = places.RegionText(*worker.region_code).value_or(region);
  return {worker.name,
          worker.phone_masked.value_or(""),
          worker.id_number_masked.value_or(""),
          worker.employer.value_or(""),
          std::move(region),
          std::move(groups),
          worker.unit_name,
          worker.has_account ? "是" : "否"};
}

ParsedImport ParseImport(const std::vector<std::vector<std::string>>& rows,
                         const org::ImportPlaces& places, const core::Date& today) {
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
  const RowReader reader(at, places, today);
  std::map<std::string, std::int64_t> seen;  // phone → first row
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto row = static_cast<std::int64_t>(i) + 1;
    const bool blank = std::all_of(rows[i].begin(), rows[i].end(),
                                   [](const std::string& c) { return Trim(c).empty(); });
    if (blank) continue;
    auto clean = reader.Read(rows[i], row, out.errors);
    if (!clean) continue;
    if (auto [it, fresh] = seen.emplace(clean->phone.value_or(""), row); !fresh) {
      out.errors.push_back({"phone", "duplicates row " + std::to_string(it->second), row});
      continue;
    }
    out.rows.push_back({row, std::move(*clean)});
  }
  return out;
}

std::string TemplateCsv() {
  std::string out;
  tabular::CsvWriter csv(&out);
  csv.Row(ImportHeaders());
  csv.Row(Example());
  csv.Flush();
  return out;
}

std::string TemplateXlsx() {
  tabular::XlsxWriter xlsx;
  xlsx.AddSheet("职工名册", {12, 16, 22, 26, 24, 28});
  xlsx.Row(ImportHeaders(), tabular::RowStyle::kHeader);
  xlsx.Row(Example());
  xlsx.AddSheet("填写说明", {14, 10, 70});
  xlsx.Row({"列名", "是否必填", "填写说明"}, tabular::RowStyle::kHeader);
  for (const ImportColumn& c : kColumns) {
    xlsx.Row({std::string(c.header), c.required ? "必填" : "选填", std::string(c.help)});
  }
  std::string groups;
  for (const dictionary::Entry& e : dictionary::Find("worker_group")->entries) {
    groups += (groups.empty() ? "" : "、") + std::string(e.label);
  }
  xlsx.Row({"职工群体可选值", "", groups});
  return xlsx.Finish();
}

}  // namespace lianyin::domain::worker
