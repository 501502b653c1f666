#include "booklet/test_booklet.hpp"

#include <array>

namespace lianyin::booklet::testing {
namespace {

constexpr std::array<const char*, 8> kLabels = {
    "职工法律服务",         "困难职工帮扶",   "职工心理健康服务", "技能培训与就业服务",
    "新就业形态劳动者服务", "女职工关爱服务", "职工文体活动",     "劳模工匠服务"};
constexpr std::array<const char*, 6> kRegions = {
    "陕西省西安市碑林区", "北京市朝阳区", "广东省深圳市南山区",
    "四川省成都市武侯区", "浙江省杭州市", "新疆维吾尔自治区乌鲁木齐市"};
constexpr std::array<const char*, 5> kThemes = {
    "“法援进企业”职工维权服务", "“暖心驿站”户外劳动者关爱", "职工子女“四点半课堂”托管",
    "快递外卖骑手职业技能提升与就业指导", "一线职工心理疏导与情绪减压"};

}  // namespace

std::string NumberedStory(int characters) {
  std::string story;
  int written = 0;
  for (int n = 1; written < characters; ++n) {
    const std::string sentence =
        "项目组深入车间、工地和社区，为职工提供面对面的专业服务，第" + std::to_string(n) + "句。";
    story += sentence;
    written += 30;
    if (n % 6 == 0) story += "\n";
  }
  return story;
}

Booklet SampleBooklet(int projects, int categories) {
  Booklet booklet;
  booklet.title = "全国工会联系引导社会组织\n服务职工优秀项目选编";
  booklet.subtitle = "第一批 2021年";
  booklet.issued_by = "中华全国总工会";
  booklet.date_text = "二〇二一年十二月";
  for (int c = 0; c < categories; ++c) {
    booklet.categories.push_back(
        {"c" + std::to_string(c + 1),
         c < static_cast<int>(kLabels.size()) ? kLabels[c] : "服务类别" + std::to_string(c + 1)});
  }
  for (int i = 0; i < projects; ++i) {
    BookletProject project;
    project.category = "c" + std::to_string(i % categories + 1);
    project.title = std::string(kRegions[i % kRegions.size()]) + kThemes[i % kThemes.size()] +
                    "项目（第" + std::to_string(i) + "号）";
    project.providers = {std::string(kRegions[(i + 1) % kRegions.size()]) + "社会工作服务中心"};
    if (i % 3 == 0) project.providers.emplace_back("阳光心理咨询服务社");
    project.funding_unit = std::string(kRegions[i % kRegions.size()]) + "总工会";
    project.region = kRegions[i % kRegions.size()];
    project.year = 2021;
    project.contract_fen = 12'500'000 + 1'000'000 * (i % 7);  // 12.5万元 and up
    project.person_times = 1200 + 37 * i;
    project.target_groups = "新就业形态劳动者、困难职工及其家属";
    project.story = NumberedStory(i % 10 == 3 ? 1800 : 300);
    project.score = 80 + (i % 20) * 0.5;
    project.rank = projects - i;  // later projects rank higher
    booklet.projects.push_back(std::move(project));
  }
  return booklet;
}

}  // namespace lianyin::booklet::testing
