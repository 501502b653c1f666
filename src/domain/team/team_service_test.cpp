// Teams on both engines: members and counties checked, scope, plans one per year and
// corrected, help projects shared by members counted once in every total and attributed to
// each member, consumption by kind, and the province overview.

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/team/team_test_fixture.hpp"

namespace lianyin::domain::team {
namespace {

using core::ErrorCode;

class TeamServiceTest : public TeamTest {};

std::vector<std::string> Fields(const core::Error& e) {
  std::vector<std::string> out;
  for (const auto& d : e.details) out.push_back(d.field);
  return out;
}

TEST_P(TeamServiceTest, TheLeadIsAMemberAndUnknownOrgsAndCountiesAreFieldErrors) {
  const Team team = MakeTeam();
  ASSERT_EQ(team.members.size(), 3u);
  EXPECT_EQ(team.members.front().org_id, lead_);
  EXPECT_TRUE(team.members.front().lead);
  EXPECT_EQ(team.counties.size(), 2u);
  EXPECT_EQ(team.unit_id, shaanxi_);

  auto bad = svc().Create(officer(), {"", "farming", 999999, {999998}, {"610100"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(Fields(bad.error()), (std::vector<std::string>{"name", "domain"}));
  auto unknown = svc().Create(officer(), {"团", "talent", 999999, {999998}, {}});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(Fields(unknown.error()), (std::vector<std::string>{"lead_org_id", "member_org_ids"}));
  auto city = svc().Create(officer(), {"团", "talent", lead_, {}, {"610100"}});
  ASSERT_FALSE(city);
  EXPECT_EQ(Fields(city.error()), std::vector<std::string>{"county_codes"})
      << "a city, not a county";
}

TEST_P(TeamServiceTest, AForeignUnitSeesNothingAndAMemberOrgReadsItsTeams) {
  const Team team = MakeTeam();
  EXPECT_EQ(svc().Get(ActorAt(beijing_), team.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc().List(ActorAt(beijing_), {}, {1, 20}).total, 0);
  EXPECT_TRUE(svc().Get(ActorAt(shaanxi_, second_), team.id));
  EXPECT_EQ(svc().List(ActorAt(shaanxi_, second_), {}, {1, 20}).total, 1);
  EXPECT_EQ(svc().Get(ActorAt(shaanxi_, outsider_), team.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc().Update(ActorAt(beijing_), team.id, {.name = "改名"}).error().code,
            ErrorCode::kNotFound);
  auto patched =
      svc().Update(officer(), team.id, {.member_org_ids = std::vector<std::int64_t>{outsider_}});
  ASSERT_TRUE(patched);
  EXPECT_EQ(patched->members.size(), 2u);
  EXPECT_TRUE(svc().Get(ActorAt(shaanxi_, outsider_), team.id));
}

TEST_P(TeamServiceTest, OnePlanPerYearCorrectedByUpdateAndAudited) {
  const Team team = MakeTeam();
  ASSERT_TRUE(svc().CreatePlan(officer(), team.id, {2022, 10, 400000000}));
  auto again = svc().CreatePlan(officer(), team.id, {2022, 12, 1});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  recorder_.Clear();
  auto fixed = svc().UpdatePlan(officer(), team.id, 2022, {.projects_planned = 12});
  ASSERT_TRUE(fixed);
  EXPECT_EQ(fixed->projects_planned, 12);
  EXPECT_EQ(fixed->funds_planned_fen, 400000000);
  ASSERT_EQ(recorder_.changes().size(), 1u);
  EXPECT_EQ(recorder_.changes()[0].entity, "team_plan");
  EXPECT_EQ(recorder_.changes()[0].action, "update");
  EXPECT_EQ(svc().UpdatePlan(officer(), team.id, 2030, {}).error().code, ErrorCode::kNotFound);
}

TEST_P(TeamServiceTest, ASharedProjectCountsOnceAndShowsOnEachMembersPage) {
  const Team team = MakeTeam();
  ASSERT_TRUE(svc().CreatePlan(officer(), team.id, {2022, 3, 900000}));
  const HelpProject shared = Help(team.id, "2022-03-01", 500000, 1000, {lead_, second_});
  EXPECT_EQ(shared.members.size(), 2u);
  const HelpProject lead_only = Help(team.id, "2022-05-01", 200000, 300, {}, "610828");
  EXPECT_EQ(lead_only.members.size(), 1u) << "defaults to the lead";
  Help(team.id, "2023-01-10", 7, 1, {third_});
  ASSERT_TRUE(
      svc().AddConsumption(officer(), team.id, {"2022-06-01", "direct_purchase", 3000, "610822"}));
  ASSERT_TRUE(
      svc().AddConsumption(officer(), team.id, {"2022-07-01", "sales_helped", 5000, "610828"}));

  const Progress p = svc().GetProgress(officer(), team.id, 2022).value();
  EXPECT_EQ(p.planned.projects, 3);
  EXPECT_EQ(p.planned.funds_fen, 900000);
  EXPECT_EQ(p.actual.projects, 2) << "the shared project counts once";
  EXPECT_EQ(p.actual.funds_fen, 700000);
  EXPECT_EQ(p.actual.beneficiaries, 1300);
  EXPECT_EQ(p.actual.direct_purchase_fen, 3000);
  EXPECT_EQ(p.actual.sales_helped_fen, 5000);
  const Progress all = svc().GetProgress(officer(), team.id, std::nullopt).value();
  EXPECT_EQ(all.actual.projects, 3);
  EXPECT_EQ(svc().GetProgress(officer(), team.id, 2021).value().planned.projects, 0);

  const MemberProgress by_member = svc().ProgressByMember(officer(), team.id, 2022).value();
  ASSERT_EQ(by_member.rows.size(), 3u);
  EXPECT_EQ(by_member.rows[0].member.org_id, lead_);
  EXPECT_EQ(by_member.rows[0].projects, 2);
  EXPECT_EQ(by_member.rows[0].shared_projects, 1);
  EXPECT_EQ(by_member.rows[1].projects, 1);
  EXPECT_EQ(by_member.rows[1].funds_fen, 500000);
  EXPECT_EQ(by_member.rows[2].projects, 0);
  EXPECT_EQ(by_member.team_total.actual.projects, 2) << "rows add up to 3, the team to 2";

  const CountyProgress by_county = svc().ProgressByCounty(officer(), team.id, 2022).value();
  ASSERT_EQ(by_county.rows.size(), 2u);
  EXPECT_EQ(by_county.rows[0].county_code, "610822");
  EXPECT_EQ(by_county.rows[0].actual.projects, 1);
  EXPECT_EQ(by_county.rows[0].actual.direct_purchase_fen, 3000);
  EXPECT_EQ(by_county.rows[1].actual.sales_helped_fen, 5000);
  EXPECT_EQ(by_county.total.projects, 2);

  const auto by_year = svc().ProgressByYear(officer(), team.id).value();
  ASSERT_EQ(by_year.size(), 2u);
  EXPECT_EQ(by_year[0].year, 2022);
  EXPECT_EQ(by_year[0].progress.actual.projects, 2);
  EXPECT_EQ(by_year[1].progress.actual.funds_fen, 7);

  EXPECT_EQ(svc().OrgHelpProjects(officer(), second_, {1, 20}).value().total, 1);
  EXPECT_EQ(svc().OrgHelpProjects(officer(), lead_, {1, 20}).value().total, 2);
  EXPECT_EQ(svc().OrgHelpProjects(ActorAt(beijing_), lead_, {1, 20}).value().total, 0);
}

TEST_P(TeamServiceTest, HelpProjectMembersMustBeTheTeamsMembers) {
  const Team team = MakeTeam();
  auto r = svc().CreateHelpProject(officer(), team.id,
                                   {"帮扶", "610822", 1, 1, "2022-01-01", {lead_, outsider_}});
  ASSERT_FALSE(r);
  EXPECT_EQ(Fields(r.error()), std::vector<std::string>{"member_org_ids"});
  const HelpProject h = Help(team.id, "2022-01-01", 1, 1, {lead_});
  auto moved = svc().UpdateHelpProject(
      officer(), team.id, h.id, {.member_org_ids = std::vector<std::int64_t>{second_, third_}});
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->members.size(), 2u);
  EXPECT_FALSE(svc().UpdateHelpProject(officer(), team.id, h.id, {.funds_fen = -1}));
}

TEST_P(TeamServiceTest, TheOverviewTotalsTheProvincesTeams) {
  const Team a = MakeTeam("甲团");
  const Team b = MakeTeam("乙团");
  Help(a.id, "2022-02-01", 100, 10, {lead_, second_, third_});
  Help(b.id, "2022-02-01", 50, 5, {});
  Help(b.id, "2021-02-01", 1, 1, {});
  ASSERT_TRUE(svc().CreatePlan(officer(), a.id, {2022, 4, 1000}));
  const Overview o = svc().GetOverview(officer(), std::string("610000"), 2022).value();
  ASSERT_EQ(o.rows.size(), 2u);
  EXPECT_EQ(o.rows[0].members, 3);
  EXPECT_EQ(o.rows[0].progress.actual.projects, 1);
  EXPECT_EQ(o.total.actual.projects, 2);
  EXPECT_EQ(o.total.actual.funds_fen, 150);
  EXPECT_EQ(o.total.planned.projects, 4);
  EXPECT_TRUE(svc().GetOverview(officer(), std::string("110000"), 2022).value().rows.empty());
  EXPECT_TRUE(
      svc().GetOverview(ActorAt(beijing_), std::string("610000"), 2022).value().rows.empty());
  EXPECT_FALSE(svc().GetOverview(officer(), std::string("999999"), 2022));
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(TeamServiceTest);

}  // namespace
}  // namespace lianyin::domain::team
