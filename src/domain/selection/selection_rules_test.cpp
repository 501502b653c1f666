#include "domain/selection/selection_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::selection {
namespace {

NewRound Valid() {
  return {"2022年全国工会优秀服务项目评选",
          2022,
          1,
          3,
          {{"need", "需求契合度", 30}, {"effect", "服务成效", 40}, {"model", "示范推广价值", 30}},
          {{"skills", 10, 0}, {"health", 20, 0}}};
}

TEST(SelectionRules, ARoundNeedsARubricAndQuotas) {
  EXPECT_TRUE(CheckRound(Valid()));
  NewRound r = Valid();
  r.rubric.push_back({"need", "重复", 0});
  r.quotas.push_back({"astronomy", 0, 0});
  r.experts_per_project = 0;
  auto bad = CheckRound(r);
  ASSERT_FALSE(bad);
  std::vector<std::string> fields;
  for (const auto& d : bad.error().details) fields.push_back(d.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"experts_per_project", "rubric[3].code",
                                              "rubric[3].max_score", "quotas[2].category",
                                              "quotas[2].quota"}));
}

TEST(SelectionRules, TheRoundMovesForwardOneStep) {
  EXPECT_TRUE(CanMove(RoundStatus::kDraft, RoundStatus::kNominating));
  EXPECT_TRUE(CanMove(RoundStatus::kScoring, RoundStatus::kPublished));
  EXPECT_FALSE(CanMove(RoundStatus::kDraft, RoundStatus::kScoring));
  EXPECT_FALSE(CanMove(RoundStatus::kPublished, RoundStatus::kDraft));
}

TEST(SelectionRules, ScoresFollowTheRubric) {
  const auto rubric = Valid().rubric;
  EXPECT_EQ(*CheckScores(rubric, {{"need", 25}, {"effect", 38}, {"model", 20}}), 83);
  auto bad = CheckScores(rubric, {{"need", 31}, {"effect", 38}, {"extra", 1}});
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().details.size(), 3u);
  EXPECT_EQ(bad.error().details[0].field, "scores.need");
  EXPECT_EQ(bad.error().details[1].field, "scores.model");
  EXPECT_EQ(bad.error().details[2].field, "scores.extra");
}

TEST(SelectionRules, TheScoreIsTheMeanInTenthsRoundedHalfUp) {
  EXPECT_EQ(ScoreTenths({80, 81}), 805);
  EXPECT_EQ(ScoreTenths({80, 80, 81}), 803);  // 80.333…
  EXPECT_EQ(ScoreTenths({80, 81, 81}), 807);  // 80.666…
  EXPECT_EQ(ScoreTenths({1, 2, 2, 2}), 18);   // 1.75 → 1.8
  EXPECT_EQ(ScoreTenths({}), 0);
}

TEST(SelectionRules, NoExpertScoresAProjectOfTheirOwnUnitOrOrganisation) {
  const ConflictKeys keys{10, 11, {100, 101}};
  EXPECT_TRUE(Conflicts({1, "甲", 10, std::nullopt}, keys));
  EXPECT_TRUE(Conflicts({2, "乙", 11, std::nullopt}, keys));
  EXPECT_TRUE(Conflicts({3, "丙", 12, 101}, keys));
  EXPECT_FALSE(Conflicts({4, "丁", 12, 102}, keys));
}

TEST(SelectionRules, AutomaticAssignmentBalancesLoadAndSkipsConflicts) {
  const std::vector<Expert> experts = {{1, "甲", 10, std::nullopt},
                                       {2, "乙", 20, std::nullopt},
                                       {3, "丙", 30, std::nullopt},
                                       {4, "丁", 40, std::nullopt}};
  const std::vector<std::pair<std::int64_t, ConflictKeys>> nominations = {
      {100, {10, 10, {}}}, {101, {20, 20, {}}}, {102, {30, 30, {}}}};
  const AutoAssignment plan = AssignExperts(nominations, {}, experts, 2);
  ASSERT_FALSE(plan.short_of);
  EXPECT_EQ(plan.experts.at(100), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(plan.experts.at(101), (std::vector<std::int64_t>{1, 4}));
  EXPECT_EQ(plan.experts.at(102), (std::vector<std::int64_t>{1, 2}));
  // Existing assignments count towards the load and are kept.
  const AutoAssignment more = AssignExperts(nominations, {{100, {1, 2}}}, experts, 2);
  EXPECT_FALSE(more.experts.contains(100));
  const AutoAssignment short_of = AssignExperts(nominations, {}, experts, 4);
  EXPECT_EQ(short_of.short_of, 100);
}

TEST(SelectionRules, RankingBreaksTiesAsStated) {
  const std::vector<RankInput> inputs = {
      {1, "skills", 850, 80, 100},  // tied with 2 on score and lowest total: more person-times
      {2, "skills", 850, 80, 900},  //
      {3, "skills", 850, 84, 10},   // same score, more consistent: first
      {4, "skills", 700, 60, 10},   //
      {5, "skills", 850, 80, 900},  // tied with 2 on everything: the earlier nomination wins
      {6, "health", 990, 99, 1}};
  const auto ranked = Rank(inputs, {{"skills", 2}, {"health", 1}});
  std::vector<std::int64_t> order;
  for (const RankResult& r : ranked) order.push_back(r.nomination_id);
  EXPECT_EQ(order, (std::vector<std::int64_t>{6, 3, 2, 5, 1, 4}));
  EXPECT_EQ(ranked[1].rank, 1);
  EXPECT_TRUE(ranked[2].excellent);
  EXPECT_FALSE(ranked[3].excellent);
  EXPECT_EQ(ranked[5].rank, 5);
  EXPECT_TRUE(ranked[0].excellent);
}

}  // namespace
}  // namespace lianyin::domain::selection
