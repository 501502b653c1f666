#include "domain/matching/matching_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::matching {
namespace {

NewDemand ValidDemand() {
  return {"外卖骑手健康体检", "health",     "320571",     50, "2023-04-01",
          "2023-06-30",       std::nullopt, std::nullopt, 7,  std::nullopt};
}

NewResource ValidResource() {
  return {3,     "职工体检套餐", "health", {"320500"}, 100, "2023-05-01", "2023-12-31",
          15000, std::nullopt};
}

bool HasField(const core::Result<void>& r, const std::string& field) {
  if (r) return false;
  for (const auto& d : r.error().details) {
    if (d.field == field) return true;
  }
  return false;
}

TEST(MatchingRules, AcceptsValidListings) {
  EXPECT_TRUE(CheckNewDemand(ValidDemand(), std::nullopt));
  EXPECT_TRUE(CheckNewResource(ValidResource()));
}

TEST(MatchingRules, NamesEveryBadField) {
  NewDemand d = ValidDemand();
  d.category = "nope";
  d.headcount = 0;
  d.window_end = "2023-03-01";
  d.target_group = "aliens";
  const auto r = CheckNewDemand(d, std::nullopt);
  EXPECT_TRUE(HasField(r, "category"));
  EXPECT_TRUE(HasField(r, "headcount"));
  EXPECT_TRUE(HasField(r, "window_end"));
  EXPECT_TRUE(HasField(r, "target_group"));

  NewResource s = ValidResource();
  s.region_codes = {"320500", "320500", "32"};
  s.cost_per_person_fen = -1;
  const auto rs = CheckNewResource(s);
  EXPECT_TRUE(HasField(rs, "region_codes[1]"));
  EXPECT_TRUE(HasField(rs, "region_codes[2]"));
  EXPECT_TRUE(HasField(rs, "cost_per_person_fen"));
  s.region_codes.clear();
  EXPECT_TRUE(HasField(CheckNewResource(s), "region_codes"));
}

TEST(MatchingRules, AWorkerPostsForItselfAndItsOwnUnit) {
  constexpr std::int64_t kWorker = 42;
  NewDemand phone = ValidDemand();
  phone.unit_id = 0;  // the phone form names no unit
  EXPECT_TRUE(CheckNewDemand(phone, kWorker));
  EXPECT_TRUE(HasField(CheckNewDemand(phone, std::nullopt), "unit_id"));

  phone.worker_id = kWorker;
  EXPECT_TRUE(CheckNewDemand(phone, kWorker));
  EXPECT_TRUE(HasField(CheckNewDemand(phone, std::nullopt), "worker_id"));
  phone.worker_id = kWorker + 1;
  EXPECT_TRUE(HasField(CheckNewDemand(phone, kWorker), "worker_id"));

  NewDemand mine = ValidDemand();
  mine.unit_id = 0;
  auto owned = OwnedByWorker(mine, kWorker, 9);
  ASSERT_TRUE(owned);
  EXPECT_EQ(owned->unit_id, 9);
  EXPECT_EQ(owned->worker_id, kWorker);
  mine.unit_id = 9;
  EXPECT_TRUE(OwnedByWorker(mine, kWorker, 9));
  mine.unit_id = 7;
  auto other_unit = OwnedByWorker(mine, kWorker, 9);
  ASSERT_FALSE(other_unit);
  EXPECT_EQ(other_unit.error().details.at(0).field, "unit_id");
  mine.unit_id = 9;
  mine.worker_id = kWorker + 1;
  auto other_worker = OwnedByWorker(mine, kWorker, 9);
  ASSERT_FALSE(other_worker);
  EXPECT_EQ(other_worker.error().details.at(0).field, "worker_id");
}

TEST(MatchingRules, RunRequestsNameEveryBadField) {
  EXPECT_TRUE(CheckRunRequest({}));
  EXPECT_TRUE(CheckRunRequest({"320500", "health", {1, 2}, {3}}));
  RunRequest bad{"3205", "cooking", std::vector<std::int64_t>(kMaxRunIds + 1, 1), {}};
  const auto checked = CheckRunRequest(bad);
  EXPECT_TRUE(HasField(checked, "region_code"));
  EXPECT_TRUE(HasField(checked, "category"));
  EXPECT_TRUE(HasField(checked, "demand_ids"));
  EXPECT_FALSE(HasField(checked, "resource_ids"));
}

TEST(MatchingRules, MatchedDemandKeepsItsShape) {
  Demand current;
  current.headcount = 50;
  current.matched = 20;
  current.status = ListingStatus::kPartlyMatched;
  DemandPatch patch;
  patch.category = "skills";
  patch.headcount = 10;
  const auto r = ApplyPatch(ValidDemand(), current, patch);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().details.size(), 2u);
  DemandPatch ok;
  ok.headcount = 20;
  ok.title = "新标题";
  const auto next = ApplyPatch(ValidDemand(), current, ok);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->headcount, 20);
  current.status = ListingStatus::kWithdrawn;
  EXPECT_EQ(ApplyPatch(ValidDemand(), current, ok).error().code, core::ErrorCode::kConflict);
}

TEST(MatchingRules, ListingLifecycle) {
  EXPECT_EQ(DerivedStatus(0, 10), ListingStatus::kOpen);
  EXPECT_EQ(DerivedStatus(3, 10), ListingStatus::kPartlyMatched);
  EXPECT_EQ(DerivedStatus(10, 10), ListingStatus::kMatched);
  EXPECT_EQ(*CheckListingMove(ListingStatus::kOpen, {"closed", {}}), ListingStatus::kClosed);
  EXPECT_EQ(*CheckListingMove(ListingStatus::kClosed, {"open", {}}), ListingStatus::kOpen);
  EXPECT_EQ(CheckListingMove(ListingStatus::kOpen, {"open", {}}).error().code,
            core::ErrorCode::kConflict);
  EXPECT_EQ(CheckListingMove(ListingStatus::kWithdrawn, {"withdrawn", {}}).error().code,
            core::ErrorCode::kConflict);
  EXPECT_EQ(CheckListingMove(ListingStatus::kOpen, {"matched", {}}).error().code,
            core::ErrorCode::kValidationFailed);
}

TEST(MatchingRules, MatchLifecycle) {
  using S = MatchStatus;
  EXPECT_TRUE(CanMove(S::kProposed, S::kAccepted));
  EXPECT_TRUE(CanMove(S::kProposed, S::kRejected));
  EXPECT_TRUE(CanMove(S::kAccepted, S::kInService));
  EXPECT_TRUE(CanMove(S::kAccepted, S::kWithdrawn));
  EXPECT_TRUE(CanMove(S::kInService, S::kDone));
  EXPECT_TRUE(CanMove(S::kDone, S::kRated));
  EXPECT_FALSE(CanMove(S::kProposed, S::kInService));
  EXPECT_FALSE(CanMove(S::kRejected, S::kAccepted));
  EXPECT_FALSE(CanMove(S::kInService, S::kWithdrawn));
  EXPECT_FALSE(CanMove(S::kRated, S::kRated));
  EXPECT_TRUE(Reserves(S::kRated));
  EXPECT_FALSE(Reserves(S::kProposed));
  EXPECT_FALSE(CheckRating({0, {}}));
  EXPECT_TRUE(CheckRating({5, std::string("很好")}));
}

TEST(MatchingRules, AServedMatchBecomesAnEventWithTheDemandsDefaults) {
  EXPECT_TRUE(Served(MatchStatus::kInService));
  EXPECT_TRUE(Served(MatchStatus::kRated));
  EXPECT_FALSE(Served(MatchStatus::kAccepted));
  Match m;
  m.org_id = 9;
  m.headcount = 12;
  Demand d;
  d.title = "外卖骑手健康体检";
  d.category = "health";
  d.region_code = "320571";
  d.target_group = "new_employment_workers";
  EventRequest r;
  r.start = "2024-06-01T09:00:00";
  r.end = "2024-06-01T11:00:00";
  r.address = "园区职工服务中心";
  event::NewEvent e = EventOfMatch(m, d, r);
  EXPECT_EQ(e.org_id, 9);
  EXPECT_EQ(e.title, "外卖骑手健康体检");
  EXPECT_EQ(e.category, "health");
  EXPECT_EQ(e.capacity, 12);
  EXPECT_EQ(e.target_groups, std::vector<std::string>{"new_employment_workers"});
  EXPECT_EQ(e.region_code, "320571");
  EXPECT_EQ(e.address, "园区职工服务中心");
  EXPECT_EQ(e.start, r.start);

  // Given fields win; a booking leaves the region to the venue.
  r.title = "骑手体检说明会";
  r.category = "skills";
  r.capacity = 30;
  r.target_groups = std::vector<std::string>{};
  r.booking_id = 4;
  e = EventOfMatch(m, d, r);
  EXPECT_EQ(e.title, "骑手体检说明会");
  EXPECT_EQ(e.category, "skills");
  EXPECT_EQ(e.capacity, 30);
  EXPECT_TRUE(e.target_groups.empty());
  EXPECT_FALSE(e.region_code);
  EXPECT_EQ(e.booking_id, 4);
}

TEST(MatchingRules, WindowsOverlapInclusively) {
  EXPECT_EQ(OverlapDays("2023-04-01", "2023-04-30", "2023-04-30", "2023-05-31"), 1);
  EXPECT_EQ(OverlapDays("2023-04-01", "2023-04-30", "2023-05-01", "2023-05-31"), 0);
  EXPECT_EQ(OverlapDays("2023-01-01", "2023-12-31", "2023-03-01", "2023-03-31"), 31);
  EXPECT_EQ(WindowDays("2024-02-01", "2024-02-29"), 29);
}

TEST(MatchingRules, ScoreFollowsTheStatedFormula) {
  Resource r;
  r.id = 1;
  Features f;
  f.coverage_level = 3;  // county: 20
  f.covering_region = "苏州工业园区";
  f.overlap_days = 30;  // of 60: 10
  f.demand_days = 60;
  f.remaining = 25;  // of 50: 12.5
  f.need = 50;
  f.cost_per_person_fen = 100;  // cheapest: 15
  f.min_cost_fen = 100;
  f.max_cost_fen = 300;
  f.grade = "4A";       // 8
  f.mean_rating = 4.0;  // 7.5
  f.ratings = 3;
  const Recommendation rec = Score(r, "health", f);
  EXPECT_DOUBLE_EQ(rec.score, 73.0);
  ASSERT_EQ(rec.reasons.size(), 7u);
  EXPECT_FALSE(rec.reasons[0].points.has_value());  // the category: required, not scored
  f.grade.reset();
  f.mean_rating.reset();
  f.ratings = 0;
  f.cost_per_person_fen = 300;  // dearest: 0
  EXPECT_DOUBLE_EQ(Score(r, "health", f).score, 20 + 10 + 12.5 + 0 + 0 + 5);
}

}  // namespace
}  // namespace lianyin::domain::matching
