#include "domain/inspection/inspection_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::inspection {
namespace {

TEST(InspectionRules, SamplingHintFollowsTheRegionLevel) {
  EXPECT_EQ(HintFor(3, 100).percent, 3);
  EXPECT_EQ(HintFor(3, 101).suggested_sample_size, 4);  // ceil(3.03)
  EXPECT_EQ(HintFor(2, 50).suggested_sample_size, 2);
  EXPECT_EQ(HintFor(1, 1000).suggested_sample_size, 50);
  EXPECT_EQ(HintFor(0, 7).suggested_sample_size, 1);
  EXPECT_EQ(HintFor(0, 0).suggested_sample_size, 0);
  EXPECT_EQ(HintFor(0, 7).level, "nation");
  EXPECT_EQ(HintFor(2, 7).level, "city");
}

TEST(InspectionRules, NewPlanReportsEveryBadFieldAndUpperCasesConflicts) {
  NewPlan bad{"", 0, 21, {"61", "club", "sports"}, 1, {{0, "x"}}};
  auto checked = CheckNewPlan(bad);
  ASSERT_FALSE(checked);
  std::vector<std::string> fields;
  for (const auto& d : checked.error().details) fields.push_back(d.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "sample_size", "inspectors_per_team",
                                              "org_filter.region_code", "org_filter.org_type",
                                              "org_filter.category", "conflicts[0].uscc",
                                              "conflicts[0].inspector_id"}));
  NewPlan good{"2024年度抽查", 3, 2, {}, 1, {{5, "52610100mj0000001w"}}};
  EXPECT_EQ(CheckNewPlan(good).value().conflicts[0].uscc, "52610100MJ0000001W");
}

TEST(InspectionRules, ResultsNeedFindingsUnlessNothingWasFound) {
  EXPECT_TRUE(CheckResult("no_issue", ""));
  EXPECT_FALSE(CheckResult("rectify", ""));
  EXPECT_TRUE(CheckResult("rectify", "账目不清，限期整改"));
  EXPECT_FALSE(CheckResult("fine", "x"));
}

TEST(InspectionRules, MergedConflictsAreSortedOnce) {
  auto merged = MergeConflicts({{2, "B"}, {1, "Z"}}, {{1, "A"}, {2, "B"}});
  EXPECT_EQ(merged, (std::vector<Conflict>{{1, "A"}, {1, "Z"}, {2, "B"}}));
}

}  // namespace
}  // namespace lianyin::domain::inspection
