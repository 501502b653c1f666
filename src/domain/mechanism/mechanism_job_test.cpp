// RunMechanismTemplates on both engines: due occurrences become meetings titled by their
// period, report-task templates go through the issuer, a second run adds nothing, an inactive
// template nothing, and four parallel runs create each occurrence once.

#include "domain/mechanism/mechanism_job.hpp"

#include <atomic>
#include <mutex>

#include "domain/mechanism/mechanism_test_fixture.hpp"

namespace lianyin::domain::mechanism {
namespace {

// Records what it was asked to issue and inserts nothing; ids count from 1000.
class FakeIssuer final : public ReportTaskIssuer {
 public:
  core::Result<std::int64_t> Issue(common::WriteTx&, const IssuedReportTask& task) override {
    std::lock_guard lock(mutex_);
    issued.push_back(task);
    return 1000 + static_cast<std::int64_t>(issued.size());
  }
  std::mutex mutex_;
  std::vector<IssuedReportTask> issued;
};

class MechanismJobTest : public MechanismTest {
 protected:
  std::int64_t MeetingTemplate(const std::string& recurrence, std::int64_t lead_days) {
    NewTemplate t{
        "工作机制",   "meeting",
        recurrence,   shaanxi_,
        "2026-01-01", std::nullopt,
        lead_days,    MeetingSpec{"dispatch", "{period}工作调度会", "省民政厅3楼会议室", {}},
        std::nullopt};
    auto created = svc().CreateTemplate(ActorAt(shaanxi_), t);
    EXPECT_TRUE(created) << created.error().message;
    return created ? created->id : 0;
  }
  MechanismJobReport Run(ReportTaskIssuer* issuer = nullptr) {
    auto r =
        RunMechanismTemplates(*writer_, core::LocalDate(now_), core::FormatDateTime(now_), issuer);
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : MechanismJobReport{};
  }
};

TEST_P(MechanismJobTest, DueOccurrencesBecomeMeetingsOnce) {
  MeetingTemplate("quarterly", 10);  // today 05-20: Q1 is due, Q2 (due 06-20) not yet
  MeetingTemplate("monthly", 0);     // January to April
  EXPECT_EQ(Run().meetings, 5);
  EXPECT_EQ(Run().meetings, 0);
  auto meetings = svc().ListMeetings(ActorAt(shaanxi_), {.kind = "dispatch"}, {1, 20});
  ASSERT_EQ(meetings.total, 5);
  std::set<std::string> titles;
  for (const Meeting& m : meetings.items) titles.insert(m.title);
  EXPECT_TRUE(titles.contains("2026年第1季度工作调度会"));
  EXPECT_TRUE(titles.contains("2026年4月工作调度会"));
  EXPECT_EQ(meetings.items.front().location, "省民政厅3楼会议室");
  SetToday("2026-06-20");
  EXPECT_EQ(Run().meetings, 2);  // Q2 and May
}

TEST_P(MechanismJobTest, InactiveTemplatesCreateNothing) {
  const std::int64_t id = MeetingTemplate("monthly", 0);
  ASSERT_TRUE(svc().SetTemplateActive(ActorAt(shaanxi_), id, false));
  EXPECT_EQ(Run().meetings, 0);
  ASSERT_TRUE(svc().SetTemplateActive(ActorAt(shaanxi_), id, true));
  EXPECT_EQ(Run().meetings, 4);
  EXPECT_EQ(svc().GetTemplate(ActorAt(shaanxi_), id)->occurrences, 4);
}

TEST_P(MechanismJobTest, ReportTaskTemplatesGoThroughTheIssuer) {
  FakeIssuer issuer;
  MechanismService with_issuer(
      *writer_, [this] { return now_; }, &issuer);
  NewTemplate t{"季度报送",
                "report_task",
                "quarterly",
                shaanxi_,
                "2026-01-01",
                std::nullopt,
                5,
                std::nullopt,
                ReportTaskSpec{"{period}合力团数据报送", {"help_projects"}, xian_, 15}};
  ASSERT_TRUE(with_issuer.CreateTemplate(ActorAt(shaanxi_), t));
  EXPECT_EQ(Run().skipped, 1);  // no issuer: left for later
  const MechanismJobReport report = Run(&issuer);
  EXPECT_EQ(report.report_tasks, 1);
  ASSERT_EQ(issuer.issued.size(), 1u);
  EXPECT_EQ(issuer.issued[0].title, "2026年第1季度合力团数据报送");
  EXPECT_EQ(issuer.issued[0].period, "2026Q1");
  EXPECT_EQ(issuer.issued[0].deadline, "2026-04-15");
  EXPECT_EQ(issuer.issued[0].scope_unit_id, xian_);
  EXPECT_EQ(issuer.issued[0].creator_unit_id, shaanxi_);
  EXPECT_EQ(Run(&issuer).report_tasks, 0);
}

TEST_P(MechanismJobTest, FourParallelRunsCreateEachOccurrenceOnce) {
  MeetingTemplate("monthly", 0);
  MeetingTemplate("quarterly", 0);
  std::atomic<int> created{0};
  AtOnce(4, [&](int) {
    auto r =
        RunMechanismTemplates(*writer_, core::LocalDate(now_), core::FormatDateTime(now_), nullptr);
    if (r) {
      created += r->meetings;
    } else {
      ADD_FAILURE() << r.error().message;
    }
  });
  EXPECT_EQ(created, 5);  // January–April, and Q1
  EXPECT_EQ(svc().ListMeetings(ActorAt(shaanxi_), {}, {1, 50}).total, 5);
  EXPECT_EQ(Changes("mechanism_occurrence", "create"), 5);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(MechanismJobTest);

}  // namespace
}  // namespace lianyin::domain::mechanism
