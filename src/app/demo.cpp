#include "app/demo.hpp"

#include <map>

#include <fmt/format.h>

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

const char* kThemes[] = {"职工服务", "新就业形态劳动者关爱", "职工心理健康", "职工子女托管",
                         "技能提升", "职工文体", "法律援助", "公益志愿", "社区工会服务",
                         "困难职工帮扶"};
const char* kKinds[] = {"中心", "协会", "服务社", "促进会", "社会工作服务站"};
const char* kReps[] = {"王伟", "李娜", "张敏", "刘洋", "陈静", "林峰", "黄丽", "郑强", "吴芳", "周磊"};

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
  o.founded_on = fmt::format("{}-{:02d}-{:02d}", 2008 + serial % 15, serial % 12 + 1, serial % 28 + 1);
  o.business_scope = fmt::format("{}；政策咨询；志愿服务", kThemes[serial % 10]);
  o.service_categories = {org::ServiceCategories()[serial % 8], org::ServiceCategories()[(serial + 3) % 8]};
  o.labour_field = true;
  return o;
}

struct Bodies {
  std::int64_t union_id = 0;
  std::int64_t civil_id = 0;
};

core::Result<std::map<std::string, Bodies>> BuildUnits(account::UnitService& units,
                                                        const std::vector<region::Region>& provinces,
                                                        const account::Actor& admin,
                                                        DemoReport& report) {
  auto root = units.RootUnit();
  if (!root) return root.error();
  std::map<std::string, Bodies> bodies;
  const std::pair<const char*, account::UnitKind> tops[] = {
      {"中华全国总工会", account::UnitKind::kUnion}, {"民政部", account::UnitKind::kCivilAffairs}};
  for (const auto& [name, kind] : tops) {
    auto top = units.Create(admin, {name, kind, region::kNationCode, root->id, {}});
    if (!top) return top.error();
    ++report.units;
    for (const region::Region& p : provinces) {
      auto body = units.Create(admin, {ProvincialBody(p, kind), kind, p.code, top->unit.id, {}});
      if (!body) return body.error();
      ++report.units;
      (kind == account::UnitKind::kUnion ? bodies[p.code].union_id : bodies[p.code].civil_id) =
          body->unit.id;
    }
  }
  return bodies;
}

core::Result<void> BuildFuzhou(account::UnitService& units, region::RegionService& regions,
                               org::OrgService& orgs, const account::Actor& admin,
                               const Bodies& fujian, DemoReport& report) {
  auto districts = regions.Children(kFuzhou);
  if (!districts || districts->empty()) return {};  // a regions file without Fuzhou: skip it
  auto union_unit = units.Create(admin, {"福州市总工会", account::UnitKind::kUnion, kFuzhou,
                                         fujian.union_id, {}});
  auto civil = units.Create(admin, {"福州市民政局", account::UnitKind::kCivilAffairs, kFuzhou,
                                    fujian.civil_id, {}});
  if (!union_unit) return union_unit.error();
  if (!civil) return civil.error();
  report.units += 2;
  for (int i = 1; i <= kFuzhouOrgs; ++i) {
    const region::Region& where = (*districts)[static_cast<std::size_t>(i) % districts->size()];
    auto created = orgs.Create(admin, DemoOrg(i, where, civil->unit.id));
    if (!created) return created.error();
    ++report.orgs;
    auto link = orgs.LinkOrg(admin, union_unit->unit.id, created->org.id,
                             fmt::format("2022-{:02d}-{:02d}", i % 12 + 1, i % 28 + 1));
    if (!link) return link.error();
    ++report.links;
  }
  return {};
}

}  // namespace

core::Result<DemoReport> BuildDemo(account::UnitService& units, region::RegionService& regions,
                                   org::OrgService& orgs, const account::Actor& admin) {
  auto all = regions.Children(region::kNationCode);
  if (!all) return all.error();
  std::vector<region::Region> provinces;
  for (const region::Region& p : *all) {
    // Taiwan, Hong Kong and Macao have their own systems.
    if (p.code != "710000" && p.code != "810000" && p.code != "820000") provinces.push_back(p);
  }
  DemoReport report;
  auto bodies = BuildUnits(units, provinces, admin, report);
  if (!bodies) return bodies.error();
  if (bodies->contains(kFujian)) {
    if (auto ok = BuildFuzhou(units, regions, orgs, admin, bodies->at(kFujian), report); !ok) {
      return ok.error();
    }
  }
  int serial = 1000;
  for (const region::Region& p : provinces) {
    for (int i = 0; i < kOrgsPerProvince; ++i, ++serial) {
      auto created = orgs.Create(admin, DemoOrg(serial, p, bodies->at(p.code).civil_id));
      if (!created) return created.error();
      ++report.orgs;
    }
  }
  return report;
}

}  // namespace lianyin::app
