#include "app/demo.hpp"

#include <fmt/format.h>

#include <map>

#include "app/demo_projects.hpp"
#include "core/uscc.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
namespace org = domain::org;
namespace region = domain::region;

constexpr const char* kFujian = "350000";
constexpr const char* kFuzhou = "350100";
constexpr int kFuzhouOrgs = 180;  // registered at the shared base (SPEC §6)
constexpr int kOrgsPerProvince = 4;

const char* kThemes[] = {"职工服务",     "新就业形态劳动者关爱",
                         "职工心理健康", "职工子女托管",
                         "技能提升",     "职工文体",
                         "法律援助",     "公益志愿",
                         "社区工会服务", "困难职工帮扶"};
const char* kKinds[] = {"中心", "协会", "服务社", "促进会", "社会工作服务站"};
const char* kReps[] = {"王伟", "李娜", "张敏", "刘洋", "陈静",
                       "林峰", "黄丽", "郑强", "吴芳", "周磊"};

// "北京市" → "北京市总工会"; provincial civil-affairs bodies are 民政厅, municipalities' 民政局.
std::string ProvincialBody(const region::Region& province, account::UnitKind kind) {
  if (kind == account::UnitKind::kUnion) return province.name + "总工会";
  const bool municipality = province.name.ends_with("市");
  return province.name + (municipality ? "民政局" : "民政厅");
}

// A valid USCC of a civil-affairs registered organisation: 5, type, region, MJ + serial, check.
std::string Uscc(bool social_group, const std::string& region_code, int serial) {
  const std::string first17 =
      fmt::format("5{}{}MJ{:07d}", social_group ? '1' : '2', region_code, serial);
  return first17 + core::UsccCheckCharacter(first17).value_or('0');
}

org::NewOrg DemoOrg(int serial, const region::Region& where, std::int64_t unit) {
  const bool group = serial % 3 == 0;
  org::NewOrg o;
  o.name = fmt::format("{}{}{}{}", where.name, kThemes[serial % 10], kKinds[serial % 5],
                       serial > 10 ? fmt::format("（第{}分站）", serial % 97 + 1) : "");
  o.uscc = Uscc(group, where.code, serial);
  o.org_type = group ? "social_group" : "social_service";
  o.region_code = where.code;
  o.registration_unit_id = unit;
  o.legal_rep = kReps[serial % 10];
  o.phone = fmt::format("139{:08d}", 10000000 + serial * 7919 % 90000000);
  o.founded_on =
      fmt::format("{}-{:02d}-{:02d}", 2008 + serial % 15, serial % 12 + 1, serial % 28 + 1);
  o.business_scope = fmt::format("{}；政策咨询；志愿服务", kThemes[serial % 10]);
  o.service_categories = {org::ServiceCategories()[serial % 8],
                          org::ServiceCategories()[(serial + 3) % 8]};
  o.labour_field = true;
  return o;
}

// A province's share of the projects, relative: its population in millions (2020 census), plus a
// floor so that the smallest provinces still have a few dozen.
std::int64_t ProvinceWeight(const std::string& code) {
  static const std::map<std::string, int> kMillions = {
      {"110000", 22}, {"120000", 14}, {"130000", 75}, {"140000", 35},  {"150000", 24},
      {"210000", 43}, {"220000", 24}, {"230000", 32}, {"310000", 25},  {"320000", 85},
      {"330000", 65}, {"340000", 61}, {"350000", 41}, {"360000", 45},  {"370000", 102},
      {"410000", 99}, {"420000", 58}, {"430000", 66}, {"440000", 126}, {"450000", 50},
      {"460000", 10}, {"500000", 32}, {"510000", 84}, {"520000", 39},  {"530000", 47},
      {"540000", 4},  {"610000", 40}, {"620000", 25}, {"630000", 6},   {"640000", 7},
      {"650000", 26}};
  const auto it = kMillions.find(code);
  return 20 + (it == kMillions.end() ? 20 : it->second);
}
constexpr std::int64_t kNationalWeight = 20;  // projects 中华全国总工会 funds itself
constexpr std::int64_t kFuzhouWeight = 30;    // 福州市总工会's, besides the province's

struct Bodies {
  std::int64_t union_id = 0;
  std::int64_t civil_id = 0;
  std::string union_name;
};

struct Units {
  std::int64_t national_union_id = 0;
  std::map<std::string, Bodies> provinces;  // by region code
};

// Whether a child region of a province is a real place or a grouping of the source ("县", "省直辖
// 县", a municipality's city level named like the province itself).
bool IsGrouping(const region::Region& child, const region::Region& province) {
  return child.name == province.name || child.name == "县" || child.name == "市辖区" ||
         child.name.find("直辖县") != std::string::npos;
}

// The places projects of a province are run in: its cities, or, below a grouping, the districts
// and counties themselves (a municipality's districts; the counties a province runs directly).
std::vector<region::Region> PlacesIn(region::RegionService& regions,
                                     const region::Region& province) {
  std::vector<region::Region> places;
  auto children = regions.Children(province.code);
  if (!children) return places;
  for (const region::Region& child : *children) {
    if (!IsGrouping(child, province)) {
      places.push_back(child);
    } else if (auto below = regions.Children(child.code)) {
      places.insert(places.end(), below->begin(), below->end());
    }
  }
  return places;
}

core::Result<Units> BuildUnits(account::UnitService& units,
                               const std::vector<region::Region>& provinces,
                               const account::Actor& admin, DemoReport& report) {
  auto root = units.RootUnit();
  if (!root) return root.error();
  Units built;
  std::map<std::string, Bodies>& bodies = built.provinces;
  const std::pair<const char*, account::UnitKind> tops[] = {
      {"中华全国总工会", account::UnitKind::kUnion}, {"民政部", account::UnitKind::kCivilAffairs}};
  for (const auto& [name, kind] : tops) {
    auto top = units.Create(admin, {name, kind, region::kNationCode, root->id, {}});
    if (!top) return top.error();
    ++report.units;
    const bool is_union = kind == account::UnitKind::kUnion;
    if (is_union) built.national_union_id = top->unit.id;
    for (const region::Region& p : provinces) {
      const std::string body_name = ProvincialBody(p, kind);
      auto body = units.Create(admin, {body_name, kind, p.code, top->unit.id, {}});
      if (!body) return body.error();
      ++report.units;
      if (is_union) {
        bodies[p.code].union_id = body->unit.id;
        bodies[p.code].union_name = body_name;
      } else {
        bodies[p.code].civil_id = body->unit.id;
      }
    }
  }
  return built;
}

// Fuzhou's union and civil-affairs bureau and the organisations of its shared base; adds the
// city union as a funder of projects in the districts, provided by the base's organisations.
core::Result<void> BuildFuzhou(account::UnitService& units, region::RegionService& regions,
                               org::OrgService& orgs, const account::Actor& admin,
                               const Bodies& fujian, DemoReport& report,
                               std::vector<DemoFunder>& funders) {
  auto districts = regions.Children(kFuzhou);
  if (!districts || districts->empty()) return {};  // a regions file without Fuzhou: skip it
  auto union_unit = units.Create(
      admin, {"福州市总工会", account::UnitKind::kUnion, kFuzhou, fujian.union_id, {}});
  auto civil = units.Create(
      admin, {"福州市民政局", account::UnitKind::kCivilAffairs, kFuzhou, fujian.civil_id, {}});
  if (!union_unit) return union_unit.error();
  if (!civil) return civil.error();
  report.units += 2;
  report.fuzhou_union_id = union_unit->unit.id;
  DemoFunder funder{union_unit->unit.id, "福州市总工会", kFuzhouWeight, {}};
  for (const region::Region& d : *districts) funder.places.push_back({d.code, d.name, {}, {}});
  for (int i = 1; i <= kFuzhouOrgs; ++i) {
    const std::size_t district = static_cast<std::size_t>(i) % districts->size();
    auto created = orgs.Create(admin, DemoOrg(i, (*districts)[district], civil->unit.id));
    if (!created) return created.error();
    ++report.orgs;
    report.fuzhou_org_ids.push_back(created->org.id);
    funder.places[district].provider_ids.push_back(created->org.id);
    funder.places[district].provider_names.push_back(created->org.name);
    auto link = orgs.LinkOrg(admin, union_unit->unit.id, created->org.id,
                             fmt::format("2022-{:02d}-{:02d}", i % 12 + 1, i % 28 + 1));
    if (!link) return link.error();
    ++report.links;
  }
  funders.push_back(std::move(funder));
  return {};
}

}  // namespace

core::Result<DemoReport> BuildDemo(account::UnitService& units, region::RegionService& regions,
                                   org::OrgService& orgs, domain::project::ProjectService& projects,
                                   const account::Actor& admin, const DemoTotals& project_totals) {
  auto all = regions.Children(region::kNationCode);
  if (!all) return all.error();
  std::vector<region::Region> provinces;
  for (const region::Region& p : *all) {
    // Taiwan, Hong Kong and Macao have their own systems.
    if (p.code != "710000" && p.code != "810000" && p.code != "820000") provinces.push_back(p);
  }
  DemoReport report;
  auto built = BuildUnits(units, provinces, admin, report);
  if (!built) return built.error();
  const std::map<std::string, Bodies>& bodies = built->provinces;
  std::vector<DemoFunder> funders;
  if (bodies.contains(kFujian)) {
    auto ok = BuildFuzhou(units, regions, orgs, admin, bodies.at(kFujian), report, funders);
    if (!ok) return ok.error();
  }
  // 中华全国总工会 funds a few projects in every province; each provincial union many in its
  // cities. Both are provided by the province's own demo organisations.
  DemoFunder national{built->national_union_id, "中华全国总工会", kNationalWeight, {}};
  int serial = 1000;
  for (const region::Region& p : provinces) {
    DemoPlace province{p.code, p.name, {}, {}};
    for (int i = 0; i < kOrgsPerProvince; ++i, ++serial) {
      auto created = orgs.Create(admin, DemoOrg(serial, p, bodies.at(p.code).civil_id));
      if (!created) return created.error();
      ++report.orgs;
      province.provider_ids.push_back(created->org.id);
      province.provider_names.push_back(created->org.name);
    }
    DemoFunder funder{
        bodies.at(p.code).union_id, bodies.at(p.code).union_name, ProvinceWeight(p.code), {}};
    for (const region::Region& place : PlacesIn(regions, p)) {
      funder.places.push_back(
          {place.code, place.name, province.provider_ids, province.provider_names});
    }
    funders.push_back(std::move(funder));
    national.places.push_back(std::move(province));
  }
  funders.insert(funders.begin(), std::move(national));
  auto imported = BuildDemoProjects(projects, admin, funders, project_totals);
  if (!imported) return imported.error();
  report.projects = imported->projects;
  report.project_outputs = imported->outputs;
  report.contract_fen = imported->contract_fen;
  report.person_times = imported->person_times;
  report.national_union_id = built->national_union_id;
  if (bodies.contains("150000")) report.inner_mongolia_civil_id = bodies.at("150000").civil_id;
  if (bodies.contains("610000")) report.shaanxi_civil_id = bodies.at("610000").civil_id;
  return report;
}

}  // namespace lianyin::app
