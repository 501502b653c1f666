// MechanismService on both engines: meetings and their scope, decisions as supervised tasks,
// the owner's visibility, progress and reopening, overdue marking and filters, the calendar,
// and two parallel `done` reports counted once.

#include <atomic>

#include "domain/mechanism/mechanism_test_fixture.hpp"

namespace lianyin::domain::mechanism {
namespace {

using core::ErrorCode;

class MechanismServiceTest : public MechanismTest {};

TEST_P(MechanismServiceTest, MeetingsAreTheirUnitsSubtreesRecords) {
  const std::int64_t id = MakeMeeting();
  auto got = svc().GetMeeting(ActorAt(shaanxi_), id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->meeting.attendees.size(), 2u);
  EXPECT_EQ(got->meeting.attendees[0].org_id, org_);
  EXPECT_EQ(svc().GetMeeting(ActorAt(xian_), id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc().GetMeeting(ActorAt(beijing_), id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(svc().GetMeeting(root_, id));
  EXPECT_EQ(svc().ListMeetings(ActorAt(beijing_), {}, {1, 20}).total, 0);
  EXPECT_EQ(svc().ListMeetings(ActorAt(shaanxi_), {}, {1, 20}).total, 1);
  // A unit outside the caller's subtree is not there to name.
  MeetingInput in{"会商", "consultation", beijing_, "2026-04-01T09:00:00+08:00"};
  auto foreign = svc().CreateMeeting(ActorAt(shaanxi_), in);
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().details.at(0).field, "unit_id");
  auto minutes = svc().RecordMinutes(ActorAt(shaanxi_), id, "会议议定五项事项");
  ASSERT_TRUE(minutes);
  EXPECT_EQ(minutes->meeting.minutes, "会议议定五项事项");
  EXPECT_EQ(Changes("meeting", "record_minutes"), 1);
}

TEST_P(MechanismServiceTest, MeetingFieldsAreCheckedAtOnce) {
  MeetingInput in;
  in.kind = "weekly";
  in.starts_at = "tomorrow";
  auto r = svc().CreateMeeting(ActorAt(shaanxi_), in);
  ASSERT_FALSE(r);
  std::set<std::string> fields;
  for (const auto& d : r.error().details) fields.insert(d.field);
  EXPECT_EQ(fields, (std::set<std::string>{"title", "kind", "unit_id", "starts_at"}));
}

TEST_P(MechanismServiceTest, OwnersSeeTheirTasksAndReportProgress) {
  const std::int64_t meeting = MakeMeeting();
  const std::int64_t by_unit = MakeTask(meeting, {"摸清帮扶县需求", xian_, {}, {}, "2026-06-30"});
  const std::int64_t by_org = MakeTask(meeting, {"报送消费帮扶台账", {}, org_, {}, "2026-05-10"});
  // The owner unit's subtree sees its task only; the org's member sees the org's.
  EXPECT_TRUE(svc().GetTask(ActorAt(xian_), by_unit));
  EXPECT_EQ(svc().GetTask(ActorAt(xian_), by_org).error().code, ErrorCode::kNotFound);
  const account::Actor member = ActorAt(xian_, org_);
  EXPECT_EQ(svc().GetTask(member, by_unit).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc().ListTasks(member, {}, {1, 20}).total, 1);
  EXPECT_EQ(svc().ListTasks(ActorAt(beijing_), {}, {1, 20}).total, 0);
  EXPECT_EQ(svc().GetTask(ActorAt(beijing_), by_unit).error().code, ErrorCode::kNotFound);
  // The org's task is overdue (deadline 05-10, today 05-20) until done.
  EXPECT_TRUE(svc().GetTask(member, by_org)->task.overdue);
  EXPECT_EQ(svc().ListTasks(ActorAt(shaanxi_), {.overdue = true}, {1, 20}).total, 1);
  auto done = svc().ReportProgress(member, by_org, {std::string("台账已报送"), TaskStatus::kDone});
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_FALSE(done->task.overdue);
  EXPECT_EQ(done->progress.size(), 1u);
  EXPECT_EQ(svc().ListTasks(ActorAt(shaanxi_), {.overdue = true}, {1, 20}).total, 0);
  // Only the meeting's unit reopens.
  const ProgressInput reopen{std::string("材料不全"), TaskStatus::kInProgress};
  EXPECT_EQ(svc().ReportProgress(member, by_org, reopen).error().code, ErrorCode::kForbidden);
  auto reopened = svc().ReportProgress(ActorAt(shaanxi_), by_org, reopen);
  ASSERT_TRUE(reopened);
  EXPECT_EQ(reopened->task.status, TaskStatus::kInProgress);
  EXPECT_EQ(reopened->progress.size(), 2u);
}

TEST_P(MechanismServiceTest, DecisionsNeedAnOwnerInScopeAndAValidDeadline) {
  const std::int64_t meeting = MakeMeeting();
  auto r = svc().AddDecision(ActorAt(shaanxi_), meeting, {"事项", beijing_, {}, {}, "2026-06-30"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().details.at(0).field, "owner_unit_id");
  r = svc().AddDecision(ActorAt(shaanxi_), meeting, {"事项", {}, {}, {}, "2026-02-30"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().details.size(), 2u);  // deadline and owner
  EXPECT_EQ(svc()
                .AddDecision(ActorAt(beijing_), meeting, {"事项", {}, {}, "张三", "2026-06-30"})
                .error()
                .code,
            ErrorCode::kNotFound);
  EXPECT_EQ(svc().GetMeeting(ActorAt(shaanxi_), meeting)->decisions.size(), 0u);
}

TEST_P(MechanismServiceTest, TwoParallelDoneReportsCountOnce) {
  const std::int64_t meeting = MakeMeeting();
  const std::int64_t task = MakeTask(meeting, {"对接帮扶项目", xian_, {}, {}, "2026-06-30"});
  ASSERT_TRUE(
      svc().ReportProgress(ActorAt(xian_), task, {std::string("已启动"), TaskStatus::kInProgress}));
  std::atomic<int> ok{0}, conflict{0};
  AtOnce(2, [&](int) {
    auto r = svc().ReportProgress(ActorAt(xian_), task, {std::string("已办结"), TaskStatus::kDone});
    if (r) {
      ++ok;
    } else if (r.error().code == ErrorCode::kConflict) {
      ++conflict;
    } else {
      ADD_FAILURE() << r.error().message;
    }
  });
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(conflict, 1);
  EXPECT_EQ(Changes("supervised_task", "transition"), 2);  // in_progress, then one done
  EXPECT_EQ(svc().GetTask(ActorAt(shaanxi_), task)->progress.size(), 2u);
}

TEST_P(MechanismServiceTest, CalendarShowsMeetingsDeadlinesAndComingOccurrences) {
  const std::int64_t meeting = MakeMeeting();
  MakeTask(meeting, {"摸清帮扶县需求", xian_, {}, {}, "2026-03-31"});
  NewTemplate t{"季度调度",   "meeting",
                "quarterly",  shaanxi_,
                "2026-01-01", std::nullopt,
                10,           MeetingSpec{"dispatch", "{period}调度会", std::nullopt, {}},
                std::nullopt};
  ASSERT_TRUE(svc().CreateTemplate(ActorAt(shaanxi_), t));
  const auto from = core::ParseDate("2026-03-01").value();
  const auto to = core::ParseDate("2026-09-30").value();
  auto items = svc().Calendar(ActorAt(shaanxi_), from, to);
  ASSERT_TRUE(items);
  ASSERT_EQ(items->size(), 4u);  // the meeting, the deadline, Q2 and Q3 (Q1 is due already)
  EXPECT_EQ((*items)[0].type, "meeting");
  EXPECT_EQ((*items)[1].type, "deadline");
  EXPECT_EQ((*items)[1].kind, "overdue");
  EXPECT_EQ((*items)[2].title, "2026年第2季度调度会");
  EXPECT_EQ(svc().Calendar(ActorAt(xian_), from, to)->size(), 1u);  // its deadline only
  EXPECT_EQ(
      svc().Calendar(ActorAt(shaanxi_), from, core::ParseDate("2027-03-05").value()).error().code,
      ErrorCode::kValidationFailed);
}

TEST_P(MechanismServiceTest, ReportTaskTemplatesNeedAnIssuer) {
  NewTemplate t{
      "季度报送", "report_task", "quarterly",
      shaanxi_,   "2026-01-01",  std::nullopt,
      5,          std::nullopt,  ReportTaskSpec{"{period}数据报送", {"help_projects"}, xian_, 15}};
  auto r = svc().CreateTemplate(ActorAt(shaanxi_), t);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().details.at(0).message, "report_tasks_unavailable");
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(MechanismServiceTest);

}  // namespace
}  // namespace lianyin::domain::mechanism
