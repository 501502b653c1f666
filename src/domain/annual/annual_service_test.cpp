#include "domain/annual/annual_service.hpp"

#include <atomic>
#include <thread>

#include "domain/annual/annual_gate.hpp"
#include "domain/annual/annual_test_fixture.hpp"

namespace lianyin::domain::annual {
namespace {

using core::ErrorCode;

class AnnualServiceTest : public AnnualTest {};

TEST_P(AnnualServiceTest, MembersAndTheAuthoritySubmitOncePerYear) {
  SetToday("2024-03-01");
  auto own = svc().Submit(ActorAt(beijing_, org_), org_, Report(2023));
  ASSERT_TRUE(own) << own.error().message;
  EXPECT_EQ(own->status, ReportStatus::kSubmitted);
  EXPECT_EQ(own->unit_id, xian_) << "owned by the registration unit";
  EXPECT_EQ(own->org_name, "西安市职工服务中心");
  auto again = svc().Submit(ActorAt(xian_), org_, Report(2023));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().details.at(0).field, "year");
  EXPECT_TRUE(svc().Submit(ActorAt(shaanxi_), org_, Report(2022)));
  // A member of another organisation, and another province, may not file for it.
  EXPECT_EQ(svc().Submit(ActorAt(beijing_, other_org_), org_, Report(2021)).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(svc().Submit(ActorAt(beijing_), org_, Report(2021)).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(svc().Submit(root_, 999999, Report(2021)).error().code, ErrorCode::kNotFound);
  auto bad = svc().Submit(ActorAt(xian_), org_, {2014, {-1, 0, 0, 5, ""}});
  EXPECT_EQ(bad.error().details.size(), 4u) << "year, income, gov purchases, activities";
  // The member sees its organisation's reports only; the authority's province all of them.
  EXPECT_EQ(svc().List(ActorAt(beijing_, org_), {}, {}).total, 2);
  EXPECT_EQ(svc().List(ActorAt(beijing_, other_org_), {}, {}).total, 0);
  EXPECT_EQ(svc().List(ActorAt(shaanxi_), {.year = 2023}, {}).total, 1);
  EXPECT_EQ(svc().Get(ActorAt(beijing_), own->id).error().code, ErrorCode::kNotFound);
}

TEST_P(AnnualServiceTest, ReturnedReportsAreCorrectedAndResubmittedThenReviewedOnce) {
  SetToday("2024-03-01");
  const AnnualReport r = svc().Submit(ActorAt(xian_, org_), org_, Report(2023)).value();
  const account::Actor member = ActorAt(beijing_, org_);
  EXPECT_EQ(svc().Update(member, r.id, {.income_fen = 1}).error().code, ErrorCode::kConflict)
      << "a submitted report is not edited";
  EXPECT_EQ(svc().Review(member, r.id, "pass", "").error().code, ErrorCode::kForbidden);
  auto returned = svc().Return(ActorAt(xian_), r.id, "请补充政府购买服务收入明细");
  ASSERT_TRUE(returned) << returned.error().message;
  EXPECT_EQ(returned->status, ReportStatus::kReturned);
  EXPECT_EQ(svc().Review(ActorAt(xian_), r.id, "pass", "").error().code, ErrorCode::kConflict);
  auto invalid = svc().Update(member, r.id, {.gov_purchase_income_fen = 2000000});
  EXPECT_EQ(invalid.error().details.at(0).field, "gov_purchase_income_fen");
  auto edited = svc().Update(member, r.id, {.gov_purchase_income_fen = 400000});
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->fields.gov_purchase_income_fen, 400000);
  auto resubmitted = svc().Resubmit(member, r.id);
  ASSERT_TRUE(resubmitted);
  EXPECT_EQ(resubmitted->status, ReportStatus::kSubmitted);
  EXPECT_EQ(resubmitted->return_comment.value_or(""), "请补充政府购买服务收入明细");
  {
    store::Session session = db().Acquire();
    EXPECT_EQ(LastReviewedResult(session, org_), std::nullopt) << "not reviewed yet";
  }
  auto reviewed = svc().Review(ActorAt(shaanxi_), r.id, "fail", "财务制度不健全");
  ASSERT_TRUE(reviewed);
  EXPECT_EQ(reviewed->result, ReportResult::kFail);
  EXPECT_EQ(svc().Review(ActorAt(xian_), r.id, "pass", "").error().code, ErrorCode::kConflict);
  EXPECT_EQ(svc().Return(ActorAt(xian_), r.id, "x").error().code, ErrorCode::kConflict);
  EXPECT_EQ(svc().Review(ActorAt(beijing_), r.id, "pass", "").error().code, ErrorCode::kNotFound);
  std::vector<std::string> audited;
  for (const common::Change& c : recorder_.changes()) {
    if (c.entity == "annual_report") audited.push_back(c.action);
  }
  EXPECT_EQ(audited, (std::vector<std::string>{"create", "return", "update", "submit", "review"}));
  ASSERT_EQ(svc().PublicReports(org_).size(), 1u);
  EXPECT_EQ(svc().PublicReports(org_)[0].result, ReportResult::kFail);
}

TEST_P(AnnualServiceTest, TheGateAnswersTheLatestReviewedYear) {
  SetToday("2024-03-01");
  const auto review = [&](std::int64_t year, const char* result) {
    const AnnualReport r = svc().Submit(ActorAt(xian_), org_, Report(year)).value();
    ASSERT_TRUE(svc().Review(ActorAt(xian_), r.id, result, "意见"));
  };
  review(2022, "fail");
  review(2021, "pass");
  store::Session session = db().Acquire();
  EXPECT_EQ(LastReviewedResult(session, org_), ReportResult::kFail);
  review(2023, "basic_pass");
  EXPECT_EQ(LastReviewedResult(session, org_), ReportResult::kBasicPass);
  EXPECT_EQ(LastReviewedResult(session, other_org_), std::nullopt);
}

TEST_P(AnnualServiceTest, TheOverdueListNamesOrganisationsWithoutAReport) {
  SetToday("2024-07-15");
  Org("新成立的中心", "52610100MJ0000003", "2024-01-10");  // owes nothing for 2023
  ASSERT_TRUE(svc().Submit(ActorAt(xian_), org_, Report(2023)));
  const OverduePage page = svc().Overdue(ActorAt(shaanxi_), std::nullopt, {});
  EXPECT_EQ(page.year, 2023);
  EXPECT_EQ(page.deadline, "2024-06-30");
  EXPECT_TRUE(page.past_deadline);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items.at(0).org_id, other_org_);
  EXPECT_EQ(svc().Overdue(ActorAt(beijing_), 2023, {}).total, 0) << "out of scope";
  EXPECT_FALSE(svc().Overdue(ActorAt(xian_), 2024, {}).past_deadline);
}

TEST_P(AnnualServiceTest, ParallelSubmissionsAndReviewsGiveExactlyOne) {
  SetToday("2024-03-01");
  const auto race = [](int n, auto attempt) {
    std::atomic<int> ok = 0, conflict = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&] {
        auto r = attempt();
        if (r) {
          ++ok;
        } else if (r.error().code == ErrorCode::kConflict) {
          ++conflict;
        }
      });
    }
    for (std::thread& t : threads) t.join();
    return std::pair{ok.load(), conflict.load()};
  };
  EXPECT_EQ(race(8, [&] { return svc().Submit(ActorAt(xian_), org_, Report(2023)); }),
            std::pair(1, 7));
  const std::int64_t id = svc().List(root_, {}, {}).items.at(0).id;
  EXPECT_EQ(race(8, [&] { return svc().Review(ActorAt(xian_), id, "pass", ""); }), std::pair(1, 7));
}

TEST_P(AnnualServiceTest, PenaltiesAreRecordedByTheAuthorityAndDisclosed) {
  SetToday("2024-03-01");
  const NewPenalty fine{"2024-02-01", "fine", "违规收取费用", "西民罚〔2024〕3号", 200000};
  auto p = svc().AddPenalty(ActorAt(xian_), org_, fine);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->unit_name, "西安市民政局");
  EXPECT_EQ(svc().AddPenalty(ActorAt(beijing_), org_, fine).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(svc().AddPenalty(ActorAt(beijing_, org_), org_, fine).error().code,
            ErrorCode::kForbidden)
      << "members do not penalise themselves";
  EXPECT_EQ(svc().Penalties(ActorAt(beijing_, org_), org_, {}).value().total, 1);
  EXPECT_EQ(svc().Penalties(ActorAt(beijing_), org_, {}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc().PublicPenalties(org_).size(), 1u);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(AnnualServiceTest);

}  // namespace
}  // namespace lianyin::domain::annual
