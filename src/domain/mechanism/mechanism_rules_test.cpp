#include "domain/mechanism/mechanism_rules.hpp"

#include <gtest/gtest.h>

#include <set>

namespace lianyin::domain::mechanism {
namespace {

using core::ErrorCode;

core::Date D(const char* text) { return core::ParseDate(text).value(); }

MechanismTemplate Quarterly(const char* starts_on, std::int64_t lead_days) {
  MechanismTemplate t;
  t.kind = "meeting";
  t.recurrence = Recurrence::kQuarterly;
  t.starts_on = starts_on;
  t.lead_days = lead_days;
  t.meeting = MeetingSpec{"dispatch", "{period}工作调度会", std::nullopt, {}};
  return t;
}

TEST(MechanismRules, PeriodTitlesAreChinese) {
  EXPECT_EQ(PeriodTitle(core::Period::Quarter(2026, 3)), "2026年第3季度");
  EXPECT_EQ(PeriodTitle(core::Period::Half(2026, 1)), "2026年上半年");
  EXPECT_EQ(PeriodTitle(core::Period::Half(2026, 2)), "2026年下半年");
  EXPECT_EQ(PeriodTitle(core::Period::Month(2026, 7)), "2026年7月");
  EXPECT_EQ(PeriodTitle(core::Period::Year(2026)), "2026年");
  EXPECT_EQ(RenderTitle("{period}调度会（{period}）", core::Period::Quarter(2026, 3)),
            "2026年第3季度调度会（2026年第3季度）");
}

TEST(MechanismRules, DueOccurrencesStartAtStartsOnAndHonourLeadDays) {
  // Q2 ends 06-30: with 10 lead days it is due on 06-20, not on 06-19.
  EXPECT_EQ(DueOccurrences(Quarterly("2026-02-15", 10), D("2026-06-19")).size(), 1u);
  const auto due = DueOccurrences(Quarterly("2026-02-15", 10), D("2026-06-20"));
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].period, core::Period::Quarter(2026, 1));
  EXPECT_EQ(due[1].creates_on, D("2026-06-20"));
  EXPECT_TRUE(DueOccurrences(Quarterly("2026-02-15", 10), D("2026-02-14")).empty());
}

TEST(MechanismRules, EndsOnStopsTheSeriesAndCatchUpIsBounded) {
  MechanismTemplate t = Quarterly("2026-01-01", 0);
  t.ends_on = "2026-04-01";
  EXPECT_EQ(DueOccurrences(t, D("2027-12-31")).size(), 2u);
  MechanismTemplate old = Quarterly("1990-01-01", 0);
  old.recurrence = Recurrence::kMonthly;
  const auto due = DueOccurrences(old, D("2026-05-31"));
  ASSERT_EQ(due.size(), kMaxCatchUp);
  EXPECT_EQ(due.back().period, core::Period::Month(2026, 5));
}

TEST(MechanismRules, UpcomingOccurrencesAreThoseNotYetCreated) {
  const auto up = UpcomingOccurrences(Quarterly("2026-01-01", 10), D("2026-06-25"), D("2026-01-01"),
                                      D("2026-12-31"));
  ASSERT_EQ(up.size(), 2u);  // Q2 was created on 06-20; Q3 and Q4 are to come
  EXPECT_EQ(up[0].period, core::Period::Quarter(2026, 3));
}

TEST(MechanismRules, TaskStateMachine) {
  const ProgressInput done{std::string("已完成"), TaskStatus::kDone};
  EXPECT_EQ(NextStatus(TaskStatus::kOpen, done, false).value(), TaskStatus::kDone);
  EXPECT_EQ(NextStatus(TaskStatus::kOpen, {std::nullopt, TaskStatus::kDone}, false).error().code,
            ErrorCode::kValidationFailed);
  EXPECT_EQ(
      NextStatus(TaskStatus::kInProgress, {std::nullopt, TaskStatus::kOpen}, true).error().code,
      ErrorCode::kConflict);
  EXPECT_EQ(NextStatus(TaskStatus::kDone, done, true).error().code, ErrorCode::kConflict);
  const ProgressInput reopen{std::nullopt, TaskStatus::kInProgress};
  EXPECT_EQ(NextStatus(TaskStatus::kDone, reopen, false).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(NextStatus(TaskStatus::kDone, reopen, true).value(), TaskStatus::kInProgress);
  EXPECT_EQ(NextStatus(TaskStatus::kOpen, {std::string("推进中"), std::nullopt}, false).value(),
            TaskStatus::kOpen);
}

TEST(MechanismRules, OverdueIsBeforeTodayAndNotDone) {
  EXPECT_TRUE(IsOverdue("2026-05-19", TaskStatus::kInProgress, D("2026-05-20")));
  EXPECT_FALSE(IsOverdue("2026-05-20", TaskStatus::kOpen, D("2026-05-20")));
  EXPECT_FALSE(IsOverdue("2026-05-01", TaskStatus::kDone, D("2026-05-20")));
}

TEST(MechanismRules, CalendarRangeIsAtMost366Days) {
  EXPECT_TRUE(CheckCalendarRange(D("2026-01-01"), D("2027-01-02")));
  EXPECT_FALSE(CheckCalendarRange(D("2026-01-01"), D("2027-01-03")));
  EXPECT_FALSE(CheckCalendarRange(D("2026-02-01"), D("2026-01-31")));
}

TEST(MechanismRules, TemplateChecksEveryField) {
  NewTemplate t{"",           "meeting", "weekly",     1,           "2026-13-01",
                std::nullopt, -1,        std::nullopt, std::nullopt};
  auto r = CheckTemplate(t);
  ASSERT_FALSE(r);
  std::set<std::string> fields;
  for (const auto& d : r.error().details) fields.insert(d.field);
  EXPECT_EQ(fields, (std::set<std::string>{"recurrence", "starts_on", "lead_days", "meeting"}));
}

}  // namespace
}  // namespace lianyin::domain::mechanism
