#include "app/demo_inspections.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "app/services.hpp"
#include "core/uscc.hpp"
#include "domain/account/actor_builder.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
namespace insp = domain::inspection;

constexpr const char* kBaotou = "150200";
constexpr const char* kGuyang = "150222";  // 固阳县

const char* kInspectorNames[] = {"巴特尔", "其其格", "王建国", "乌云",   "张志强",
                                 "萨仁",   "李文华", "阿拉坦", "刘海燕", "敖登"};
const char* kThemes[] = {"职工服务", "社会工作", "养老服务", "青少年发展", "乡村振兴", "志愿服务"};
const char* kKinds[] = {"协会", "服务中心", "促进会", "服务社"};

// One body of the demo with its officer and inspectors.
struct Level {
  std::int64_t unit_id = 0;
  account::Actor officer;
  std::vector<account::Actor> inspectors;
};

core::Result<account::Actor> MakeUser(Services& services, const account::Actor& admin,
                                      const std::string& username, const std::string& name,
                                      std::int64_t unit_id, const char* role,
                                      const std::string& password) {
  auto created = services.users.Create(
      admin, {username, password, name, unit_id, {role}, std::nullopt, std::nullopt, false});
  if (!created) return created.error();
  auto unit = services.units.Get(admin, unit_id);
  if (!unit) return unit.error();
  store::Session session = services.writer.db().Acquire();
  account::Actor actor = account::BuildActor(session, created->user, unit->unit);
  actor.request_id = admin.request_id;
  return actor;
}

// `count` registered organisations of `unit` spread over `places`, serials from `serial`.
core::Result<int> MakeOrgs(Services& services, const account::Actor& admin, std::int64_t unit,
                           const std::vector<domain::region::Region>& places, int count,
                           int serial) {
  for (int i = 0; i < count; ++i, ++serial) {
    const domain::region::Region& where = places[static_cast<std::size_t>(i) % places.size()];
    const bool group = serial % 2 == 0;
    const std::string first17 = fmt::format("5{}{}MJ{:07d}", group ? '1' : '2', where.code, serial);
    domain::org::NewOrg o;
    o.name = fmt::format("{}{}{}{}", where.name, kThemes[serial % 6], kKinds[serial % 4],
                         i >= 24 ? fmt::format("（{}）", i) : "");
    o.uscc = first17 + core::UsccCheckCharacter(first17).value_or('0');
    o.org_type = group ? "social_group" : "social_service";
    o.region_code = where.code;
    o.registration_unit_id = unit;
    o.legal_rep = kInspectorNames[(serial + 3) % 10];
    o.phone = fmt::format("1384{:07d}", serial);
    o.founded_on = fmt::format("{}-{:02d}-15", 2010 + serial % 12, serial % 12 + 1);
    o.business_scope = fmt::format("{}；政策咨询", kThemes[serial % 6]);
    o.service_categories = {domain::org::ServiceCategories()[serial % 8]};
    o.status = "registered";
    auto created = services.orgs.Create(admin, o);
    if (!created) return created.error();
  }
  return count;
}

core::Result<Level> MakeLevel(Services& services, const account::Actor& admin, std::int64_t unit_id,
                              const std::string& tag, const std::string& body, int inspectors,
                              const std::string& password) {
  Level level{unit_id, {}, {}};
  auto officer = MakeUser(services, admin, "demo." + tag, body + "（演示干部）", unit_id,
                          "civil_affairs_officer", password);
  if (!officer) return officer.error();
  level.officer = *officer;
  for (int i = 0; i < inspectors; ++i) {
    const std::string name =
        fmt::format("{}（{}执法人员）", kInspectorNames[(i + tag.size()) % 10], body);
    auto inspector = MakeUser(services, admin, fmt::format("demo.{}.inspector{}", tag, i + 1), name,
                              unit_id, "inspector", password);
    if (!inspector) return inspector.error();
    level.inspectors.push_back(*inspector);
  }
  return level;
}

// Plans, draws, records every result and publishes; the plan's id.
core::Result<std::int64_t> Inspect(Services& services, const Level& level, const std::string& name,
                                   const std::map<std::int64_t, const account::Actor*>& by_id) {
  insp::NewPlan plan{name, 1, 2, {}, level.unit_id, {}};
  auto preview = services.inspections.Preview(level.officer, {}, level.unit_id);
  if (!preview) return preview.error();
  plan.sample_size = std::max<std::int64_t>(2, preview->hint.suggested_sample_size);
  auto created = services.inspections.CreatePlan(level.officer, plan);
  if (!created) return created.error();
  auto drawn = services.inspections.DrawPlan(level.officer, created->plan.id);
  if (!drawn) return drawn.error();
  int n = 0;
  for (const insp::Selection& s : drawn->plan.selections) {
    const bool issue = ++n % 3 == 0;
    const account::Actor& inspector = *by_id.at(s.inspector_ids.front());
    auto recorded = services.inspections.RecordResult(
        inspector, created->plan.id, s.uscc, issue ? "rectify" : "no_issue",
        issue ? "财务管理制度不健全，未按章程召开理事会；已责令30日内整改" : "");
    if (!recorded) return recorded.error();
  }
  auto published = services.inspections.Publish(level.officer, created->plan.id);
  if (!published) return published.error();
  return created->plan.id;
}

}  // namespace

core::Result<DemoInspectionsReport> BuildDemoInspections(Services& services,
                                                         const account::Actor& admin,
                                                         std::int64_t province_civil_id,
                                                         const std::string& password) {
  DemoInspectionsReport report;
  auto districts = services.regions.Children(kBaotou);
  if (province_civil_id == 0 || !districts || districts->empty()) return report;
  auto guyang = services.regions.Get(kGuyang);
  if (!guyang) return report;
  auto city = services.units.Create(
      admin, {"包头市民政局", account::UnitKind::kCivilAffairs, kBaotou, province_civil_id, {}});
  if (!city) return city.error();
  auto county = services.units.Create(
      admin, {"固阳县民政局", account::UnitKind::kCivilAffairs, kGuyang, city->unit.id, {}});
  if (!county) return county.error();
  report.units = 2;
  std::vector<domain::region::Region> city_places;
  for (const auto& d : *districts) {
    if (d.code != kGuyang) city_places.push_back(d);
  }
  auto city_orgs = MakeOrgs(services, admin, city->unit.id, city_places, 40, 6000);
  if (!city_orgs) return city_orgs.error();
  auto county_orgs = MakeOrgs(services, admin, county->unit.id, {guyang->region}, 30, 6100);
  if (!county_orgs) return county_orgs.error();
  report.orgs = *city_orgs + *county_orgs;

  auto province =
      MakeLevel(services, admin, province_civil_id, "nmg", "内蒙古自治区民政厅", 4, password);
  if (!province) return province.error();
  auto baotou = MakeLevel(services, admin, city->unit.id, "bt", "包头市民政局", 4, password);
  if (!baotou) return baotou.error();
  auto gy = MakeLevel(services, admin, county->unit.id, "gy", "固阳县民政局", 3, password);
  if (!gy) return gy.error();
  std::map<std::int64_t, const account::Actor*> by_id;
  for (const Level* level : {&*province, &*baotou, &*gy}) {
    for (const account::Actor& a : level->inspectors) by_id[a.user_id] = &a;
    report.inspectors += static_cast<int>(level->inspectors.size());
  }
  // A standing declaration (回避): the county's first inspector chaired a county association.
  // (serial 6101: MakeOrgs' second county organisation, a social-service one)
  const std::string first17 = fmt::format("52{}MJ{:07d}", kGuyang, 6101);
  const std::string first_county = first17 + core::UsccCheckCharacter(first17).value_or('0');
  const account::Actor& declarer = gy->inspectors.front();
  if (auto d = services.inspections.Declare(declarer, declarer.user_id, first_county); !d) {
    return d.error();
  }
  const std::pair<const Level*, const char*> plans[] = {
      {&*province, "2024年度内蒙古自治区社会组织“双随机、一公开”抽查"},
      {&*baotou, "2024年度包头市社会组织“双随机、一公开”抽查"},
      {&*gy, "2024年度固阳县社会组织“双随机、一公开”抽查"}};
  for (const auto& [level, name] : plans) {
    auto id = Inspect(services, *level, name, by_id);
    if (!id) return id.error();
    report.plan_ids.push_back(*id);
  }
  return report;
}

}  // namespace lianyin::app
