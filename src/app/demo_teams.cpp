#include "app/demo_teams.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "app/services.hpp"
#include "core/uscc.hpp"
#include "domain/account/actor_builder.hpp"

namespace lianyin::app {
namespace {

namespace team = domain::team;
using domain::account::Actor;

struct LeadSpec {
  const char* lead;
  const char* domain;
  const char* team;
  const char* members[3];  // nullptr-terminated
};

// The news page names 陕西省秦商总会 and 陕西省慈善协会 as leads, and 陕西省江苏徐州商会 and
// 陕西省茶叶流通协会 as advisers; the other names are plausible provincial organisations.
constexpr LeadSpec kTeams[] = {
    {"陕西省秦商总会",
     "industry",
     "秦商乡村产业振兴合力团",
     {"陕西省江苏徐州商会", "陕西省浙江商会", "陕西省福建商会"}},
    {"陕西省慈善协会", "charity", "慈善公益帮扶合力团", {"陕西省扶贫基金会", "陕西省教育基金会"}},
    {"陕西省社会组织促进会",
     "organization",
     "基层组织振兴合力团",
     {"陕西省社会工作协会", "陕西省志愿服务联合会"}},
    {"陕西省农业产业化龙头企业协会",
     "industry",
     "农业产业化帮扶合力团",
     {"陕西省蔬菜协会", "陕西省畜牧业协会"}},
    {"陕西省电子商务协会",
     "consumption",
     "电商消费帮扶合力团",
     {"陕西省茶叶流通协会", "陕西省物流与采购联合会"}},
    {"陕西省餐饮饭店商会",
     "consumption",
     "农产品进餐桌消费帮扶合力团",
     {"陕西省烹饪协会", "陕西省食品工业协会", "陕西省连锁经营协会"}},
    {"陕西省人才交流协会",
     "talent",
     "乡村人才振兴合力团",
     {"陕西省中小企业协会", "陕西省民营企业家协会"}},
    {"陕西省职业教育学会", "talent", "职业技能帮扶合力团", {"陕西省家政服务协会", "陕西省农学会"}},
    {"陕西省老区建设促进会",
     "organization",
     "革命老区组织振兴合力团",
     {"陕西省农村合作经济组织联合会", "陕西省河南商会"}},
    {"陕西省青年志愿者协会",
     "charity",
     "青春助力乡村振兴合力团",
     {"陕西省中医药学会", "陕西省温州商会"}},
    {"陕西省果业协会",
     "industry",
     "果业产业振兴合力团",
     {"陕西省农产品加工协会", "陕西省乡村旅游协会"}},
    {"陕西省妇女儿童发展基金会",
     "charity",
     "巾帼助力乡村振兴合力团",
     {"陕西省书法家协会", "陕西省老年人体育协会"}},
};

// Integer shares of `total` in proportion to `weights`, each rounded down to `unit` but the
// last, which takes the remainder: the parts sum to total exactly.
std::vector<std::int64_t> Apportion(std::int64_t total, const std::vector<std::int64_t>& weights,
                                    std::int64_t unit) {
  std::int64_t sum = 0;
  for (std::int64_t w : weights) sum += w;
  std::vector<std::int64_t> out;
  std::int64_t given = 0;
  for (std::size_t i = 0; i + 1 < weights.size(); ++i) {
    const std::int64_t share = total / unit * weights[i] / sum * unit;
    out.push_back(share);
    given += share;
  }
  out.push_back(total - given);
  return out;
}

std::vector<std::int64_t> Weights(std::size_t n, std::int64_t step, std::int64_t mod,
                                  std::int64_t base) {
  std::vector<std::int64_t> w;
  for (std::size_t i = 0; i < n; ++i) w.push_back(base + static_cast<std::int64_t>(i) * step % mod);
  return w;
}

// The rural counties (县) of Shaanxi in the regions table, by code.
std::vector<std::string> ShaanxiCounties(Services& services) {
  std::vector<std::string> out;
  auto cities = services.regions.Children("610000");
  if (!cities) return out;
  for (const auto& city : *cities) {
    auto counties = services.regions.Children(city.code);
    if (!counties) continue;
    for (const auto& c : *counties) {
      if (c.name.ends_with("县")) out.push_back(c.code);
    }
  }
  return out;
}

core::Result<std::int64_t> MakeOrg(Services& services, const Actor& admin, std::int64_t unit,
                                   const std::string& name, int serial) {
  const bool foundation = name.ends_with("基金会");
  const std::string first17 = fmt::format("5{}610000MJH{:06d}", foundation ? '3' : '1', serial);
  domain::org::NewOrg o;
  o.name = name;
  o.uscc = first17 + core::UsccCheckCharacter(first17).value_or('0');
  o.org_type = foundation ? "foundation" : "social_group";
  o.region_code = "610000";
  o.registration_unit_id = unit;
  o.legal_rep = "王建国";
  o.phone = fmt::format("1309{:07d}", 2900000 + serial);
  o.founded_on = fmt::format("{}-{:02d}-18", 2004 + serial % 12, serial % 12 + 1);
  o.business_scope = "助力乡村振兴；消费帮扶；公益慈善";
  o.service_categories = {"common_prosperity"};
  o.labour_field = false;
  o.status = "registered";
  auto created = services.orgs.Create(admin, o);
  if (!created) return created.error();
  return created->org.id;
}

core::Result<Actor> MakeOfficer(Services& services, const Actor& admin, std::int64_t unit,
                                const std::string& password) {
  auto created = services.users.Create(admin, {kDemoShaanxiOfficer,
                                               password,
                                               "陕西省民政厅（演示干部）",
                                               unit,
                                               {"civil_affairs_officer"},
                                               std::nullopt,
                                               std::nullopt,
                                               false});
  if (!created) return created.error();
  auto found = services.units.Get(admin, unit);
  if (!found) return found.error();
  store::Session session = services.writer.db().Acquire();
  Actor actor = domain::account::BuildActor(session, created->user, found->unit);
  actor.request_id = admin.request_id;
  return actor;
}

}  // namespace
namespace {

struct Built {
  team::Team team;
  std::vector<std::string> counties;
};

// The 2022 and 2023 plans of the i-th team: 120 projects and 4 800 000 000 fen in 2022 (a
// plausible choice: slightly under what was done), and SPEC §6's 2023 totals.
core::Result<void> MakePlans(team::TeamService& teams, const Actor& officer,
                             const std::vector<Built>& built) {
  std::vector<std::int64_t> planned_2023;
  for (std::size_t i = 0; i < built.size(); ++i) planned_2023.push_back(i == 0 ? 26 : 21);
  const auto funds_2023 = Apportion(kDemoPlannedFunds2023Fen, planned_2023, 1'000'000);
  for (std::size_t i = 0; i < built.size(); ++i) {
    const std::int64_t p2022 = 10 + static_cast<std::int64_t>(i % 3) - 1;
    if (auto ok = teams.CreatePlan(officer, built[i].team.id, {2022, p2022, p2022 * 40'000'000});
        !ok) {
      return ok.error();
    }
    if (auto ok =
            teams.CreatePlan(officer, built[i].team.id, {2023, planned_2023[i], funds_2023[i]});
        !ok) {
      return ok.error();
    }
  }
  return {};
}

const char* kProjectKinds[] = {"特色种植基地建设", "农产品品牌培育",  "乡村致富带头人培训",
                               "村集体经济发展",   "助学助医帮扶",    "农村电商服务站建设",
                               "乡村旅游示范点",   "困难群众关爱行动"};

// The participants of the j-th project: every fourth shared by two members, every ninth by
// three; otherwise the lead alone.
std::vector<std::int64_t> Participants(const team::Team& t, std::size_t j) {
  const auto& m = t.members;
  if (j % 9 == 4 && m.size() >= 3) return {m[0].org_id, m[1].org_id, m[2].org_id};
  if (j % 4 == 1 && m.size() >= 2) return {m[0].org_id, m[1 + j % (m.size() - 1)].org_id};
  return {};
}

// The 131 projects of 2022 with SPEC §6's sums, 11 per team (the last 10), then one 2023 project
// for each of the first six teams.
core::Result<void> MakeHelpProjects(team::TeamService& teams, const Actor& officer,
                                    const std::vector<Built>& built, DemoTeamsReport& report) {
  const std::size_t n = static_cast<std::size_t>(kDemoHelpProjects2022);
  const auto funds = Apportion(kDemoHelpFunds2022Fen, Weights(n, 37, 31, 10), 10'000);
  const auto people = Apportion(kDemoBeneficiaries2022, Weights(n, 53, 29, 5), 10);
  for (std::size_t j = 0; j < n; ++j) {
    const Built& b = built[j / 11];
    const std::string county = b.counties[j % b.counties.size()];
    const auto members = Participants(b.team, j);
    auto made = teams.CreateHelpProject(
        officer, b.team.id,
        {fmt::format("{}{}", kProjectKinds[j % 8], j % 3 == 0 ? "项目" : "行动"), county, funds[j],
         people[j], fmt::format("2022-{:02d}-{:02d}", j % 12 + 1, j % 28 + 1), members});
    if (!made) return made.error();
    ++report.help_projects;
    if (made->members.size() > 1) ++report.shared_projects;
  }
  for (std::size_t i = 0; i < 6 && i < built.size(); ++i) {
    auto made = teams.CreateHelpProject(officer, built[i].team.id,
                                        {fmt::format("2023年{}", kProjectKinds[(i + 2) % 8]),
                                         built[i].counties.front(),
                                         30'000'000 + static_cast<std::int64_t>(i) * 5'000'000,
                                         800 + static_cast<std::int64_t>(i) * 120,
                                         fmt::format("2023-{:02d}-15", i + 3),
                                         {}});
    if (!made) return made.error();
    ++report.help_projects;
  }
  return {};
}

// Two direct purchases and two helped sales per team in 2022, with SPEC §6's sums.
core::Result<void> MakeConsumption(team::TeamService& teams, const Actor& officer,
                                   const std::vector<Built>& built) {
  const std::size_t n = built.size() * 2;
  const auto direct = Apportion(kDemoDirectPurchase2022Fen, Weights(n, 7, 11, 6), 10'000);
  const auto sales = Apportion(kDemoSalesHelped2022Fen, Weights(n, 5, 13, 4), 10'000);
  for (std::size_t k = 0; k < n; ++k) {
    const Built& b = built[k / 2];
    const std::string county = b.counties[k % b.counties.size()];
    const std::string on = fmt::format("2022-{:02d}-20", k % 2 == 0 ? 6 : 11);
    for (const auto& [kind, amounts] :
         {std::pair{"direct_purchase", &direct}, std::pair{"sales_helped", &sales}}) {
      if (auto ok = teams.AddConsumption(officer, b.team.id, {on, kind, (*amounts)[k], county});
          !ok) {
        return ok.error();
      }
    }
  }
  return {};
}

}  // namespace

core::Result<DemoTeamsReport> BuildDemoTeams(Services& services, const Actor& admin,
                                             std::int64_t province_civil_id,
                                             const std::string& password) {
  DemoTeamsReport report;
  const std::vector<std::string> counties = ShaanxiCounties(services);
  if (province_civil_id == 0 || counties.empty()) return report;
  auto officer = MakeOfficer(services, admin, province_civil_id, password);
  if (!officer) return officer.error();
  std::vector<Built> built;
  int serial = 1;
  for (std::size_t i = 0; i < std::size(kTeams); ++i) {
    const LeadSpec& spec = kTeams[i];
    auto lead = MakeOrg(services, admin, province_civil_id, spec.lead, serial++);
    if (!lead) return lead.error();
    std::vector<std::int64_t> members;
    for (const char* name : spec.members) {
      if (name == nullptr) break;
      auto member = MakeOrg(services, admin, province_civil_id, name, serial++);
      if (!member) return member.error();
      members.push_back(*member);
    }
    // Two or three paired counties each, spread over the province's.
    std::vector<std::string> paired;
    for (std::size_t k = 0; k < 2 + i % 2; ++k) {
      const std::string& code = counties[(i * 3 + k * 7) % counties.size()];
      if (std::find(paired.begin(), paired.end(), code) == paired.end()) paired.push_back(code);
    }
    auto made = services.teams.Create(*officer, {spec.team, spec.domain, *lead, members, paired});
    if (!made) return made.error();
    report.team_ids.push_back(made->id);
    built.push_back({std::move(*made), std::move(paired)});
  }
  report.orgs = serial - 1;
  if (auto ok = MakePlans(services.teams, *officer, built); !ok) return ok.error();
  if (auto ok = MakeHelpProjects(services.teams, *officer, built, report); !ok) return ok.error();
  if (auto ok = MakeConsumption(services.teams, *officer, built); !ok) return ok.error();
  return report;
}

}  // namespace lianyin::app
