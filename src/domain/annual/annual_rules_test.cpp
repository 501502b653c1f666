#include "domain/annual/annual_rules.hpp"

#include <gtest/gtest.h>

#include <set>

namespace lianyin::domain::annual {
namespace {

std::set<std::string> Fields(const core::Error& e) {
  std::set<std::string> out;
  for (const auto& d : e.details) out.insert(d.field);
  return out;
}

NewReport Good() { return {2023, {100000, 80000, 50000, 30000, "开展职工服务活动 12 场"}}; }

TEST(AnnualRules, TheDeadlineIsThirtyJuneOfTheNextYear) {
  EXPECT_EQ(core::FormatDate(Deadline(2023)), "2024-06-30");
  EXPECT_EQ(LatestDueYear({2024, 6, 30}), 2022) << "2023's report is still due that day";
  EXPECT_EQ(LatestDueYear({2024, 7, 1}), 2023);
  EXPECT_EQ(LatestDueYear({2024, 12, 31}), 2023);
  EXPECT_EQ(LatestDueYear({2025, 1, 1}), 2023);
}

TEST(AnnualRules, AGoodReportPasses) {
  EXPECT_TRUE(CheckNewReport(Good(), {2024, 3, 1}, "2015-06-01"));
  NewReport founded_that_year = Good();
  EXPECT_TRUE(CheckNewReport(founded_that_year, {2024, 3, 1}, "2023-11-20"));
}

TEST(AnnualRules, EveryBadFieldIsNamedAtOnce) {
  NewReport r{2025, {-1, -2, -3, -4, ""}};
  auto checked = CheckNewReport(r, {2024, 3, 1}, "2015-06-01");
  ASSERT_FALSE(checked);
  EXPECT_EQ(Fields(checked.error()),
            (std::set<std::string>{"year", "income_fen", "expense_fen", "net_assets_fen",
                                   "gov_purchase_income_fen", "activities"}));
}

TEST(AnnualRules, GovernmentPurchasesAreOfIncomeAndTheYearFollowsTheFounding) {
  NewReport r = Good();
  r.fields.gov_purchase_income_fen = r.fields.income_fen + 1;
  r.year = 2014;
  auto checked = CheckNewReport(r, {2024, 3, 1}, "2015-06-01");
  ASSERT_FALSE(checked);
  EXPECT_EQ(Fields(checked.error()), (std::set<std::string>{"year", "gov_purchase_income_fen"}));
  r.fields.activities = std::string(kMaxActivitiesChars + 1, 'a');
  EXPECT_TRUE(Fields(CheckFields(r.fields).error()).contains("activities"));
}

TEST(AnnualRules, AReviewNeedsAResultAndSaysWhyUnlessItPasses) {
  EXPECT_EQ(CheckReview("pass", "").value(), ReportResult::kPass);
  EXPECT_FALSE(CheckReview("fail", ""));
  EXPECT_EQ(CheckReview("basic_pass", "财务制度需完善").value(), ReportResult::kBasicPass);
  EXPECT_EQ(Fields(CheckReview("excellent", std::string(kMaxCommentChars + 1, 'x')).error()),
            (std::set<std::string>{"result", "comment"}));
  EXPECT_FALSE(CheckReturn(""));
}

TEST(AnnualRules, APenaltyNamesItsKindAndAFineItsAmount) {
  NewPenalty p{"2024-02-01", "fine", "未按规定使用票据", "京民罚字〔2024〕1号", 500000};
  EXPECT_TRUE(CheckPenalty(p, {2024, 3, 1}));
  p.amount_fen.reset();
  p.kind = "fine";
  p.decided_on = "2024-04-01";
  EXPECT_EQ(Fields(CheckPenalty(p, {2024, 3, 1}).error()),
            (std::set<std::string>{"decided_on", "amount_fen"}));
  p = {"2024-02-01", "scolding", "", std::nullopt, -1};
  EXPECT_EQ(Fields(CheckPenalty(p, {2024, 3, 1}).error()),
            (std::set<std::string>{"kind", "reason", "amount_fen"}));
}

}  // namespace
}  // namespace lianyin::domain::annual
