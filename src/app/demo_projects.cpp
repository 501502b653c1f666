#include "app/demo_projects.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <string_view>
#include <utility>

#include "core/date.hpp"

namespace lianyin::app {
namespace {

namespace project = domain::project;
using project::HistoricalProject;
using project::ProjectStatus;

constexpr std::uint64_t kSeed = 0x4C69616E79696E39;  // "Lianyin9"
constexpr std::int64_t kContractUnitFen = 10'000;    // contracts are whole hundreds of yuan
const core::Date kCutoff{kDemoLastYear, 12, 31};

// SplitMix64 (Steele, Lea and Flood): the same sequence on every platform, which the standard
// library's distributions do not promise.
class Sequence {
 public:
  explicit Sequence(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // lo..hi inclusive (the modulo bias is far below anything a demo could show).
  std::int64_t Between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool Chance(int percent) { return Between(0, 99) < percent; }
  // An index drawn in proportion to `weights` (not all zero).
  template <class Weights>
  std::size_t Pick(const Weights& weights) {
    std::int64_t sum = 0;
    for (auto w : weights) sum += w;
    std::int64_t draw = Between(0, sum - 1);
    std::size_t i = 0;
    for (auto w : weights) {
      if (draw < w) return i;
      draw -= w;
      ++i;
    }
    return i - 1;
  }

 private:
  std::uint64_t state_;
};

// `total` split in proportion to `weights` (≥ 0, not all zero) by largest remainder, ties to the
// earlier part: the parts sum to `total` exactly.
std::vector<std::int64_t> Apportion(std::int64_t total, const std::vector<std::int64_t>& weights) {
  __int128 sum = 0;
  for (std::int64_t w : weights) sum += w;
  std::vector<std::int64_t> parts(weights.size());
  std::vector<std::pair<__int128, std::size_t>> remainders;
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const __int128 quota = static_cast<__int128>(weights[i]) * total;
    parts[i] = static_cast<std::int64_t>(quota / sum);
    given += parts[i];
    remainders.emplace_back(quota % sum, i);
  }
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (std::int64_t k = 0; k < total - given; ++k) ++parts[remainders[k].second];
  return parts;
}

struct Template {
  const char* title;                  // after the year and the place
  const char* work;                   // what the provider does there
  std::array<const char*, 2> groups;  // target_group codes; the second may be null
};

struct Category {
  const char* code;
  int share;             // of the projects, relative
  int typical_wan;       // a typical contract, 万元
  int people_per_event;  // person-times of a typical event
  int reach;             // person-times per unit of contract, relative
  std::array<Template, 6> templates;
};

const Category kCategories[] = {
    {"skills",
     16,
     16,
     45,
     10,
     {{{"职工职业技能提升培训项目",
        "开展职业技能培训和岗位练兵",
        {"frontline_workers", "young_workers"}},
       {"“技能强企”劳动和技能竞赛服务项目",
        "组织劳动和技能竞赛，承担赛事组织、评审和成果展示",
        {"frontline_workers", "model_workers"}},
       {"新职业技能培训服务项目",
        "开设新职业、新技能培训班并辅导技能等级认定",
        {"young_workers", "new_employment_workers"}},
       {"劳模工匠创新工作室服务项目",
        "支持劳模和工匠人才创新工作室开展技术攻关和师带徒",
        {"model_workers", "frontline_workers"}},
       {"职工数字技能提升行动服务项目",
        "开展数字技能、智能制造等线上线下培训",
        {"young_workers", "frontline_workers"}},
       {"农民工技能培训服务项目",
        "为农民工开展订单式、定向式技能培训",
        {"migrant_workers", nullptr}}}}},
    {"health",
     14,
     12,
     35,
     12,
     {{{"职工心理健康关爱服务项目",
        "开展心理健康讲座、团体辅导和一对一心理咨询",
        {"frontline_workers", "young_workers"}},
       {"“心灵驿站”职工心理咨询服务项目",
        "运营心灵驿站，提供心理测评、热线咨询和危机干预",
        {"frontline_workers", nullptr}},
       {"女职工“两癌”筛查服务项目",
        "组织女职工“两癌”筛查和健康知识宣讲",
        {"women_workers", nullptr}},
       {"一线职工健康体检和健康讲座项目",
        "组织一线职工健康体检、义诊和健康讲座",
        {"frontline_workers", "sanitation_workers"}},
       {"职业病防治宣传进企业服务项目",
        "开展职业病防治宣传和职业健康培训",
        {"frontline_workers", "migrant_workers"}},
       {"职工EAP心理援助服务项目",
        "为企业职工提供员工援助计划（EAP）服务",
        {"young_workers", "frontline_workers"}}}}},
    {"children",
     11,
     10,
     25,
     9,
     {{{"职工子女暑期托管班服务项目",
        "开办职工子女暑期托管班，提供看护、课业辅导和兴趣课程",
        {"workers_children", nullptr}},
       {"“爱心托管”职工子女课后服务项目",
        "在工会阵地开展职工子女课后托管和作业辅导",
        {"workers_children", nullptr}},
       {"困难职工子女助学圆梦项目",
        "为困难职工子女提供助学资助、学业辅导和成长陪伴",
        {"workers_children", "needy_workers"}},
       {"职工子女亲子阅读服务项目",
        "组织亲子阅读、家庭教育讲座和亲子实践活动",
        {"workers_children", "women_workers"}},
       {"农民工子女关爱服务项目",
        "为农民工子女开展假期陪伴、安全教育和心理关爱",
        {"workers_children", "migrant_workers"}},
       {"职工子女研学实践服务项目",
        "组织职工子女走进劳模工作室和企业车间开展研学实践",
        {"workers_children", nullptr}}}}},
    {"culture_sports",
     13,
     12,
     90,
     16,
     {{{"职工文化艺术节服务项目",
        "承办职工文艺汇演、书画摄影展和非遗展示",
        {"frontline_workers", "young_workers"}},
       {"职工健步走和全民健身服务项目",
        "组织职工健步走、趣味运动会和健身指导",
        {"frontline_workers", nullptr}},
       {"“书香工会”职工读书服务项目",
        "运营职工书屋，开展读书分享和阅读推广活动",
        {"frontline_workers", "young_workers"}},
       {"职工篮球联赛组织服务项目",
        "承担职工篮球联赛的赛事编排、场地保障和裁判工作",
        {"young_workers", nullptr}},
       {"职工文艺骨干培训项目",
        "培训职工文艺骨干并组建职工文艺团队",
        {"young_workers", "women_workers"}},
       {"“工会进社区”文化惠民服务项目",
        "开展送文化进社区、进企业、进工地演出",
        {"migrant_workers", "frontline_workers"}}}}},
    {"stations",
     13,
     24,
     60,
     11,
     {{{"户外劳动者服务站点运营项目",
        "运营户外劳动者服务站点，提供歇脚、饮水、热饭和充电服务",
        {"sanitation_workers", "new_employment_workers"}},
       {"工会驿站运营管理服务项目",
        "负责工会驿站日常运营、物资管理和志愿值守",
        {"sanitation_workers", "frontline_workers"}},
       {"职工服务中心窗口服务项目",
        "承接职工服务中心窗口的咨询接待、帮扶受理和法律援助",
        {"needy_workers", "frontline_workers"}},
       {"“职工之家”阵地运营服务项目",
        "运营职工之家活动阵地，组织常态化职工活动",
        {"frontline_workers", nullptr}},
       {"职工法律援助服务站项目",
        "驻站提供劳动争议调解、法律咨询和法律援助",
        {"migrant_workers", "frontline_workers"}},
       {"社区工会服务站运营项目",
        "运营社区工会服务站，服务辖区小微企业职工",
        {"frontline_workers", "new_employment_workers"}}}}},
    {"new_employment",
     12,
     18,
     40,
     12,
     {{{"新就业形态劳动者暖心驿站服务项目",
        "运营暖心驿站，为快递员、外卖送餐员和网约车司机提供休息和应急服务",
        {"new_employment_workers", nullptr}},
       {"快递员外卖送餐员入会和关爱服务项目",
        "推动快递员、外卖送餐员入会并开展关爱服务",
        {"new_employment_workers", nullptr}},
       {"网约车司机关爱服务项目",
        "为网约车司机提供健康体检、法律咨询和交通安全培训",
        {"new_employment_workers", nullptr}},
       {"新就业形态劳动者权益维护服务项目",
        "开展劳动权益宣讲、协商调解和法律援助",
        {"new_employment_workers", "young_workers"}},
       {"货车司机“司机之家”服务项目",
        "运营司机之家，提供停车休息、餐饮洗浴和维权服务",
        {"new_employment_workers", "migrant_workers"}},
       {"新就业形态劳动者技能提升项目",
        "为新就业形态劳动者开展职业技能和安全培训",
        {"new_employment_workers", "young_workers"}}}}},
    {"common_prosperity",
     10,
     14,
     30,
     9,
     {{{"困难职工帮扶解困服务项目",
        "开展困难职工家庭走访、需求评估和精准帮扶",
        {"needy_workers", nullptr}},
       {"农民工就业创业指导服务项目",
        "提供就业信息、创业指导和职业介绍服务",
        {"migrant_workers", nullptr}},
       {"乡村工匠培育服务项目",
        "培育乡村工匠并组织技能帮带和产品推介",
        {"migrant_workers", "model_workers"}},
       {"职工消费帮扶服务项目",
        "组织职工消费帮扶和农产品展销活动",
        {"frontline_workers", "needy_workers"}},
       {"低收入职工家庭增收服务项目",
        "为低收入职工家庭提供技能培训和增收指导",
        {"needy_workers", "women_workers"}},
       {"“金秋助学”困难职工家庭服务项目",
        "为困难职工家庭子女提供助学资助和成长跟踪",
        {"needy_workers", "workers_children"}}}}},
    {"volunteer",
     11,
     8,
     55,
     18,
     {{{"职工志愿服务队培育项目",
        "培育职工志愿服务队，开展志愿者培训和项目指导",
        {"young_workers", "model_workers"}},
       {"“工会志愿者在行动”公益服务项目",
        "组织职工志愿者开展社区服务和文明实践活动",
        {"young_workers", "frontline_workers"}},
       {"环卫工人爱心早餐志愿服务项目",
        "联合爱心商户为环卫工人提供爱心早餐和节日慰问",
        {"sanitation_workers", nullptr}},
       {"职工应急救护志愿培训项目",
        "开展应急救护培训和急救志愿者认证",
        {"frontline_workers", "young_workers"}},
       {"“劳模志愿服务”进社区项目",
        "组织劳模工匠志愿者进社区开展技术咨询和便民服务",
        {"model_workers", nullptr}},
       {"职工普法志愿服务项目",
        "组织律师志愿者开展普法宣讲和法律咨询",
        {"migrant_workers", "frontline_workers"}}}}},
};

const std::map<std::string_view, std::string_view> kGroupNames = {
    {"new_employment_workers", "新就业形态劳动者"},
    {"sanitation_workers", "环卫职工"},
    {"model_workers", "劳模工匠"},
    {"needy_workers", "困难职工"},
    {"workers_children", "职工子女"},
    {"migrant_workers", "农民工"},
    {"women_workers", "女职工"},
    {"frontline_workers", "一线职工"},
    {"young_workers", "青年职工"}};

constexpr std::array<int, kDemoLastYear - kDemoFirstYear + 1> kYearShares = {12, 16, 19, 24, 29};
constexpr std::array<int, 12> kMonthShares = {3, 3, 10, 12, 12, 11, 9, 8, 9, 9, 8, 6};
const char* const kPhases[] = {"二", "三", "四", "五", "六", "七", "八", "九", "十"};

core::Date AddMonths(const core::Date& d, int months) {
  const int index = d.year * 12 + (d.month - 1) + months;
  const int year = index / 12, month = index % 12 + 1;
  return {year, month, std::min(d.day, core::DaysInMonth(year, month))};
}

// One project before its money and person-times are apportioned.
struct Draft {
  HistoricalProject h;
  const Category* category = nullptr;
  std::int64_t contract_weight = 0;
  int spent_permille = 0;
};

// The dates, status and output dates of `d`, contracted in `year`.
void PlanDates(Draft& d, Sequence& seq, int year) {
  const int month = static_cast<int>(seq.Pick(kMonthShares)) + 1;
  const core::Date contracted{year, month, static_cast<int>(seq.Between(1, 28))};
  core::Date start = core::AddDays(contracted, seq.Between(0, 14));
  if (start > kCutoff) start = contracted;
  const bool multi_year = seq.Chance(std::string_view(d.category->code) == "stations" ? 40 : 18);
  core::Date end;
  if (multi_year) {
    end = core::AddDays(AddMonths(start, static_cast<int>(seq.Between(12, 24))), -1);
  } else if (month <= 8) {
    end = {year, 12, 31};  // the usual annual purchase
  } else {
    end = core::AddDays(AddMonths(start, static_cast<int>(seq.Between(6, 12))), -1);
  }
  HistoricalProject& h = d.h;
  h.contracted_on = core::FormatDate(contracted);
  h.project.start_on = core::FormatDate(start);
  h.project.end_on = core::FormatDate(end);
  if (end <= core::Date{kDemoLastYear, 6, 30}) {
    h.status = seq.Chance(88) ? ProjectStatus::kClosed : ProjectStatus::kAccepted;
  } else if (end <= kCutoff) {
    h.status = seq.Chance(55) ? ProjectStatus::kAccepted : ProjectStatus::kClosed;
  } else if (contracted >= core::Date{kDemoLastYear, 10, 1} && seq.Chance(50)) {
    h.status = ProjectStatus::kContracted;
  } else {
    h.status = ProjectStatus::kInProgress;
  }
  // Outputs are reported about quarterly, the last at the end (or at the cut-off).
  const core::Date last = std::min(end, kCutoff);
  const std::int64_t span = core::DaysFromCivil(last) - core::DaysFromCivil(start);
  std::int64_t n = std::clamp<std::int64_t>(span / 90 + 1, 1, 8);
  if (h.status == ProjectStatus::kContracted) n = std::min<std::int64_t>(n, 2);
  for (std::int64_t k = 0; k < n; ++k) {
    h.outputs.push_back({core::FormatDate(core::AddDays(start, span * (k + 1) / n)), 0, 0, 0, {}});
  }
  const std::int64_t elapsed =
      span * 1000 /
      std::max<std::int64_t>(1, core::DaysFromCivil(end) - core::DaysFromCivil(start));
  switch (h.status) {
    case ProjectStatus::kClosed:
      d.spent_permille = static_cast<int>(seq.Between(960, 1000));
      break;
    case ProjectStatus::kAccepted:
      d.spent_permille = static_cast<int>(seq.Between(900, 990));
      break;
    case ProjectStatus::kContracted:
      d.spent_permille = static_cast<int>(seq.Between(30, 150));
      break;
    default:
      d.spent_permille = static_cast<int>(
          std::clamp<std::int64_t>(elapsed * seq.Between(80, 110) / 100, 200, 900));
  }
}

// "2021年西安市…项目", made unique with a phase ("（二期）") when the same title recurs.
std::string Title(std::map<std::string, int>& seen, int year, const DemoPlace& place,
                  const Template& t) {
  const std::string base = fmt::format("{}年{}{}", year, place.name, t.title);
  const int n = seen[base]++;
  if (n == 0) return base;
  return n <= 9 ? fmt::format("{}（{}期）", base, kPhases[n - 1])
                : fmt::format("{}（第{}期）", base, n + 1);
}

Draft PlanOne(Sequence& seq, std::map<std::string, int>& seen, const DemoFunder& funder) {
  Draft d;
  const int year = kDemoFirstYear + static_cast<int>(seq.Pick(kYearShares));
  std::array<int, std::size(kCategories)> shares{};
  for (std::size_t i = 0; i < shares.size(); ++i) shares[i] = kCategories[i].share;
  d.category = &kCategories[seq.Pick(shares)];
  const Template& t = d.category->templates[static_cast<std::size_t>(seq.Between(0, 5))];
  const DemoPlace& place = funder.places[static_cast<std::size_t>(
      seq.Between(0, static_cast<std::int64_t>(funder.places.size()) - 1))];
  project::NewProject& p = d.h.project;
  p.title = Title(seen, year, place, t);
  p.category = d.category->code;
  p.funding_unit_id = funder.unit_id;
  p.mode = seq.Chance(12) ? "cooperation" : "purchase";
  p.region_code = place.region_code;
  // One provider mostly, sometimes two or three (distinct, from the place's organisations).
  const std::size_t pool = place.provider_ids.size();
  const std::size_t wanted = std::min<std::size_t>(pool, seq.Chance(70)   ? 1
                                                         : seq.Chance(80) ? 2
                                                                          : 3);
  std::vector<std::size_t> picked;
  while (picked.size() < wanted) {
    const auto i = static_cast<std::size_t>(seq.Between(0, static_cast<std::int64_t>(pool) - 1));
    if (std::find(picked.begin(), picked.end(), i) == picked.end()) picked.push_back(i);
  }
  for (std::size_t i : picked) p.provider_org_ids.push_back(place.provider_ids[i]);
  std::string groups;
  for (const char* g : t.groups) {
    if (g == nullptr) continue;
    p.target_groups.emplace_back(g);
    groups += (groups.empty() ? "" : "、") + std::string(kGroupNames.at(g));
  }
  PlanDates(d, seq, year);
  p.description = fmt::format("{}以{}方式委托{}在{}{}。服务对象：{}；服务期{}至{}。",
                              funder.unit_name, p.mode == "purchase" ? "购买服务" : "合作共建",
                              place.provider_names[picked.front()], place.name, t.work, groups,
                              p.start_on, p.end_on);
  // Contracts grow over the years; a few projects are several times the typical size.
  const std::int64_t size = seq.Between(35, 165) + (seq.Chance(5) ? 300 : 0);
  d.contract_weight = d.category->typical_wan * size * (100 + 8 * (year - kDemoFirstYear));
  return d;
}

// Apportions the contracts, the person-times and the spending of `drafts`, and fills in budgets
// and events.
void Settle(std::vector<Draft>& drafts, Sequence& seq, const DemoTotals& totals) {
  std::vector<std::int64_t> weights;
  for (const Draft& d : drafts) weights.push_back(d.contract_weight);
  const std::vector<std::int64_t> units =
      Apportion(totals.contract_fen / kContractUnitFen, weights);
  // Every output gets at least one person-time; the rest goes by contract and reach.
  std::int64_t outputs = 0;
  weights.clear();
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    outputs += static_cast<std::int64_t>(drafts[i].h.outputs.size());
    weights.push_back(units[i] * drafts[i].category->reach * seq.Between(70, 130));
  }
  const std::vector<std::int64_t> person_times =
      Apportion(std::max<std::int64_t>(0, totals.person_times - outputs), weights);
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    HistoricalProject& h = drafts[i].h;
    h.contract_fen = std::max<std::int64_t>(units[i], 1) * kContractUnitFen;
    const std::int64_t budget = h.contract_fen * (1000 + seq.Between(0, 150)) / 1000;
    h.project.budget_fen = (budget + kContractUnitFen - 1) / kContractUnitFen * kContractUnitFen;
    std::vector<std::int64_t> shares;
    for (std::size_t k = 0; k < h.outputs.size(); ++k) shares.push_back(seq.Between(60, 140));
    const std::vector<std::int64_t> parts = Apportion(person_times[i], shares);
    shares.clear();
    for (std::size_t k = 0; k < h.outputs.size(); ++k) {
      project::NewOutput& o = h.outputs[k];
      o.person_times = parts[k] + 1;
      const std::int64_t per_event = std::max<std::int64_t>(
          1, drafts[i].category->people_per_event * seq.Between(70, 130) / 100);
      o.events = std::max<std::int64_t>(1, (o.person_times + per_event / 2) / per_event);
      shares.push_back(o.person_times);
    }
    const std::vector<std::int64_t> spent =
        Apportion(h.contract_fen * drafts[i].spent_permille / 1000, shares);
    for (std::size_t k = 0; k < h.outputs.size(); ++k) h.outputs[k].spent_fen = spent[k];
  }
}

}  // namespace

std::vector<HistoricalProject> PlanDemoProjects(const std::vector<DemoFunder>& all,
                                                const DemoTotals& totals) {
  // A place without organisations to provide its projects has none.
  std::vector<DemoFunder> funders = all;
  for (DemoFunder& f : funders) {
    std::erase_if(f.places, [](const DemoPlace& p) { return p.provider_ids.empty(); });
  }
  std::vector<std::int64_t> weights;
  for (const DemoFunder& f : funders) weights.push_back(f.places.empty() ? 0 : f.weight);
  if (std::all_of(weights.begin(), weights.end(), [](std::int64_t w) { return w <= 0; })) {
    return {};
  }
  const std::vector<std::int64_t> counts = Apportion(totals.projects, weights);
  Sequence seq(kSeed);
  std::map<std::string, int> seen;
  std::vector<Draft> drafts;
  drafts.reserve(static_cast<std::size_t>(totals.projects));
  for (std::size_t f = 0; f < funders.size(); ++f) {
    for (std::int64_t i = 0; i < counts[f]; ++i) drafts.push_back(PlanOne(seq, seen, funders[f]));
  }
  Settle(drafts, seq, totals);
  // Oldest contract first, so that ids grow with the dates (lists show the newest first).
  std::stable_sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
    return a.h.contracted_on < b.h.contracted_on;
  });
  std::vector<HistoricalProject> out;
  out.reserve(drafts.size());
  for (Draft& d : drafts) out.push_back(std::move(d.h));
  return out;
}

core::Result<project::ImportSummary> BuildDemoProjects(project::ProjectService& projects,
                                                       const domain::account::Actor& admin,
                                                       const std::vector<DemoFunder>& funders,
                                                       const DemoTotals& totals) {
  const std::vector<HistoricalProject> plan = PlanDemoProjects(funders, totals);
  project::ImportSummary sum;
  for (std::size_t start = 0; start < plan.size(); start += kDemoImportChunk) {
    const auto first = plan.begin() + static_cast<std::ptrdiff_t>(start);
    const auto n = static_cast<std::ptrdiff_t>(std::min(kDemoImportChunk, plan.size() - start));
    auto part = projects.ImportHistorical(admin, {first, first + n});
    if (!part) return part.error();
    sum.projects += part->projects;
    sum.outputs += part->outputs;
    sum.contract_fen += part->contract_fen;
    sum.person_times += part->person_times;
    sum.events += part->events;
    sum.spent_fen += part->spent_fen;
  }
  return sum;
}

}  // namespace lianyin::app
