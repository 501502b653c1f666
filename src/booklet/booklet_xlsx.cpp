// RenderXlsx: the booklet's projects as one spreadsheet, for those who check or reuse the data.

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

#include "booklet/booklet.hpp"
#include "booklet/booklet_contents.hpp"
#include "tabular/xlsx_writer.hpp"

namespace lianyin::booklet {
namespace {

std::string JoinProviders(const std::vector<std::string>& providers) {
  std::string out;
  for (const std::string& provider : providers) {
    if (provider.empty()) continue;
    if (!out.empty()) out += "、";
    out += provider;
  }
  return out;
}

std::vector<tabular::Cell> Row(const BookletCategory& category, const BookletProject& project) {
  return {category.label, project.title, JoinProviders(project.providers), project.funding_unit,
          project.region, static_cast<double>(project.year),
          // Yuan with two decimals are exact enough in a double for any contract (< 2^53 fen).
          static_cast<double>(project.contract_fen) / 100,
          static_cast<double>(project.person_times), project.target_groups, project.story,
          project.score, static_cast<double>(project.rank)};
}

}  // namespace

core::Result<void> RenderXlsx(const Booklet& booklet, const std::string& path) {
  core::Result<std::vector<Section>> sections = OrderContents(booklet);
  if (!sections) return sections.error();
  tabular::XlsxWriter writer;
  writer.AddSheet("优秀项目", {16, 36, 30, 24, 18, 8, 16, 12, 24, 60, 8, 8});
  writer.Row({"类别", "项目名称", "承接组织", "出资单位", "地区", "年度", "合同金额（元）",
              "服务人次", "服务对象", "项目简介", "得分", "名次"},
             tabular::RowStyle::kHeader);
  for (const Section& section : *sections) {
    for (const BookletProject* project : section.projects) {
      writer.TypedRow(Row(*section.category, *project));
    }
  }
  const std::string bytes = writer.Finish();
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) throw std::runtime_error(fmt::format("booklet: cannot write {}", path));
  return {};
}

}  // namespace lianyin::booklet
