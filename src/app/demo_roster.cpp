#include "app/demo_roster.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "core/resident_id.hpp"
#include "domain/dictionary/dictionary.hpp"
#include "domain/worker/worker_import.hpp"

namespace lianyin::app {
namespace {

// Common surnames of Fuzhou, the most common repeated so that they come up as often as there.
constexpr const char* kSurnames[] = {
    "陈", "陈", "陈", "林", "林", "林", "黄", "黄", "张", "吴", "王", "李", "刘", "郑", "杨",
    "何", "周", "许", "蔡", "谢", "徐", "江", "叶", "游", "郭", "高", "施", "苏", "罗", "朱",
    "卢", "庄", "詹", "魏", "邱", "潘", "曾", "方", "翁", "薛", "池", "赖", "余", "卓", "危"};
constexpr const char* kMaleFirst[] = {"建", "志", "文", "国", "永", "俊", "家", "明", "德", "伟",
                                      "晓", "宇", "子", "天", "嘉", "振", "立", "承", "荣", "鸿"};
constexpr const char* kMaleLast[] = {"强", "伟", "军", "杰", "涛", "斌", "辉", "鹏", "华", "峰",
                                     "勇", "浩", "凯", "榕", "彬", "龙", "航", "锋", "晨", "磊",
                                     "平", "生", "忠", "海", "东", "坤", "亮", "超", "鑫", "炜"};
constexpr const char* kFemaleFirst[] = {"秀", "丽", "晓", "美", "雅", "淑", "玉", "思", "佳", "婉",
                                        "梦", "雪", "海", "春", "小", "月", "诗", "慧", "欣", "静"};
constexpr const char* kFemaleLast[] = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲",
                                       "婷", "雪", "慧", "琳", "洁", "颖", "萍", "倩", "怡", "晶",
                                       "莉", "红", "梅", "兰", "琴", "云", "英", "凤", "珍", "蓉"};

// Where migrant workers' ID numbers were first issued: counties of Fujian outside Fuzhou and of
// the provinces most of Fuzhou's migrants come from (not checked against the regions table).
constexpr const char* kHometowns[] = {"350322", "350583", "350781", "350824", "350425",
                                      "360732", "360121", "341221", "513022", "522422",
                                      "430523", "411524", "421127", "452626", "362131"};

// An employer of the roster and who works there.
struct EmployerSpec {
  const char* name;
  int weight;           // relative share of the roster
  const char* groups;   // the groups its workers have, comma-separated
  int migrant_percent;  // of its workers, from outside Fuzhou
  int female_percent;
};
constexpr EmployerSpec kEmployers[] = {
    {"福州榕通快递服务有限公司", 9, "new_employment_workers", 55, 10},
    {"福州闽食外卖配送服务站", 10, "new_employment_workers", 60, 8},
    {"福州榕行网约车服务有限公司", 5, "new_employment_workers", 30, 6},
    {"福州同城货运服务部", 3, "new_employment_workers", 50, 5},
    {"福州市鼓楼区环境卫生服务中心", 5, "sanitation_workers,frontline_workers", 35, 45},
    {"福州市晋安区环卫服务有限公司", 5, "sanitation_workers,frontline_workers", 40, 40},
    {"福州马尾船舶修造有限公司", 6, "frontline_workers", 60, 8},
    {"福州闽江纺织服装有限公司", 7, "frontline_workers", 55, 75},
    {"福州榕建建设工程有限公司", 7, "frontline_workers", 85, 5},
    {"福州海峡物流园有限公司", 5, "frontline_workers", 45, 25},
    {"福州智联电子科技有限公司", 7, "frontline_workers", 40, 55},
    {"福州市公共交通集团有限公司", 5, "frontline_workers", 15, 20},
    {"福州闽都酒店管理有限公司", 4, "frontline_workers", 35, 60},
    {"福州台江家政服务中心", 4, "frontline_workers", 50, 95},
    {"福州三坊七巷文旅服务有限公司", 3, "", 15, 60},
    {"福州仓山社区卫生服务中心", 3, "", 10, 80},
    {"福州软件园信息技术有限公司", 5, "", 20, 35},
};

std::vector<std::string> Split(std::string_view codes) {
  std::vector<std::string> out;
  while (!codes.empty()) {
    const std::size_t comma = codes.find(',');
    out.emplace_back(codes.substr(0, comma));
    codes = comma == std::string_view::npos ? std::string_view() : codes.substr(comma + 1);
  }
  return out;
}

const EmployerSpec& PickEmployer(DemoSequence& seq) {
  int total = 0;
  for (const EmployerSpec& e : kEmployers) total += e.weight;
  int pick = seq.Between(0, total - 1);
  for (const EmployerSpec& e : kEmployers) {
    if (pick < e.weight) return e;
    pick -= e.weight;
  }
  return kEmployers[0];
}

template <typename T, std::size_t N>
const T& PickFrom(DemoSequence& seq, const T (&items)[N]) {
  return items[seq.Next() % N];
}

std::string NameOf(DemoSequence& seq, bool female) {
  std::string name = PickFrom(seq, kSurnames);
  const bool two = seq.Chance(75);
  if (female) {
    if (two) name += PickFrom(seq, kFemaleFirst);
    name += PickFrom(seq, kFemaleLast);
  } else {
    if (two) name += PickFrom(seq, kMaleFirst);
    name += PickFrom(seq, kMaleLast);
  }
  return name;
}

// Positions 1-17 from the region, birth date and a sequence number whose last digit is odd for
// men and even for women, then GB 11643's check character.
std::string IdNumber(DemoSequence& seq, const std::string& region, int year, bool female) {
  const int month = seq.Between(1, 12);
  const int day = seq.Between(1, 28);
  const int sequence = seq.Between(0, 49) * 2 + (female ? 0 : 1) + seq.Between(0, 8) * 100;
  const std::string first17 =
      fmt::format("{}{:04d}{:02d}{:02d}{:03d}", region, year, month, day, sequence);
  return first17 + core::ResidentIdCheckCharacter(first17);
}

// The districts workers live in: the urban districts (区) three times as often as the counties.
std::vector<std::string> Homes(const std::vector<domain::region::Region>& districts) {
  std::vector<std::string> homes;
  for (const domain::region::Region& d : districts) {
    const int times = d.name.ends_with("区") ? 3 : 1;
    for (int i = 0; i < times; ++i) homes.push_back(d.code);
  }
  if (homes.empty()) homes.push_back("350100");
  return homes;
}

}  // namespace

std::uint64_t DemoSequence::Next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

int DemoSequence::Between(int lo, int hi) {
  return lo + static_cast<int>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
}

std::vector<DemoWorker> PlanDemoRoster(int count,
                                       const std::vector<domain::region::Region>& districts,
                                       int year) {
  DemoSequence seq(20260591);
  const std::vector<std::string> homes = Homes(districts);
  std::vector<DemoWorker> roster;
  roster.reserve(static_cast<std::size_t>(std::max(count, 0)));
  for (int i = 0; i < count && i < kDemoRosterMax; ++i) {
    const EmployerSpec& employer = PickEmployer(seq);
    DemoWorker w;
    w.female = seq.Chance(employer.female_percent);
    w.name = NameOf(seq, w.female);
    w.phone = fmt::format("{}{:04d}", kDemoPhonePrefix, i + 1);
    w.region_code = homes[seq.Next() % homes.size()];
    const int age = seq.Chance(8) ? seq.Between(56, 64) : seq.Between(19, 55);
    w.birth_year = year - age;
    const bool migrant = seq.Chance(employer.migrant_percent);
    const std::string hometown = migrant ? PickFrom(seq, kHometowns) : w.region_code;
    w.id_number = IdNumber(seq, hometown, w.birth_year, w.female);
    const bool retired = age >= (w.female ? 55 : 60);
    w.employer = retired ? fmt::format("{}（已退休）", employer.name) : employer.name;
    std::vector<std::string> groups;
    if (!retired) groups = Split(employer.groups);
    if (retired) groups.push_back("retired_workers");
    if (migrant && !retired) groups.push_back("migrant_workers");
    if (w.female && seq.Chance(85)) groups.push_back("women_workers");
    if (age <= 35) groups.push_back("young_workers");
    if (seq.Chance(6)) groups.push_back("needy_workers");
    if (!retired && seq.Chance(3)) groups.push_back("model_workers");
    std::sort(groups.begin(), groups.end());
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
    w.groups = std::move(groups);
    roster.push_back(std::move(w));
  }
  if (!roster.empty() && std::find(homes.begin(), homes.end(), kDemoWorkerHome) != homes.end()) {
    roster.front().region_code = kDemoWorkerHome;
  }
  return roster;
}

std::vector<std::vector<std::string>> RosterTable(const std::vector<DemoWorker>& roster) {
  const domain::dictionary::Dictionary* labels = domain::dictionary::Find("worker_group");
  std::vector<std::vector<std::string>> rows;
  rows.reserve(roster.size() + 1);
  rows.push_back(domain::worker::ImportHeaders());
  for (const DemoWorker& w : roster) {
    std::vector<std::string> names;
    for (const std::string& code : w.groups) {
      const auto* entry = labels ? domain::dictionary::FindEntry(*labels, code) : nullptr;
      names.emplace_back(entry ? entry->label : code);
    }
    rows.push_back({w.name, w.phone, w.id_number, w.employer, w.region_code,
                    fmt::format("{}", fmt::join(names, "、"))});
  }
  return rows;
}

}  // namespace lianyin::app
