#pragma once
// Test-only: a migrated database on each backend (SQLite as a file, as deployed) with
// 陕西省民政厅 › 西安市民政局 and 北京市民政局, one organisation registered at Xi'an, and the
// mechanism service on a clock the test sets.

#include <gtest/gtest.h>

#include <latch>
#include <memory>
#include <string>
#include <thread>

#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/common/recording_sink.hpp"
#include "domain/mechanism/mechanism_service.hpp"
#include "domain/org/org_service.hpp"
#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::mechanism {

class MechanismTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    sqlite_file_ = true;
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(region::RegionService(db()).Import({"test",
                                                    "1",
                                                    {{"110000", "北京市", "100000"},
                                                     {"610000", "陕西省", "100000"},
                                                     {"610100", "西安市", "610000"}}}));
    writer_ = std::make_unique<common::Writer>(db(), std::vector<common::ChangeSink*>{&recorder_});
    auto admin = account::PlatformService(*writer_).SetUpPlatform(
        {"联引平台", "admin", "Mechanism-Test-Passw0rd"});
    ASSERT_TRUE(admin);
    root_ = ActorAt(admin->unit_id);
    shaanxi_ = Unit("陕西省民政厅", "610000", admin->unit_id);
    xian_ = Unit("西安市民政局", "610100", shaanxi_);
    beijing_ = Unit("北京市民政局", "110000", admin->unit_id);
    org_ = Org("西安市职工服务中心", "52610100MJ0000001");
    SetToday("2026-05-20");
    svc_ = std::make_unique<MechanismService>(*writer_, [this] { return now_; });
  }

  static account::Actor ActorAt(std::int64_t unit_id, std::optional<std::int64_t> org_id = {}) {
    account::Actor a;
    a.user_id = 1;
    a.username = "officer";
    a.unit_id = unit_id;
    a.org_id = org_id;
    return a;
  }
  std::int64_t Unit(const std::string& name, const std::string& region, std::int64_t parent) {
    auto u = account::UnitService(*writer_).Create(
        root_, {name, account::UnitKind::kCivilAffairs, region, parent, {}});
    EXPECT_TRUE(u) << name;
    return u ? u->unit.id : 0;
  }
  std::int64_t Org(const std::string& name, const std::string& first17) {
    org::NewOrg o;
    o.name = name;
    o.uscc = first17 + core::UsccCheckCharacter(first17).value();
    o.org_type = "social_service";
    o.region_code = "610100";
    o.registration_unit_id = xian_;
    o.legal_rep = "王伟";
    o.phone = "13912345678";
    o.founded_on = "2015-06-01";
    o.business_scope = "职工服务";
    o.status = "registered";
    auto created = org::OrgService(*writer_).Create(ActorAt(xian_), o);
    EXPECT_TRUE(created) << created.error().message;
    return created ? created->org.id : 0;
  }
  void SetToday(const std::string& date) {
    now_ = core::StartOfDay(core::ParseDate(date).value());
    now_.unix_seconds += 10 * 3600;
  }
  // A meeting of 陕西省民政厅.
  std::int64_t MakeMeeting(const std::string& kind = "joint_meeting") {
    MeetingInput in;
    in.title = "省级社会组织乡村振兴合力团联席会议";
    in.kind = kind;
    in.unit_id = shaanxi_;
    in.starts_at = "2026-03-10T09:30:00+08:00";
    in.attendees = std::vector<Attendee>{{std::nullopt, org_, "西安市职工服务中心"},
                                         {xian_, std::nullopt, "西安市民政局"}};
    auto m = svc().CreateMeeting(ActorAt(shaanxi_), in);
    EXPECT_TRUE(m) << m.error().message;
    return m ? m->meeting.id : 0;
  }
  std::int64_t MakeTask(std::int64_t meeting, NewDecision d) {
    auto t = svc().AddDecision(ActorAt(shaanxi_), meeting, d);
    EXPECT_TRUE(t) << t.error().message;
    return t ? t->id : 0;
  }
  // Runs f(i) for i in [0, n) on n threads released at once.
  template <class F>
  static void AtOnce(int n, F f) {
    std::latch start(n);
    std::vector<std::thread> pool;
    for (int i = 0; i < n; ++i) {
      pool.emplace_back([&, i] {
        start.arrive_and_wait();
        f(i);
      });
    }
    for (std::thread& t : pool) t.join();
  }
  int Changes(const std::string& entity, const std::string& action) {
    int n = 0;
    for (const common::Change& c : recorder_.changes()) {
      if (c.entity == entity && c.action == action) ++n;
    }
    return n;
  }
  MechanismService& svc() { return *svc_; }

  account::Actor root_;
  std::int64_t shaanxi_ = 0, xian_ = 0, beijing_ = 0, org_ = 0;
  core::DateTime now_ = core::Now();
  common::RecordingSink recorder_;
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<MechanismService> svc_;
};

}  // namespace lianyin::domain::mechanism
