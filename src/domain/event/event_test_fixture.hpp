#pragma once
// The fixture of the event service tests (event_service_test.cpp, event_concurrency_test.cpp):
// 福建省总工会 ⊃ 福州市总工会 (a venue with an approved booking of org_a_) and 厦门市总工会; 福州市
// 民政局 registering two organisations; a contracted project of 福州市总工会 provided by
// org_a_; workers of 福州市总工会; a clock the tests move (2023-05-01 08:00 +08:00).

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/account/worker_repo.hpp"
#include "domain/common/recording_sink.hpp"
#include "domain/event/checkin_token.hpp"
#include "domain/event/event_service.hpp"
#include "domain/org/org_service.hpp"
#include "domain/project/project_service.hpp"
#include "domain/region/region_service.hpp"
#include "domain/venue/venue_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::event {

class EventServiceFixture : public test_support::BackendTest {
 protected:
  using Actor = account::Actor;

  void SetUp() override {
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(region::RegionService(db()).Import({"test",
                                                    "1",
                                                    {{"350000", "福建省", "100000"},
                                                     {"350100", "福州市", "350000"},
                                                     {"350102", "鼓楼区", "350100"},
                                                     {"350200", "厦门市", "350000"}}}));
    writer_ = std::make_unique<common::Writer>(db(), std::vector<common::ChangeSink*>{&recorder_});
    auto admin = account::PlatformService(*writer_).SetUpPlatform(
        {"联引平台", "admin", "Event-Test-Passw0rd"});
    ASSERT_TRUE(admin);
    root_ = ActorAt(admin->unit_id);
    fujian_ = Unit("福建省总工会", account::UnitKind::kUnion, "350000", admin->unit_id);
    fuzhou_ = Unit("福州市总工会", account::UnitKind::kUnion, "350100", fujian_);
    xiamen_ = Unit("厦门市总工会", account::UnitKind::kUnion, "350200", fujian_);
    civil_ = Unit("福州市民政局", account::UnitKind::kCivilAffairs, "350100", admin->unit_id);
    org_a_ = Org("福州市职工服务中心", "0000001");
    org_b_ = Org("福州市心理健康协会", "0000002");
    key_ = CheckinKey(core::AsBytes("a deployment key of the tests"));
    venue::VenueService venues(*writer_, [] { return kSetUpTime(); });
    auto v = venues.CreateVenue(
        ActorAt(fuzhou_),
        {"职工服务中心多功能厅", fuzhou_, "350102", "鼓楼区五一北路 1 号", 200, {}, {}, {}});
    ASSERT_TRUE(v) << v.error().message;
    venue_ = v->id;
    booking_ =
        ApprovedBooking(venues, org_a_, "2023-05-10T08:00:00+08:00", "2023-05-10T18:00:00+08:00");
    project_ = ContractedProject(org_a_);
    for (int i = 0; i < 3; ++i) worker_.push_back(Worker("林晓" + std::to_string(i), fuzhou_));
    service_ = std::make_unique<EventService>(*writer_, key_, [this] { return now_; });
    recorder_.Clear();
  }

  static core::DateTime kSetUpTime() {
    return core::ParseDateTime("2023-05-01T08:00:00+08:00").value();
  }
  static core::DateTime At(const std::string& text) {
    return core::ParseDateTime(text + "+08:00").value();
  }

  static Actor ActorAt(std::int64_t unit_id) {
    Actor a;
    a.user_id = 1;
    a.username = "officer";
    a.unit_id = unit_id;
    return a;
  }
  Actor Member(std::int64_t org_id) const {
    Actor a = ActorAt(civil_);
    a.user_id = 2;
    a.org_id = org_id;
    return a;
  }
  Actor WorkerActor(std::int64_t worker_id) const {
    Actor a = ActorAt(fuzhou_);
    a.user_id = 100 + worker_id;
    a.worker_id = worker_id;
    return a;
  }
  std::int64_t Unit(const std::string& name, account::UnitKind kind, const std::string& region,
                    std::int64_t parent) {
    auto u = account::UnitService(*writer_).Create(root_, {name, kind, region, parent, {}});
    EXPECT_TRUE(u) << name;
    return u ? u->unit.id : 0;
  }
  std::int64_t Org(const std::string& name, const std::string& serial) {
    const std::string first17 = "52350100MJ" + serial;
    org::NewOrg o;
    o.name = name;
    o.uscc = first17 + core::UsccCheckCharacter(first17).value();
    o.org_type = "social_service";
    o.region_code = "350100";
    o.registration_unit_id = civil_;
    o.legal_rep = "林伟";
    o.phone = "13912345678";
    o.founded_on = "2015-06-01";
    o.business_scope = "职工服务";
    o.service_categories = {"health"};
    auto created = org::OrgService(*writer_).Create(ActorAt(civil_), o);
    EXPECT_TRUE(created) << (created ? "" : created.error().message);
    return created ? created->org.id : 0;
  }
  std::int64_t ApprovedBooking(venue::VenueService& venues, std::int64_t org,
                               const std::string& start, const std::string& end) {
    auto b = venues.Book(Member(org), venue_, {org, start, end, "职工健康讲座", 1});
    EXPECT_TRUE(b) << (b ? "" : b.error().message);
    if (!b) return 0;
    EXPECT_TRUE(venues.ReviewBooking(ActorAt(fuzhou_), b->at(0).id, {"approve", {}}));
    return b->at(0).id;
  }
  std::int64_t ContractedProject(std::int64_t org) {
    project::ProjectService projects(*writer_, [] { return kSetUpTime(); });
    auto p = projects.Create(ActorAt(fuzhou_), {"职工心理健康服务",
                                                "health",
                                                fuzhou_,
                                                "purchase",
                                                {org},
                                                1'000'000,
                                                "350100",
                                                "2023-03-01",
                                                "2023-12-31",
                                                {},
                                                {}});
    EXPECT_TRUE(p) << (p ? "" : p.error().message);
    if (!p) return 0;
    EXPECT_TRUE(projects.Move(ActorAt(fuzhou_), p->id, {"published", {}, {}, {}}));
    auto c = projects.Move(ActorAt(fuzhou_), p->id,
                           {"contracted", {}, 1'000'000, std::string("2023-04-01")});
    EXPECT_TRUE(c) << (c ? "" : c.error().message);
    return p->id;
  }
  std::int64_t Worker(const std::string& name, std::int64_t unit) {
    store::Session s = db().Acquire();
    return account::WorkerRepo(s).Insert(unit, name, "2023-01-01T00:00:00+08:00");
  }

  // An event of org_a_ at the booking on 10 May 09:00-12:00 for `capacity`, unless told
  // otherwise.
  NewEvent EventAtBooking(std::int64_t capacity = 10) const {
    NewEvent e;
    e.org_id = org_a_;
    e.title = "职工健康讲座";
    e.category = "health";
    e.start = "2023-05-10T09:00:00";
    e.end = "2023-05-10T12:00:00";
    e.capacity = capacity;
    e.booking_id = booking_;
    return e;
  }
  // Created by org_a_'s member and published: its id.
  std::int64_t PublishedEvent(NewEvent e) {
    auto created = svc().Create(Member(org_a_), e);
    EXPECT_TRUE(created) << (created ? "" : created.error().message);
    if (!created) return 0;
    EXPECT_TRUE(svc().Move(Member(org_a_), created->id, {"published", {}}));
    return created->id;
  }
  std::vector<std::string> Audited() {
    std::vector<std::string> out;
    for (const common::Change& c : recorder_.changes()) out.push_back(c.action + ":" + c.entity);
    return out;
  }
  EventService& svc() { return *service_; }

  Actor root_;
  std::int64_t fujian_ = 0, fuzhou_ = 0, xiamen_ = 0, civil_ = 0, org_a_ = 0, org_b_ = 0;
  std::int64_t venue_ = 0, booking_ = 0, project_ = 0;
  std::vector<std::int64_t> worker_;
  core::Bytes key_;
  core::DateTime now_ = kSetUpTime();
  common::RecordingSink recorder_;
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<EventService> service_;
};

}  // namespace lianyin::domain::event
