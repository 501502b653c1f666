#include "app/demo_matching.hpp"

#include <fmt/format.h>

#include <array>
#include <map>
#include <optional>
#include <vector>

#include "app/services.hpp"
#include "core/uscc.hpp"
#include "domain/account/actor_builder.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
namespace matching = domain::matching;
namespace org = domain::org;
namespace region = domain::region;

constexpr const char* kSuzhou = "320500";
constexpr const char* kPark = "320571";  // 苏州工业园区
constexpr const char* kJiangsu = "320000";

// The organisations, all of the park, registered at 苏州市民政局; names follow the park's name.
struct OrgSpec {
  const char* suffix;
  bool social_group;
  std::array<const char*, 2> categories;  // "" for none
  const char* legal_rep;
  const char* founded_on;
  const char* business_scope;
};
constexpr OrgSpec kOrgs[] = {
    {"新业态劳动者服务中心",
     false,
     {"new_employment", "skills"},
     "顾晓东",
     "2016-05-12",
     "新就业形态劳动者技能培训；职业技能等级提升；劳动权益咨询"},
    {"心晴社会工作服务社",
     false,
     {"health", "volunteer"},
     "沈佳怡",
     "2014-09-03",
     "职工心理健康辅导；社会工作服务；志愿者培训"},
    {"职工健康促进会",
     true,
     {"health", ""},
     "陆建华",
     "2012-03-20",
     "职工健康体检组织；健康讲座；职业病防治宣传"},
    {"童心职工子女服务中心",
     false,
     {"children", ""},
     "钱晓雯",
     "2017-06-18",
     "职工子女寒暑假托管；课后服务；亲子活动"},
    {"职工文体协会",
     true,
     {"culture_sports", ""},
     "周海涛",
     "2011-11-08",
     "职工体育赛事组织；群众性文体活动；文体骨干培训"},
    {"邻里公益志愿服务社",
     false,
     {"volunteer", ""},
     "吴雨婷",
     "2019-04-26",
     "社区公益志愿服务；志愿者招募与管理；邻里互助"},
};

// The resource list. Where a resource covers matters: the park itself, 苏州市 or 江苏省.
enum class Covers { kThePark, kTheCity, kTheProvince };
struct ResourceSpec {
  const char* key;
  int org;  // index into kOrgs
  const char* title;
  const char* category;
  Covers covers;
  std::int64_t capacity;
  const char* window_start;
  const char* window_end;
  std::int64_t cost_per_person_fen;
  const char* description;
};
constexpr ResourceSpec kResources[] = {
    {"R1", 0, "新就业形态劳动者职业技能培训", "new_employment", Covers::kThePark, 120, "2027-01-01",
     "2027-12-31", 12000, "面向快递员、外卖骑手、网约车司机的职业技能与数字技能培训，每期 40 人"},
    {"R2", 0, "网约配送员安全骑行与应急救护培训", "new_employment", Covers::kTheCity, 80,
     "2026-11-01", "2027-10-31", 16000, "交通安全、电动车维护保养和应急救护实操，结业发放证书"},
    {"R3", 0, "产业工人技能等级提升培训", "skills", Covers::kTheProvince, 60, "2027-03-01",
     "2027-11-30", 22000, "电工、焊工、数控车工等职业技能等级认定前的集中培训"},
    {"R4", 0, "劳模工匠导师带徒", "skills", Covers::kThePark, 30, "2027-01-01", "2027-02-28", 32000,
     "劳模工匠创新工作室导师一对一带徒，含技术攻关实践"},
    {"R5", 2, "户外劳动者健康体检", "health", Covers::kThePark, 100, "2027-04-01", "2027-08-31",
     20000, "基础体检套餐：内科、血常规、肝肾功能、心电图、胸部影像"},
    {"R6", 2, "女职工健康体检与两癌筛查", "health", Covers::kTheCity, 100, "2027-03-01",
     "2027-05-31", 23000, "妇科检查、乳腺彩超、宫颈癌筛查及健康讲座"},
    {"R7", 2, "环卫职工职业健康体检", "health", Covers::kTheProvince, 150, "2027-06-01",
     "2027-10-31", 28000, "含职业病筛查（听力、肺功能）的职业健康体检"},
    {"R8", 1, "职工心理健康辅导", "health", Covers::kThePark, 100, "2026-11-01", "2027-03-31", 8000,
     "团体心理辅导与一对一咨询，每人 3 次"},
    {"R9", 3, "职工子女暑期托管", "children", Covers::kThePark, 80, "2026-07-06", "2026-08-28",
     15000, "暑期 8 周托管：作业辅导、安全教育、科普与体育活动"},
    {"R10", 4, "园区职工篮球联赛", "culture_sports", Covers::kThePark, 120, "2027-04-01",
     "2027-06-30", 9000, "12 支队伍循环赛加淘汰赛，含场地、裁判和保险"},
    {"R11", 4, "职工健步走活动", "culture_sports", Covers::kTheCity, 200, "2027-09-01",
     "2027-11-30", 6000, "金鸡湖环湖健步走及趣味运动会"},
    {"R12", 1, "职工志愿服务队能力建设", "volunteer", Covers::kTheProvince, 60, "2027-01-01",
     "2027-12-31", 10000, "志愿服务项目设计、志愿者管理与督导培训"},
    {"R13", 5, "社区公益志愿服务", "volunteer", Covers::kThePark, 25, "2027-03-01", "2027-06-30",
     7000, "组织职工志愿者参与社区关爱和邻里互助活动"},
};

// The park union's demand list, all in the park.
struct DemandSpec {
  const char* key;
  const char* title;
  const char* category;
  std::int64_t headcount;
  const char* window_start;
  const char* window_end;
  const char* target_group;
  const char* description;
};
constexpr DemandSpec kDemands[] = {
    {"D1", "快递小哥技能提升", "new_employment", 150, "2027-03-01", "2027-08-31",
     "new_employment_workers", "园区快递网点从业人员的职业技能和数字技能提升"},
    {"D2", "外卖骑手交通安全培训", "new_employment", 40, "2026-12-01", "2026-12-31",
     "new_employment_workers", "冬季道路交通安全和应急救护"},
    {"D3", "一线职工技能等级提升", "skills", 90, "2027-04-01", "2027-10-31", "frontline_workers",
     "园区制造企业一线职工技能等级认定培训"},
    {"D4", "青年职工导师带徒", "skills", 30, "2027-01-01", "2027-06-30", "young_workers",
     "入职三年内青年职工结对拜师"},
    {"D5", "女职工关爱健康体检", "health", 80, "2027-04-01", "2027-05-31", "women_workers",
     "女职工关爱行动：健康体检和两癌筛查"},
    {"D6", "外卖骑手健康体检", "health", 100, "2027-06-01", "2027-08-31", "new_employment_workers",
     "夏季高温前的健康体检"},
    {"D7", "环卫职工健康体检", "health", 60, "2027-09-01", "2027-10-31", "sanitation_workers",
     "园区环卫职工年度体检"},
    {"D8", "职工心理健康关爱", "health", 70, "2026-11-15", "2027-01-31", "frontline_workers",
     "年末生产高峰期一线职工心理疏导"},
    {"D9", "职工子女暑期托管", "children", 60, "2026-07-01", "2026-08-31", "workers_children",
     "双职工家庭子女暑期托管"},
    {"D10", "职工子女寒假托管", "children", 40, "2027-01-25", "2027-02-26", "workers_children",
     "双职工家庭子女寒假托管"},
    {"D11", "困难职工家庭帮扶", "common_prosperity", 25, "2027-01-01", "2027-12-31",
     "needy_workers", "建档困难职工家庭的生活帮扶和就业援助"},
    {"D12", "园区职工篮球联赛", "culture_sports", 96, "2027-04-15", "2027-06-15", "young_workers",
     "12 支企业代表队，每队 8 人"},
    {"D13", "职工健步走", "culture_sports", 150, "2027-09-15", "2027-10-31", "frontline_workers",
     "金秋职工健步走"},
    {"D14", "园区职工志愿者服务队培训", "volunteer", 40, "2027-03-01", "2027-05-31",
     "young_workers", "园区职工志愿服务队骨干培训和实践"},
};

// What the park union does with the run's proposals: these are accepted, then some served.
enum class Step { kAccept, kInService, kRated };
struct DecisionSpec {
  const char* demand;
  const char* resource;
  Step step;
};
constexpr DecisionSpec kDecisions[] = {
    {"D1", "R1", Step::kAccept},     // the split demand: both halves
    {"D1", "R2", Step::kAccept},     //
    {"D2", "R2", Step::kInService},  // December 2026
    {"D8", "R8", Step::kInService},  // November 2026 – January 2027
    {"D9", "R9", Step::kRated},      // summer 2026: served and rated
};
constexpr const char* kRatingComment = "托管老师认真负责，孩子们暑假过得充实又安全，职工们很满意！";

// A valid USCC of a civil-affairs registered organisation: 5, type, region, MJ + serial, check.
std::string Uscc(bool social_group, const std::string& region_code, int serial) {
  const std::string first17 =
      fmt::format("5{}{}MJ{:07d}", social_group ? '1' : '2', region_code, serial);
  return first17 + core::UsccCheckCharacter(first17).value_or('0');
}

// The unit of `kind` named `name` (BuildDemo's provincial bodies).
std::optional<account::Unit> FindUnit(account::UnitService& units, const account::Actor& admin,
                                      const std::string& name, account::UnitKind kind) {
  account::UnitFilter filter;
  filter.q = name;
  filter.kind = kind;
  for (const account::UnitView& v : units.List(admin, filter, {1, 20}).items) {
    if (v.unit.name == name) return v.unit;
  }
  return std::nullopt;
}

// 苏州工业园区 when the regions table has it, else the first county of 苏州市.
std::optional<region::Region> ParkRegion(region::RegionService& regions) {
  auto counties = regions.Children(kSuzhou);
  if (!counties || counties->empty()) return std::nullopt;
  for (const region::Region& r : *counties) {
    if (r.code == kPark) return r;
  }
  for (const region::Region& r : *counties) {
    if (r.name != "市辖区") return r;
  }
  return std::nullopt;
}

}  // namespace

core::Result<DemoMatchingReport> BuildDemoMatching(Services& services, const account::Actor& admin,
                                                   const std::string& officer_password) {
  DemoMatchingReport report;
  const auto province_union =
      FindUnit(services.units, admin, "江苏省总工会", account::UnitKind::kUnion);
  const auto province_civil =
      FindUnit(services.units, admin, "江苏省民政厅", account::UnitKind::kCivilAffairs);
  const auto park = ParkRegion(services.regions);
  if (!province_union || !province_civil || !park) return report;  // a regions file without them

  // The units: 江苏省总工会 → 苏州市总工会 → the park union; 江苏省民政厅 → 苏州市民政局.
  auto city_union = services.units.Create(
      admin, {"苏州市总工会", account::UnitKind::kUnion, kSuzhou, province_union->id, {}});
  if (!city_union) return city_union.error();
  auto park_union = services.units.Create(
      admin,
      {park->name + "总工会", account::UnitKind::kUnion, park->code, city_union->unit.id, {}});
  if (!park_union) return park_union.error();
  auto civil = services.units.Create(
      admin, {"苏州市民政局", account::UnitKind::kCivilAffairs, kSuzhou, province_civil->id, {}});
  if (!civil) return civil.error();
  report.units = 3;
  report.park_union_id = park_union->unit.id;

  // The park union's officer, who owns the demands and the run.
  auto officer_user =
      services.users.Create(admin, {kDemoParkOfficer,
                                    officer_password,
                                    fmt::format("{}（演示干部）", park_union->unit.name),
                                    park_union->unit.id,
                                    {"union_officer"},
                                    std::nullopt,
                                    std::nullopt,
                                    false});
  if (!officer_user) return officer_user.error();
  account::Actor officer = [&] {
    store::Session session = services.writer.db().Acquire();
    return account::BuildActor(session, officer_user->user, park_union->unit);
  }();
  officer.request_id = admin.request_id;

  // The organisations, linked to the park union.
  std::vector<std::int64_t> org_ids;
  int serial = 1;
  for (const OrgSpec& spec : kOrgs) {
    org::NewOrg o;
    o.name = park->name + spec.suffix;
    o.uscc = Uscc(spec.social_group, park->code, serial);
    o.org_type = spec.social_group ? "social_group" : "social_service";
    o.region_code = park->code;
    o.registration_unit_id = civil->unit.id;
    o.legal_rep = spec.legal_rep;
    o.phone = fmt::format("1391{:07d}", 6200000 + serial * 1013);
    o.founded_on = spec.founded_on;
    o.business_scope = spec.business_scope;
    for (const char* c : spec.categories) {
      if (*c != '\0') o.service_categories.emplace_back(c);
    }
    o.labour_field = true;
    auto created = services.orgs.Create(admin, std::move(o));
    if (!created) return created.error();
    ++report.orgs;
    org_ids.push_back(created->org.id);
    auto link = services.orgs.LinkOrg(admin, park_union->unit.id, created->org.id,
                                      fmt::format("2025-{:02d}-15", serial + 2));
    if (!link) return link.error();
    ++report.links;
    ++serial;
  }

  // The resource list, offered for the organisations (by the platform, holding "*").
  std::map<std::string, std::int64_t> resource_ids;
  for (const ResourceSpec& spec : kResources) {
    matching::NewResource r;
    r.org_id = org_ids[static_cast<std::size_t>(spec.org)];
    r.title = spec.title;
    r.category = spec.category;
    r.region_codes = {spec.covers == Covers::kThePark   ? park->code
                      : spec.covers == Covers::kTheCity ? std::string(kSuzhou)
                                                        : std::string(kJiangsu)};
    r.capacity = spec.capacity;
    r.window_start = spec.window_start;
    r.window_end = spec.window_end;
    r.cost_per_person_fen = spec.cost_per_person_fen;
    r.description = spec.description;
    auto created = services.matching.CreateResource(admin, r);
    if (!created) return created.error();
    ++report.resources;
    resource_ids[spec.key] = created->id;
  }

  // The park union's demand list.
  std::map<std::string, std::int64_t> demand_ids;
  for (const DemandSpec& spec : kDemands) {
    matching::NewDemand d;
    d.title = spec.title;
    d.category = spec.category;
    d.region_code = park->code;
    d.headcount = spec.headcount;
    d.window_start = spec.window_start;
    d.window_end = spec.window_end;
    d.target_group = spec.target_group;
    d.description = spec.description;
    d.unit_id = park_union->unit.id;
    auto created = services.matching.CreateDemand(officer, d);
    if (!created) return created.error();
    ++report.demands;
    demand_ids[spec.key] = created->id;
  }

  // One run over the park, then the decisions.
  matching::RunRequest request;
  request.region_code = park->code;
  auto run = services.matching.CreateRun(officer, request);
  if (!run) return run.error();
  report.runs = 1;
  report.run_id = run->id;
  report.matched_headcount = run->matched_headcount;
  report.unmatched_headcount = run->unmatched_headcount;
  report.total_cost_fen = run->total_cost_fen;
  report.proposals = static_cast<int>(run->assignments.size());

  const auto match_of = [&](const DecisionSpec& spec) -> std::optional<std::int64_t> {
    for (const matching::Match& m : run->assignments) {
      if (m.demand_id == demand_ids.at(spec.demand) &&
          m.resource_id == resource_ids.at(spec.resource)) {
        return m.id;
      }
    }
    return std::nullopt;
  };
  matching::Decision accept;
  for (const DecisionSpec& spec : kDecisions) {
    if (auto id = match_of(spec)) accept.match_ids.push_back(*id);
  }
  if (!accept.match_ids.empty()) {
    auto decided = services.matching.Decide(officer, run->id, accept, /*accept=*/true);
    if (!decided) return decided.error();
    report.accepted = static_cast<int>(accept.match_ids.size());
  }
  for (const DecisionSpec& spec : kDecisions) {
    const auto id = match_of(spec);
    if (!id || spec.step == Step::kAccept) continue;
    auto moved = services.matching.MoveMatch(officer, *id, matching::MatchStatus::kInService);
    if (!moved) return moved.error();
    if (spec.step == Step::kInService) {
      ++report.in_service;
      continue;
    }
    moved = services.matching.MoveMatch(officer, *id, matching::MatchStatus::kDone);
    if (!moved) return moved.error();
    ++report.done;
    auto rated = services.matching.Rate(officer, *id, {5, kRatingComment});
    if (!rated) return rated.error();
    ++report.rated;
  }
  report.to_review = report.proposals - report.accepted;
  return report;
}

}  // namespace lianyin::app
