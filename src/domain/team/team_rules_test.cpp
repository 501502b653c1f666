#include "domain/team/team_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::team {
namespace {

std::vector<std::string> Fields(const core::Result<void>& r) {
  std::vector<std::string> out;
  if (!r) {
    for (const auto& d : r.error().details) out.push_back(d.field);
  }
  return out;
}

TEST(TeamRules, EveryBadFieldOfAHelpProjectAtOnce) {
  EXPECT_TRUE(CheckHelpProject({"帮扶", "610822", 0, 0, "2022-01-01", {}}));
  EXPECT_EQ(Fields(CheckHelpProject({"", "6108", -1, -1, "2022-13-01", {0}})),
            (std::vector<std::string>{"title", "county_code", "funds_fen", "beneficiaries",
                                      "started_on", "member_org_ids"}));
}

TEST(TeamRules, PlansAndConsumptionAreBounded) {
  EXPECT_EQ(Fields(CheckPlan({1999, -1, kMaxFen + 1})),
            (std::vector<std::string>{"year", "projects_planned", "funds_planned_fen"}));
  EXPECT_EQ(Fields(CheckConsumption({"2022-01-01", "gift", 0, "610822"})),
            (std::vector<std::string>{"kind", "amount_fen"}));
  EXPECT_EQ(Fields(CheckTeamPatch({.domain = "farming"})), std::vector<std::string>{"domain"});
}

}  // namespace
}  // namespace lianyin::domain::team
