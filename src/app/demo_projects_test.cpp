#include "app/demo_projects.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/demo.hpp"
#include "app/demo_selection.hpp"
#include "app/demo_test_support.hpp"
#include "app/services.hpp"
#include "core/crypto.hpp"
#include "domain/account/platform_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
using test::Admin;
using test::Count;
namespace project = domain::project;

// The 31 provinces with two cities each; 北京市 and 重庆市 as the regions file has them (a city
// level named like the province, or "县", above the districts); Fuzhou with two districts.
domain::region::RegionSource TestRegions() {
  const std::pair<const char*, const char*> provinces[] = {
      {"11", "北京市"},          {"12", "天津市"},         {"13", "河北省"},
      {"14", "山西省"},          {"15", "内蒙古自治区"},   {"21", "辽宁省"},
      {"22", "吉林省"},          {"23", "黑龙江省"},       {"31", "上海市"},
      {"32", "江苏省"},          {"33", "浙江省"},         {"34", "安徽省"},
      {"35", "福建省"},          {"36", "江西省"},         {"37", "山东省"},
      {"41", "河南省"},          {"42", "湖北省"},         {"43", "湖南省"},
      {"44", "广东省"},          {"45", "广西壮族自治区"}, {"46", "海南省"},
      {"50", "重庆市"},          {"51", "四川省"},         {"52", "贵州省"},
      {"53", "云南省"},          {"54", "西藏自治区"},     {"61", "陕西省"},
      {"62", "甘肃省"},          {"63", "青海省"},         {"64", "宁夏回族自治区"},
      {"65", "新疆维吾尔自治区"}};
  domain::region::RegionSource source{"test", "1", {}};
  auto add = [&](std::string code, std::string name, std::string parent) {
    source.regions.push_back({std::move(code), std::move(name), std::move(parent)});
  };
  for (const auto& [prefix, name] : provinces) {
    const std::string p = prefix;
    add(p + "0000", name, "100000");
    if (p == "11") {
      add("110100", "北京市", "110000");
      add("110101", "东城区", "110100");
      add("110102", "西城区", "110100");
    } else if (p == "50") {
      add("500100", "重庆市", "500000");
      add("500101", "万州区", "500100");
      add("500200", "县", "500000");
      add("500229", "城口县", "500200");
    } else if (p == "35") {
      add("350100", "福州市", "350000");
      add("350102", "鼓楼区", "350100");
      add("350103", "台江区", "350100");
      add("350200", "厦门市", "350000");
    } else {
      add(p + "0100", std::string(name).substr(0, 6) + "甲市", p + "0000");
      add(p + "0200", std::string(name).substr(0, 6) + "乙市", p + "0000");
    }
  }
  return source;
}

// Builds the whole demo on `db` (migrated, empty).
DemoReport BuildOn(store::Database& db) {
  Services services(db, core::RandomBytes(32));
  EXPECT_TRUE(services.regions.Import(TestRegions()));
  auto admin = account::PlatformService(services.writer)
                   .SetUpPlatform({"联引平台", "admin", "Demo-Test-Passw0rd"});
  EXPECT_TRUE(admin);
  if (!admin) return {};
  auto report =
      BuildDemo(services.units, services.regions, services.orgs, services.projects, Admin(*admin));
  EXPECT_TRUE(report) << report.error().message;
  return report ? *report : DemoReport{};
}

std::string Text(store::Database& db, const std::string& sql) {
  store::Session s = db.Acquire();
  auto stmt = s.Prepare(sql);
  EXPECT_TRUE(stmt.Next()) << sql;
  return stmt.row().Text(0);
}
// A digest of every project as stored, with its providers and outputs (no ids or times).
std::string Checksum(store::Database& db) {
  store::Session s = db.Acquire();
  std::string all;
  auto projects = s.Prepare(
      "SELECT p.title, p.category, u.name, p.mode, p.budget_fen, p.contract_fen, "
      "p.contracted_on, p.region_code, p.start_on, p.end_on, p.target_groups, p.description, "
      "p.status, p.person_times, p.events_held, p.spent_fen, "
      "(SELECT COUNT(*) FROM project_providers pp WHERE pp.project_id = p.id) "
      "FROM projects p JOIN units u ON u.id = p.funding_unit_id ORDER BY p.id");
  while (projects.Next()) {
    for (int c = 0; c < projects.row().ColumnCount(); ++c) all += projects.row().Text(c) + "|";
    all += "\n";
  }
  auto providers = s.Prepare(
      "SELECT o.name FROM project_providers pp JOIN orgs o ON o.id = pp.org_id "
      "ORDER BY pp.project_id, pp.position");
  while (providers.Next()) all += providers.row().Text(0) + "\n";
  auto outputs = s.Prepare(
      "SELECT output_on, person_times, events, spent_fen FROM project_outputs ORDER BY id");
  while (outputs.Next()) {
    all += fmt::format("{}|{}|{}|{}\n", outputs.row().Text(0), outputs.row().Int(1),
                       outputs.row().Int(2), outputs.row().Int(3));
  }
  return core::Sha256Hex(core::AsBytes(all));
}

class DemoProjectsTest : public test_support::BackendTest {};

// The demo's two published selections (demo_selection.hpp) on top of its projects: 134
// excellent projects across the eight categories, their quotas filled exactly, every
// nomination scored by three experts without a conflict, and both booklets generated.
TEST_P(DemoProjectsTest, TheDemoSelectsAndPublishes134ExcellentProjectsWithTheirBooklets) {
  Services services(db(), core::RandomBytes(32));
  ASSERT_TRUE(services.regions.Import(TestRegions()));
  auto admin = account::PlatformService(services.writer)
                   .SetUpPlatform({"联引平台", "admin", "Demo-Test-Passw0rd"});
  ASSERT_TRUE(admin);
  auto demo =
      BuildDemo(services.units, services.regions, services.orgs, services.projects, Admin(*admin));
  ASSERT_TRUE(demo) << demo.error().message;
  auto selections =
      BuildDemoSelection(services.users, services.projects, services.selection, Admin(*admin),
                         demo->national_union_id, "Demo-Test-Passw0rd");
  ASSERT_TRUE(selections) << selections.error().message;
  EXPECT_EQ(selections->rounds, 2);
  EXPECT_EQ(selections->excellent, kDemoExcellent);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM selection_rounds WHERE status = 'published'"), 2);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM selection_nominations WHERE excellent = 1"), 134);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(DISTINCT category) FROM selection_nominations WHERE "
                  "excellent = 1"),
            8);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM selection_quotas q WHERE q.quota <> (SELECT "
                  "COUNT(*) FROM selection_nominations n WHERE n.round_id = q.round_id AND "
                  "n.category = q.category AND n.excellent = 1)"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM selection_nominations n WHERE (SELECT COUNT(*) "
                  "FROM selection_assignments a WHERE a.nomination_id = n.id AND a.total "
                  "IS NOT NULL) <> 3"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM selection_assignments a JOIN users u ON u.id = "
                  "a.expert_user_id JOIN selection_nominations n ON n.id = a.nomination_id "
                  "JOIN projects p ON p.id = n.project_id WHERE u.unit_id IN "
                  "(p.funding_unit_id, n.unit_id)"),
            0)
      << "no expert scores a project of their own unit";
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM booklet_jobs WHERE status = 'done' AND pages > 60"),
            2);
  EXPECT_EQ(Count(db(), "SELECT SUM(projects) FROM booklet_jobs"), 134);
}

TEST_P(DemoProjectsTest, TheDemoHasTheNewsPagesProjectsPersonTimesAndFunds) {
  const DemoReport report = BuildOn(db());
  EXPECT_EQ(report.projects, kDemoProjects);
  EXPECT_EQ(report.contract_fen, kDemoContractFen);
  EXPECT_EQ(report.person_times, kDemoPersonTimes);
  EXPECT_EQ(report.project_outputs, Count(db(), "SELECT COUNT(*) FROM project_outputs"));

  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM projects"), 9592);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM projects WHERE status IN "
                  "('contracted', 'in_progress', 'accepted', 'closed')"),
            9592);
  EXPECT_EQ(Count(db(), "SELECT SUM(contract_fen) FROM projects"), 146'400'000'000);
  EXPECT_EQ(Count(db(), "SELECT SUM(person_times) FROM project_outputs"), 39'176'400);
  EXPECT_EQ(Text(db(), "SELECT MIN(contracted_on) FROM projects").substr(0, 4), "2018");
  EXPECT_EQ(Text(db(), "SELECT MAX(contracted_on) FROM projects").substr(0, 4), "2022");
  EXPECT_LE(Text(db(), "SELECT MAX(output_on) FROM project_outputs"), "2022-12-31");
  EXPECT_EQ(Count(db(), "SELECT COUNT(DISTINCT category) FROM projects"), 8);
  // Mostly closed or accepted, some still in progress.
  EXPECT_GT(Count(db(), "SELECT COUNT(*) FROM projects WHERE status IN ('closed', 'accepted')"),
            9592 * 3 / 4);
  EXPECT_GT(Count(db(), "SELECT COUNT(*) FROM projects WHERE status = 'in_progress'"), 500);

  // Every province has projects, funded by its own union, and every funder covers the region.
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM regions r WHERE r.parent_code = '100000' AND NOT "
                  "EXISTS (SELECT 1 FROM projects p JOIN region_closure rc ON "
                  "rc.descendant = p.region_code WHERE rc.ancestor = r.code)"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM units u WHERE u.kind = 'union' AND NOT EXISTS "
                  "(SELECT 1 FROM projects p WHERE p.funding_unit_id = u.id)"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM projects p JOIN units u ON u.id = "
                  "p.funding_unit_id WHERE NOT EXISTS (SELECT 1 FROM region_closure rc "
                  "WHERE rc.ancestor = u.region_code AND rc.descendant = p.region_code)"),
            0);
  // Beijing's projects are in its districts, Chongqing's in its districts and counties.
  EXPECT_GT(Count(db(),
                  "SELECT COUNT(*) FROM projects WHERE region_code IN ('110101', "
                  "'110102')"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM projects WHERE region_code IN ('110100', "
                  "'500100', '500200')"),
            0);

  // The totals are the sums of the outputs; spending within the contract; 1–8 outputs, 1–3
  // registered providers of the project's province.
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM projects p WHERE p.person_times <> (SELECT "
                  "SUM(o.person_times) FROM project_outputs o WHERE o.project_id = p.id) "
                  "OR p.events_held <> (SELECT SUM(o.events) FROM project_outputs o WHERE "
                  "o.project_id = p.id) OR p.spent_fen <> (SELECT SUM(o.spent_fen) FROM "
                  "project_outputs o WHERE o.project_id = p.id)"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM projects WHERE spent_fen > contract_fen OR "
                  "contract_fen > budget_fen"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM (SELECT project_id, COUNT(*) AS n FROM "
                  "project_outputs GROUP BY project_id) x WHERE n > 8"),
            0);
  EXPECT_EQ(Count(db(), "SELECT COUNT(DISTINCT project_id) FROM project_outputs"), 9592);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM project_outputs o JOIN projects p ON p.id = "
                  "o.project_id WHERE o.output_on < p.contracted_on"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM projects p WHERE NOT EXISTS (SELECT 1 FROM "
                  "project_providers pp WHERE pp.project_id = p.id)"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM project_providers pp JOIN orgs o ON o.id = "
                  "pp.org_id JOIN projects p ON p.id = pp.project_id WHERE o.status <> "
                  "'registered' OR substr(o.region_code, 1, 2) <> substr(p.region_code, 1, "
                  "2)"),
            0);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM credit_entries"), 0);

  // Titles name the place; every project is on its timeline and in the audit chain.
  EXPECT_EQ(Count(db(), "SELECT COUNT(DISTINCT title) FROM projects"), 9592);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM projects p JOIN regions r ON r.code = "
                  "p.region_code WHERE p.title NOT LIKE '%' || r.name || '%'"),
            0);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM project_events WHERE action = 'import'"), 9592);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM audit_log WHERE entity = 'project' AND action = "
                  "'import'"),
            9592);
}

TEST_P(DemoProjectsTest, TwoBuildsGiveTheSameProjects) {
  BuildOn(db());
  auto again = test_support::OpenBackendDatabase(GetParam());
  BuildOn(*again);
  EXPECT_EQ(Checksum(db()), Checksum(*again));
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(DemoProjectsTest);

// The plan alone: the same funders give the same projects.
TEST(DemoProjectsPlanTest, IsDeterministicAndExact) {
  DemoFunder funder{7, "陕西省总工会", 1, {}};
  funder.places = {{"610100", "西安市", {1, 2, 3}, {"甲中心", "乙协会", "丙服务社"}},
                   {"610300", "宝鸡市", {4}, {"丁中心"}},
                   {"610400", "咸阳市", {}, {}}};  // no providers: no projects
  const auto first = PlanDemoProjects({funder});
  const auto second = PlanDemoProjects({funder});
  ASSERT_EQ(first.size(), 9592u);
  std::int64_t contracts = 0, person_times = 0;
  for (std::size_t i = 0; i < first.size(); ++i) {
    const project::HistoricalProject& a = first[i];
    const project::HistoricalProject& b = second[i];
    ASSERT_EQ(a.project.title, b.project.title);
    ASSERT_EQ(a.project.description, b.project.description);
    ASSERT_EQ(a.contract_fen, b.contract_fen);
    ASSERT_EQ(a.contracted_on, b.contracted_on);
    ASSERT_EQ(a.outputs.size(), b.outputs.size());
    EXPECT_NE(a.project.region_code, "610400");
    EXPECT_LE(a.project.provider_org_ids.size(), 3u);
    contracts += a.contract_fen;
    for (std::size_t k = 0; k < a.outputs.size(); ++k) {
      ASSERT_EQ(a.outputs[k].person_times, b.outputs[k].person_times);
      ASSERT_EQ(a.outputs[k].spent_fen, b.outputs[k].spent_fen);
      person_times += a.outputs[k].person_times;
    }
    if (i > 0) {
      EXPECT_LE(first[i - 1].contracted_on, a.contracted_on);
    }
  }
  EXPECT_EQ(contracts, kDemoContractFen);
  EXPECT_EQ(person_times, kDemoPersonTimes);
  EXPECT_TRUE(PlanDemoProjects({}).empty());
}

}  // namespace
}  // namespace lianyin::app
