// The work mechanism (issue #13 point 3) over HTTP on both engines: a joint meeting with
// attendees and minutes, its decisions as supervised tasks with owners and overdue marking, the
// owner organisation's member reporting progress, reopening by the meeting's unit only, list
// filters and paging, templates (report tasks refused without an issuer), the calendar and its
// range, 404 outside scope, and two parallel `done` reports recorded once.

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <set>
#include <thread>

#include "api/api_fixture.hpp"

namespace lianyin::test {
namespace {

class MechanismApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    sx_civil_ = MakeUnit(admin_, "陕西省民政厅", "civil_affairs", "610000", root);
    bj_civil_ = MakeUnit(admin_, "北京市民政局", "civil_affairs", "110000", root);
    auto r = Call(admin_, "POST", "/api/v1/orgs",
                  OrgJson("陕西省慈善协会", Uscc("52610000MJ0000001"), sx_civil_, "610000"));
    EXPECT_EQ(r.status, 201) << r.body;
    org_ = r.status == 201 ? Json(r).at("id").as_int64() : 0;
    MakeUser("sx.civil", sx_civil_, "civil_affairs_officer");
    MakeUser("bj.civil", bj_civil_, "civil_affairs_officer");
    MakeUser("sx.member", sx_civil_, "org_member", org_);
    officer_ = Login("sx.civil");
    foreign_ = Login("bj.civil");
    member_ = Login("sx.member");
  }

  void MakeUser(const std::string& username, std::int64_t unit, const std::string& role,
                std::int64_t org = 0) {
    boost::json::object body{{"username", username},
                             {"password", kPassword},
                             {"display_name", "王伟"},
                             {"unit_id", unit},
                             {"roles", {role}}};
    if (org) body["org_id"] = org;
    auto r = Call(admin_, "POST", "/api/v1/users", boost::json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
  }
  std::int64_t Meeting() {
    const std::string body = boost::json::serialize(boost::json::object{
        {"title", "省级社会组织乡村振兴合力团联席会议"},
        {"kind", "joint_meeting"},
        {"unit_id", sx_civil_},
        {"starts_at", "2026-02-20T09:30:00"},
        {"location", "省民政厅3楼会议室"},
        {"attendees", boost::json::array{{{"name", "陕西省民政厅社会组织管理局"}},
                                         {{"org_id", org_}, {"name", "陕西省慈善协会"}}}}});
    auto r = Call(officer_, "POST", "/api/v1/meetings", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  std::int64_t Decision(std::int64_t meeting, const std::string& deadline) {
    auto r =
        Call(officer_, "POST", "/api/v1/meetings/" + std::to_string(meeting) + "/decisions",
             boost::json::serialize(boost::json::object{
                 {"text", "报送消费帮扶台账"}, {"owner_org_id", org_}, {"deadline", deadline}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  static std::string Task(std::int64_t id, const std::string& tail = "") {
    return "/api/v1/supervised-tasks/" + std::to_string(id) + tail;
  }

  Session admin_, officer_, foreign_, member_;
  std::int64_t sx_civil_ = 0, bj_civil_ = 0, org_ = 0;
};

TEST_P(MechanismApiTest, AJointMeetingWithMinutesAndDecisions) {
  const std::int64_t id = Meeting();
  const std::string path = "/api/v1/meetings/" + std::to_string(id);
  auto r = Call(officer_, "POST", path + "/minutes", R"({"minutes":"会议议定五项重点工作"})");
  ASSERT_EQ(r.status, 200) << r.body;
  const std::int64_t overdue = Decision(id, "2020-01-15");
  Decision(id, "2099-12-31");
  r = Call(officer_, "GET", path);
  ASSERT_EQ(r.status, 200);
  const auto meeting = Json(r);
  EXPECT_EQ(meeting.at("starts_at").as_string(), "2026-02-20T09:30:00+08:00");
  EXPECT_EQ(meeting.at("minutes").as_string(), "会议议定五项重点工作");
  EXPECT_EQ(meeting.at("attendees").as_array().size(), 2u);
  ASSERT_EQ(meeting.at("decisions").as_array().size(), 2u);
  const auto first = meeting.at("decisions").as_array()[0].as_object();
  EXPECT_EQ(first.at("display_status").as_string(), "overdue");
  EXPECT_EQ(first.at("owner_display").as_string(), "陕西省慈善协会");
  EXPECT_EQ(Call(foreign_, "GET", path).status, 404);
  EXPECT_EQ(Call(foreign_, "GET", Task(overdue)).status, 404);
  r = Call(officer_, "GET", "/api/v1/supervised-tasks?overdue=true");
  EXPECT_EQ(Json(r).at("total").as_int64(), 1);
  r = Call(officer_, "GET", "/api/v1/meetings?kind=joint_meeting&from=2026-02-01&to=2026-02-28");
  EXPECT_EQ(Json(r).at("total").as_int64(), 1);
  EXPECT_EQ(Call(officer_, "GET", "/api/v1/supervised-tasks?page_size=201").status, 422);
  r = Call(officer_, "GET", "/api/v1/supervised-tasks?status=late&overdue=maybe");
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(Json(r).at("error").at("details").as_array().size(), 2u);
}

TEST_P(MechanismApiTest, TheOwnerReportsProgressAndOnlyTheMeetingsUnitReopens) {
  const std::int64_t task = Decision(Meeting(), "2020-01-15");
  auto r = Call(member_, "GET", "/api/v1/supervised-tasks");
  EXPECT_EQ(Json(r).at("total").as_int64(), 1);
  r = Call(member_, "POST", Task(task, "/progress"), R"({"status":"done"})");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(Json(r).at("error").at("details").at(0).at("field").as_string(), "note");
  r = Call(member_, "POST", Task(task, "/progress"), R"({"status":"done","note":"台账已报送"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(Json(r).at("overdue").as_bool());
  EXPECT_EQ(Json(r).at("display_status").as_string(), "done");
  r = Call(member_, "POST", Task(task, "/progress"), R"({"status":"in_progress","note":"补充"})");
  EXPECT_EQ(r.status, 403) << r.body;
  r = Call(officer_, "POST", Task(task, "/progress"),
           R"({"status":"in_progress","note":"材料不全"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("display_status").as_string(), "overdue");
  EXPECT_EQ(Json(r).at("progress").as_array().size(), 2u);
}

TEST_P(MechanismApiTest, TwoParallelDoneReportsAreRecordedOnce) {
  const std::int64_t task = Decision(Meeting(), "2099-12-31");
  std::atomic<int> ok{0}, conflict{0};
  std::latch start(2);
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&] {
      start.arrive_and_wait();
      auto r = Call(member_, "POST", Task(task, "/progress"), R"({"status":"done","note":"办结"})");
      if (r.status == 200) ++ok;
      if (r.status == 409) ++conflict;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(conflict, 1);
  auto r = Call(admin_, "GET", "/api/v1/audit?entity=supervised_task&action=transition");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("total").as_int64(), 1);
}

TEST_P(MechanismApiTest, TemplatesAndTheCalendar) {
  Decision(Meeting(), "2026-03-31");
  auto r = Call(officer_, "POST", "/api/v1/mechanism-templates",
                boost::json::serialize(boost::json::object{
                    {"name", "季度调度"},
                    {"kind", "meeting"},
                    {"recurrence", "quarterly"},
                    {"unit_id", sx_civil_},
                    {"starts_on", "2026-01-01"},
                    {"lead_days", 10},
                    {"meeting", {{"kind", "dispatch"}, {"title_pattern", "{period}工作调度会"}}}}));
  ASSERT_EQ(r.status, 201) << r.body;
  const std::int64_t id = Json(r).at("id").as_int64();
  r = Call(officer_, "POST", "/api/v1/mechanism-templates",
           boost::json::serialize(boost::json::object{{"name", "季度报送"},
                                                      {"kind", "report_task"},
                                                      {"recurrence", "quarterly"},
                                                      {"unit_id", sx_civil_},
                                                      {"starts_on", "2026-01-01"},
                                                      {"lead_days", 10},
                                                      {"report_task",
                                                       {{"title_pattern", "{period}报送"},
                                                        {"indicators", {"help_projects"}},
                                                        {"scope_unit_id", sx_civil_},
                                                        {"deadline_days", 15}}}}));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(Json(r).at("error").at("details").at(0).at("message").as_string(),
            "报送任务功能尚未启用，暂不能建立报送任务模板");
  r = Call(officer_, "GET", "/api/v1/calendar?from=2026-02-01&to=2099-12-31");
  EXPECT_EQ(r.status, 422);
  r = Call(officer_, "GET", "/api/v1/calendar?from=2026-02-01&to=2026-03-31");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto items = Json(r).at("items").as_array();
  ASSERT_EQ(items.size(), 2u);  // the meeting and the deadline; Q1's occurrence is past
  EXPECT_EQ(items[0].at("type").as_string(), "meeting");
  EXPECT_EQ(items[1].at("type").as_string(), "deadline");
  r = Call(officer_, "PATCH", "/api/v1/mechanism-templates/" + std::to_string(id),
           R"({"active":false})");
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(Json(r).at("active").as_bool());
  EXPECT_EQ(Call(foreign_, "GET", "/api/v1/mechanism-templates/" + std::to_string(id)).status, 404);
}

TEST_P(MechanismApiTest, BadBodiesNameEveryFieldAndChangeNothing) {
  auto r = Call(officer_, "POST", "/api/v1/mechanism-templates",
                R"({"name":"调度","kind":"meeting","recurrence":"weekly","unit_id":1,)"
                R"("starts_on":"2026-02-30","lead_days":400,"meeting":{"kind":"chat"}})");
  ASSERT_EQ(r.status, 422) << r.body;
  std::set<std::string> fields;
  const boost::json::object answer = Json(r);
  for (const auto& d : answer.at("error").at("details").as_array()) {
    fields.insert(std::string(d.at("field").as_string()));
  }
  EXPECT_TRUE(fields.contains("recurrence")) << r.body;
  EXPECT_TRUE(fields.contains("starts_on")) << r.body;
  EXPECT_TRUE(fields.contains("lead_days")) << r.body;
  EXPECT_TRUE(fields.contains("meeting.title_pattern")) << r.body;
  EXPECT_EQ(Json(Call(officer_, "GET", "/api/v1/mechanism-templates")).at("total").as_int64(), 0);
  const std::string meeting = "/api/v1/meetings/" + std::to_string(Meeting());
  r = Call(officer_, "PATCH", meeting, "{\"unit_id\":" + std::to_string(bj_civil_) + "}");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(Json(r).at("error").at("details").at(0).at("field").as_string(), "unit_id");
  r = Call(officer_, "PATCH", meeting, R"({"starts_at":"2026-02-21T01:30:00Z","kind":"dispatch"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("starts_at").as_string(), "2026-02-21T09:30:00+08:00");
  EXPECT_EQ(Json(r).at("kind").as_string(), "dispatch");
  EXPECT_EQ(Call(foreign_, "PATCH", meeting, R"({"kind":"other"})").status, 404);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(MechanismApiTest);

}  // namespace
}  // namespace lianyin::test
