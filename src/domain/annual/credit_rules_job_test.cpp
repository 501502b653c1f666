#include "domain/annual/credit_rules_job.hpp"

#include <atomic>
#include <thread>

#include "domain/annual/annual_test_fixture.hpp"
#include "domain/credit/credit_service.hpp"

namespace lianyin::domain::annual {
namespace {

class CreditRulesJobTest : public AnnualTest {
 protected:
  CreditRulesReport Run(const std::string& today) {
    auto report =
        RunCreditRules(*writer_, core::ParseDate(today).value(), today + "T02:00:00+08:00");
    EXPECT_TRUE(report) << report.error().message;
    return report ? *report : CreditRulesReport{};
  }
  std::vector<credit::CreditEntry> Entries(std::int64_t org) {
    return credit::CreditService(*writer_).List(root_, {.org_id = org}, {}).items;
  }
  std::string Status(std::int64_t org) {
    return std::string(org::OrgStatusName(orgs_->Get(root_, org).value().org.status));
  }
};

TEST_P(CreditRulesJobTest, NoReportByTheDeadlineEntersTheAbnormalListOnce) {
  SetToday("2024-03-01");
  for (const std::int64_t org : {org_, other_org_}) {
    ASSERT_TRUE(svc().Submit(ActorAt(xian_), org, Report(2022)));
  }
  ASSERT_TRUE(svc().Submit(ActorAt(xian_), org_, Report(2023)));
  Org("新成立的中心", "52610100MJ0000003", "2024-01-10");
  EXPECT_EQ(Run("2024-06-30").abnormal, 0) << "the deadline day is still in time";
  const CreditRulesReport first = Run("2024-07-01");
  EXPECT_EQ(first.year, 2023);
  EXPECT_EQ(first.abnormal, 1) << "only the organisation that owed 2023 and did not report";
  EXPECT_EQ(first.status_changes, 1);
  const auto entries = Entries(other_org_);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].list, credit::CreditList::kAbnormal);
  EXPECT_EQ(entries[0].entered_on, "2024-07-01");
  EXPECT_EQ(entries[0].entered_by_user_id, std::nullopt);
  EXPECT_NE(entries[0].reason.find("2023"), std::string::npos) << entries[0].reason;
  EXPECT_EQ(Status(other_org_), "abnormal") << "the registry's status follows the list";
  EXPECT_EQ(Status(org_), "registered");
  // On the organisation's timeline, by the system.
  const auto history = orgs_->History(root_, other_org_).value();
  EXPECT_EQ(history.back().action, "credit_rule");
  EXPECT_EQ(history.back().actor_username, "system");
  EXPECT_EQ(history.back().to_status.value_or(""), "abnormal");
  // Again, later, adds nothing.
  const CreditRulesReport second = Run("2024-08-01");
  EXPECT_EQ(second.abnormal + second.dishonest + second.status_changes, 0);
  EXPECT_EQ(Entries(other_org_).size(), 1u);
}

TEST_P(CreditRulesJobTest, ARemovedEntryIsNotMadeAgainByTheSameRule) {
  Run("2024-07-01");
  SetToday("2024-07-02");
  credit::CreditService credit(*writer_, [this] { return now_; });
  const std::int64_t entry = Entries(org_).at(0).id;
  ASSERT_TRUE(credit.Remove(ActorAt(xian_), entry, {"已补报", "2024-07-02"}));
  EXPECT_EQ(Run("2024-07-03").abnormal, 0);
  EXPECT_EQ(Run("2025-07-01").abnormal, 1) << "the next year's rule is another";
}

TEST_P(CreditRulesJobTest, TwoYearsOnTheAbnormalListLeadToTheDishonestList) {
  Run("2024-07-01");
  EXPECT_EQ(Run("2026-06-30").dishonest, 0);
  const CreditRulesReport report = Run("2026-07-01");
  EXPECT_EQ(report.dishonest, 2);
  const auto entries = Entries(org_);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].list, credit::CreditList::kDishonest) << "newest first";
  EXPECT_EQ(entries[0].entered_on, "2026-07-01");
  EXPECT_TRUE(entries[1].active()) << "the abnormal entry stays";
  EXPECT_EQ(Run("2026-07-02").dishonest, 0);
  EXPECT_EQ(Status(org_), "abnormal");
}

TEST_P(CreditRulesJobTest, ConcurrentRunsAddEachEntryOnce) {
  for (int i = 0; i < 5; ++i) {
    Org("并发测试中心" + std::to_string(i), "52610100MJ000001" + std::to_string(i), "2010-01-01");
  }
  std::vector<std::thread> threads;
  std::atomic<std::int64_t> abnormal = 0, moved = 0;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      auto r = RunCreditRules(*writer_, {2024, 7, 1}, "2024-07-01T02:00:00+08:00");
      if (r) {
        abnormal += r->abnormal;
        moved += r->status_changes;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(abnormal.load(), 7);
  EXPECT_EQ(moved.load(), 7);
  EXPECT_EQ(credit::CreditService(*writer_).List(root_, {}, {}).total, 7);
  std::int64_t audited = 0;
  for (const common::Change& c : recorder_.changes()) audited += c.entity == "credit_entry";
  EXPECT_GE(audited, 7);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(CreditRulesJobTest);

}  // namespace
}  // namespace lianyin::domain::annual
