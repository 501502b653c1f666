#include "domain/venue/venue_service.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>

#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/common/data_versions.hpp"
#include "domain/common/recording_sink.hpp"
#include "domain/org/org_service.hpp"
#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::venue {
namespace {

using account::Actor;
using account::UnitKind;

const core::DateTime kNow = core::ParseDateTime("2023-05-01T08:00:00+08:00").value();

class VenueServiceTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(region::RegionService(db()).Import({"test",
                                                    "1",
                                                    {{"350000", "福建省", "100000"},
                                                     {"350100", "福州市", "350000"},
                                                     {"350102", "鼓楼区", "350100"},
                                                     {"350200", "厦门市", "350000"},
                                                     {"610000", "陕西省", "100000"}}}));
    writer_ = std::make_unique<common::Writer>(
        db(), std::vector<common::ChangeSink*>{&versions_, &recorder_});
    auto admin = account::PlatformService(*writer_).SetUpPlatform(
        {"联引平台", "admin", "Venue-Test-Passw0rd"});
    ASSERT_TRUE(admin);
    root_ = ActorAt(admin->unit_id);
    fujian_ = Unit("福建省总工会", UnitKind::kUnion, "350000", admin->unit_id);
    fuzhou_ = Unit("福州市总工会", UnitKind::kUnion, "350100", fujian_);
    xiamen_ = Unit("厦门市总工会", UnitKind::kUnion, "350200", fujian_);
    civil_ = Unit("福州市民政局", UnitKind::kCivilAffairs, "350100", admin->unit_id);
    org_a_ = Org("福州市职工服务中心", "0000001");
    org_b_ = Org("福州市心理健康协会", "0000002");
    service_ = std::make_unique<VenueService>(*writer_, [this] { return now_; });
    auto venue = svc().CreateVenue(ActorAt(fuzhou_), Venue("职工服务中心多功能厅", fuzhou_));
    ASSERT_TRUE(venue) << venue.error().message;
    venue_ = venue->id;
    recorder_.Clear();
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
  std::int64_t Unit(const std::string& name, UnitKind kind, const std::string& region,
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
  static NewVenue Venue(const std::string& name, std::int64_t unit,
                        const std::string& region = "350102") {
    return {name, unit, region, "鼓楼区五一北路 1 号", 200, "投影、音响", "9:00-21:00", {}};
  }
  static NewBooking Slot(std::int64_t org, const std::string& start, const std::string& end,
                         std::int64_t weeks = 1) {
    return {org, "2023-05-" + start + "+08:00", "2023-05-" + end + "+08:00", "职工健康讲座", weeks};
  }
  core::Result<Booking> BookOne(const Actor& actor, const NewBooking& b) {
    auto r = svc().Book(actor, venue_, b);
    if (!r) return r.error();
    EXPECT_EQ(r->size(), 1u);
    return r->at(0);
  }
  std::vector<std::string> Audited() {
    std::vector<std::string> out;
    for (const common::Change& c : recorder_.changes()) out.push_back(c.action + ":" + c.entity);
    return out;
  }
  VenueService& svc() { return *service_; }

  Actor root_;
  std::int64_t fujian_ = 0, fuzhou_ = 0, xiamen_ = 0, civil_ = 0, org_a_ = 0, org_b_ = 0;
  std::int64_t venue_ = 0;
  core::DateTime now_ = kNow;
  common::RecordingSink recorder_;
  common::DataVersionSink versions_{"org", "unit", "region"};
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<VenueService> service_;
};

TEST_P(VenueServiceTest, VenuesBelongToUnionUnitsInScopeAndCoveredRegions) {
  const Actor fuzhou = ActorAt(fuzhou_);
  EXPECT_EQ(svc().CreateVenue(fuzhou, Venue("民政局的", civil_)).error().details.at(0).field,
            "unit_id");
  EXPECT_EQ(svc().CreateVenue(fuzhou, Venue("厦门的", xiamen_)).error().details.at(0).field,
            "unit_id");
  EXPECT_EQ(
      svc().CreateVenue(fuzhou, Venue("陕西的", fuzhou_, "610000")).error().details.at(0).field,
      "region_code");
  EXPECT_EQ(svc().CreateVenue(fuzhou, Venue("", fuzhou_, "35")).error().details.size(), 2u);
  auto ok = svc().CreateVenue(ActorAt(fujian_), Venue("省总职工之家", fuzhou_));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->unit_name, "福州市总工会");
  EXPECT_EQ(ok->region_name, "鼓楼区");
  EXPECT_EQ(ok->status, VenueStatus::kActive);
  EXPECT_EQ(Audited(), std::vector<std::string>{"create:venue"});
}

TEST_P(VenueServiceTest, EveryoneReadsVenuesOnlyTheScopeChangesThem) {
  EXPECT_TRUE(svc().GetVenue(Member(org_a_), venue_));
  EXPECT_TRUE(svc().GetVenue(ActorAt(xiamen_), venue_));
  EXPECT_EQ(svc().GetVenue(ActorAt(xiamen_), 9999).error().code, core::ErrorCode::kNotFound);
  VenuePatch patch;
  patch.capacity = 80;
  EXPECT_EQ(svc().UpdateVenue(ActorAt(xiamen_), venue_, patch).error().code,
            core::ErrorCode::kForbidden);
  EXPECT_EQ(svc().UpdateVenue(Member(org_a_), venue_, patch).error().code,
            core::ErrorCode::kForbidden);
  EXPECT_EQ(svc().UpdateVenue(ActorAt(fuzhou_), 9999, patch).error().code,
            core::ErrorCode::kNotFound);
  auto updated = svc().UpdateVenue(ActorAt(fuzhou_), venue_, patch);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->capacity, 80);
  patch.region_code = "350200";  // 厦门: not covered by 福州
  EXPECT_EQ(svc().UpdateVenue(ActorAt(fuzhou_), venue_, patch).error().details.at(0).field,
            "region_code");

  ASSERT_TRUE(svc().CreateVenue(ActorAt(xiamen_), Venue("厦门职工之家", xiamen_, "350200")));
  VenueFilter filter;
  EXPECT_EQ(svc().ListVenues(Member(org_a_), filter, {}).total, 2);
  filter.region_code = "350100";
  EXPECT_EQ(svc().ListVenues(Member(org_a_), filter, {}).total, 1);
  filter = {};
  filter.unit_id = fujian_;
  EXPECT_EQ(svc().ListVenues(ActorAt(xiamen_), filter, {}).total, 2);
  filter.unit_id = xiamen_;
  EXPECT_EQ(svc().ListVenues(ActorAt(xiamen_), filter, {}).total, 1);
  filter = {};
  filter.q = "五一北路";
  EXPECT_EQ(svc().ListVenues(ActorAt(xiamen_), filter, {}).total, 2);
  filter.q = "多功能";
  EXPECT_EQ(svc().ListVenues(ActorAt(xiamen_), filter, {}).total, 1);
}

TEST_P(VenueServiceTest, OverlapsAreRefusedAdjacentSlotsAreNot) {
  const Actor a = Member(org_a_);
  auto first = BookOne(a, Slot(org_a_, "02T09:00:00", "02T10:00:00"));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->status, BookingStatus::kPending);
  EXPECT_EQ(first->unit_id, fuzhou_);
  EXPECT_EQ(first->org_name, "福州市职工服务中心");
  // Adjacent on both sides: [08:00, 09:00) and [10:00, 11:00).
  EXPECT_TRUE(BookOne(Member(org_b_), Slot(org_b_, "02T08:00:00", "02T09:00:00")));
  EXPECT_TRUE(BookOne(Member(org_b_), Slot(org_b_, "02T10:00:00", "02T11:00:00")));
  auto clash = BookOne(Member(org_b_), Slot(org_b_, "02T09:30:00", "02T10:30:00"));
  ASSERT_FALSE(clash);
  EXPECT_EQ(clash.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(clash.error().message, "the venue is already booked on 2023-05-02");
  // A rejected or cancelled booking frees its slot.
  ASSERT_TRUE(svc().CancelBooking(a, first->id, std::string("改期")));
  EXPECT_TRUE(BookOne(Member(org_b_), Slot(org_b_, "02T09:00:00", "02T10:00:00")));
  EXPECT_EQ(Audited().size(), 5u);
}

TEST_P(VenueServiceTest, WhoMayBook) {
  const NewBooking b = Slot(org_a_, "02T09:00:00", "02T10:00:00");
  // Another organisation's member; an officer outside the venue's scope; a worker.
  EXPECT_EQ(svc().Book(Member(org_b_), venue_, b).error().details.at(0).field, "org_id");
  EXPECT_EQ(svc().Book(ActorAt(xiamen_), venue_, b).error().code, core::ErrorCode::kForbidden);
  Actor worker = ActorAt(fuzhou_);
  worker.worker_id = 5;
  EXPECT_EQ(svc().Book(worker, venue_, b).error().code, core::ErrorCode::kForbidden);
  EXPECT_EQ(svc().Book(Member(org_a_), 9999, b).error().code, core::ErrorCode::kNotFound);
  NewBooking unknown = b;
  unknown.org_id = 9999;
  EXPECT_EQ(svc().Book(ActorAt(fuzhou_), venue_, unknown).error().details.at(0).field, "org_id");
  // The venue's officers book for an organisation; the past and bad fields are 422.
  EXPECT_TRUE(svc().Book(ActorAt(fujian_), venue_, b));
  NewBooking past = Slot(org_a_, "01T07:00:00", "01T09:00:00");
  past.purpose = "";
  EXPECT_EQ(svc().Book(Member(org_a_), venue_, past).error().details.size(), 2u);
  // A closed venue takes none.
  ASSERT_TRUE(svc().MoveVenue(ActorAt(fuzhou_), venue_, {"closed", std::string("装修")}));
  auto closed = svc().Book(Member(org_a_), venue_, Slot(org_a_, "03T09:00:00", "03T10:00:00"));
  EXPECT_EQ(closed.error().code, core::ErrorCode::kConflict);
  ASSERT_TRUE(svc().MoveVenue(ActorAt(fuzhou_), venue_, {"active", {}}));
  EXPECT_TRUE(svc().Book(Member(org_a_), venue_, Slot(org_a_, "03T09:00:00", "03T10:00:00")));
}

TEST_P(VenueServiceTest, AWeeklySeriesIsAllOrNothingAndNamesEveryClash) {
  ASSERT_TRUE(BookOne(Member(org_b_), Slot(org_b_, "09T09:30:00", "09T10:00:00")));
  ASSERT_TRUE(BookOne(Member(org_b_), Slot(org_b_, "23T08:00:00", "23T09:30:00")));
  auto series = svc().Book(Member(org_a_), venue_, Slot(org_a_, "02T09:00:00", "02T11:00:00", 5));
  ASSERT_FALSE(series);
  EXPECT_EQ(series.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(series.error().message, "the venue is already booked on 2023-05-09, 2023-05-23");
  ASSERT_EQ(series.error().details.size(), 2u);
  EXPECT_EQ(series.error().details[0].field, "slots[1]");
  EXPECT_EQ(series.error().details[1].field, "slots[3]");
  BookingFilter mine;
  mine.org_id = org_a_;
  EXPECT_EQ(svc().ListBookings(Member(org_a_), mine, {}).value().total, 0);

  auto ok = svc().Book(Member(org_a_), venue_, Slot(org_a_, "02T14:00:00", "02T16:00:00", 4));
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->size(), 4u);
  EXPECT_EQ(ok->at(3).start, "2023-05-23T14:00:00+08:00");
  for (const Booking& b : *ok) EXPECT_EQ(b.series_id, ok->at(0).id);
  EXPECT_EQ(svc().ListBookings(Member(org_a_), mine, {}).value().total, 4);
}

TEST_P(VenueServiceTest, ReviewsByTheVenuesUnit) {
  auto booked = BookOne(Member(org_a_), Slot(org_a_, "02T09:00:00", "02T10:00:00"));
  ASSERT_TRUE(booked);
  const std::int64_t id = booked->id;
  EXPECT_EQ(svc().ReviewBooking(Member(org_a_), id, {"approve", {}}).error().code,
            core::ErrorCode::kForbidden);
  EXPECT_EQ(svc().ReviewBooking(ActorAt(xiamen_), id, {"approve", {}}).error().code,
            core::ErrorCode::kNotFound);
  EXPECT_EQ(svc().ReviewBooking(ActorAt(fuzhou_), id, {"maybe", {}}).error().code,
            core::ErrorCode::kValidationFailed);
  BookingFilter queue;
  queue.status = BookingStatus::kPending;
  EXPECT_EQ(svc().ListBookings(ActorAt(fujian_), queue, {}).value().total, 1);
  EXPECT_EQ(svc().ListBookings(ActorAt(xiamen_), queue, {}).value().total, 0);
  auto approved = svc().ReviewBooking(ActorAt(fuzhou_), id, {"approve", {}});
  ASSERT_TRUE(approved) << approved.error().message;
  EXPECT_EQ(approved->status, BookingStatus::kApproved);
  EXPECT_EQ(approved->reviewed_by, 1);
  EXPECT_EQ(svc().ReviewBooking(ActorAt(fuzhou_), id, {"reject", {}}).error().code,
            core::ErrorCode::kConflict);
  EXPECT_EQ(svc().ListBookings(ActorAt(fujian_), queue, {}).value().total, 0);

  auto other = BookOne(Member(org_b_), Slot(org_b_, "02T10:00:00", "02T12:00:00"));
  ASSERT_TRUE(other);
  auto rejected =
      svc().ReviewBooking(ActorAt(fuzhou_), other->id, {"reject", std::string("时间冲突")});
  ASSERT_TRUE(rejected);
  EXPECT_EQ(rejected->reason, "时间冲突");
  EXPECT_EQ(svc().CancelBooking(Member(org_b_), other->id, {}).error().code,
            core::ErrorCode::kConflict);
  EXPECT_EQ(Audited(), (std::vector<std::string>{"create:booking", "approve:booking",
                                                 "create:booking", "reject:booking"}));
}

TEST_P(VenueServiceTest, ApprovingNeverOverlapsAnApprovedBooking) {
  auto booked = BookOne(Member(org_a_), Slot(org_a_, "02T09:00:00", "02T10:00:00"));
  ASSERT_TRUE(booked);
  // An overlapping pending booking that got in some other way (an import, a change of rules):
  // approving it must still not overlap the approved one.
  ASSERT_TRUE(svc().ReviewBooking(ActorAt(fuzhou_), booked->id, {"approve", {}}));
  {
    store::Session s = db().Acquire();
    s.Execute(
        "INSERT INTO bookings (venue_id, org_id, start_at, end_at, purpose, status, created_at, "
        "updated_at) VALUES (?, ?, '2023-05-02T09:30:00+08:00', '2023-05-02T10:30:00+08:00', "
        "'x', 'pending', 'now', 'now')",
        {venue_, org_b_});
  }
  BookingFilter queue;
  queue.status = BookingStatus::kPending;
  auto pending = svc().ListBookings(ActorAt(fuzhou_), queue, {}).value();
  ASSERT_EQ(pending.total, 1);
  auto refused = svc().ReviewBooking(ActorAt(fuzhou_), pending.items[0].id, {"approve", {}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(refused.error().message, "approving it would overlap an approved booking of the venue");
}

TEST_P(VenueServiceTest, EitherOwnerCancelsUntilTheBookingEnds) {
  auto booked = BookOne(Member(org_a_), Slot(org_a_, "02T09:00:00", "02T10:00:00"));
  ASSERT_TRUE(booked);
  EXPECT_EQ(svc().CancelBooking(Member(org_b_), booked->id, {}).error().code,
            core::ErrorCode::kNotFound);
  EXPECT_EQ(svc().GetBooking(Member(org_b_), booked->id).error().code, core::ErrorCode::kNotFound);
  EXPECT_TRUE(svc().GetBooking(ActorAt(fujian_), booked->id));
  auto cancelled = svc().CancelBooking(ActorAt(fuzhou_), booked->id, std::string("场地检修"));
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(cancelled->status, BookingStatus::kCancelled);
  EXPECT_EQ(svc().CancelBooking(Member(org_a_), booked->id, {}).error().code,
            core::ErrorCode::kConflict);

  auto later = BookOne(Member(org_a_), Slot(org_a_, "02T11:00:00", "02T12:00:00"));
  ASSERT_TRUE(later);
  now_ = core::ParseDateTime("2023-05-02T12:00:00+08:00").value();
  EXPECT_EQ(svc().CancelBooking(Member(org_a_), later->id, {}).error().code,
            core::ErrorCode::kConflict);
}

TEST_P(VenueServiceTest, TheCalendarShowsOthersOnlyAsBusySlots) {
  ASSERT_TRUE(BookOne(Member(org_a_), Slot(org_a_, "02T09:00:00", "02T10:00:00")));
  auto b = BookOne(Member(org_b_), Slot(org_b_, "03T09:00:00", "03T10:00:00"));
  ASSERT_TRUE(b);
  ASSERT_TRUE(BookOne(Member(org_b_), Slot(org_b_, "09T09:00:00", "09T10:00:00")));
  auto rejected = BookOne(Member(org_b_), Slot(org_b_, "04T09:00:00", "04T10:00:00"));
  ASSERT_TRUE(rejected);
  ASSERT_TRUE(svc().ReviewBooking(ActorAt(fuzhou_), rejected->id, {"reject", {}}));

  auto mine = svc().VenueCalendar(Member(org_a_), venue_, "2023-05-01", "2023-05-07");
  ASSERT_TRUE(mine) << mine.error().message;
  ASSERT_EQ(mine->bookings.size(), 1u);
  EXPECT_EQ(mine->bookings[0].org_id, org_a_);
  ASSERT_EQ(mine->busy.size(), 1u);  // the rejected one frees its slot
  EXPECT_EQ(mine->busy[0].start, "2023-05-03T09:00:00+08:00");

  auto officer = svc().VenueCalendar(ActorAt(fuzhou_), venue_, "2023-05-01", "2023-05-07");
  ASSERT_TRUE(officer);
  EXPECT_EQ(officer->bookings.size(), 3u);
  EXPECT_TRUE(officer->busy.empty());
  EXPECT_EQ(svc().VenueCalendar(ActorAt(fuzhou_), venue_, "2023-05-07", "2023-05-01").error().code,
            core::ErrorCode::kValidationFailed);
  EXPECT_EQ(svc().VenueCalendar(ActorAt(fuzhou_), 9999, "2023-05-01", "2023-05-07").error().code,
            core::ErrorCode::kNotFound);

  BookingFilter range;
  range.from = "2023-05-03";
  range.to = "2023-05-09";
  EXPECT_EQ(svc().ListBookings(ActorAt(fuzhou_), range, {}).value().total, 3);
  range.to = "tomorrow";
  EXPECT_EQ(svc().ListBookings(ActorAt(fuzhou_), range, {}).error().details.at(0).field, "to");
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(VenueServiceTest);

// Concurrent requests: SQLite as deployed (a WAL file), PostgreSQL with its pool.
class VenueConcurrencyTest : public VenueServiceTest {
 protected:
  void SetUp() override {
    sqlite_file_ = true;
    VenueServiceTest::SetUp();
  }

  // Runs `threads` bookings at once (thread i books `slot(i)`); the number that succeeded.
  template <class SlotOf>
  int BookAtOnce(int threads, SlotOf slot) {
    std::latch start(threads);
    std::atomic<int> ok{0}, conflicts{0}, other{0};
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) {
      pool.emplace_back([&, i] {
        const std::int64_t org = i % 2 == 0 ? org_a_ : org_b_;
        start.arrive_and_wait();
        auto r = svc().Book(Member(org), venue_, slot(org, i));
        if (r) {
          ++ok;
        } else if (r.error().code == core::ErrorCode::kConflict) {
          ++conflicts;
        } else {
          ++other;
          ADD_FAILURE() << r.error().message;
        }
      });
    }
    for (std::thread& t : pool) t.join();
    EXPECT_EQ(ok + conflicts + other, threads);
    return ok;
  }
};

TEST_P(VenueConcurrencyTest, OverlappingRequestsAtOnceExactlyOneSucceeds) {
  constexpr int kThreads = 8;
  for (int round = 0; round < 3; ++round) {
    // Every slot holds hh:59 of its round's hour, so any two overlap.
    const int hour = 9 + 2 * round;
    const int ok = BookAtOnce(kThreads, [hour](std::int64_t org, int i) {
      NewBooking b;
      b.org_id = org;
      b.start = fmt::format("2023-05-02T{:02}:{:02}:00+08:00", hour, i);
      b.end = fmt::format("2023-05-02T{:02}:{:02}:00+08:00", hour + 1, i);
      b.purpose = "并发预约";
      return b;
    });
    EXPECT_EQ(ok, 1) << "round " << round;
  }
  auto calendar = svc().VenueCalendar(ActorAt(fuzhou_), venue_, "2023-05-02", "2023-05-02");
  ASSERT_TRUE(calendar);
  ASSERT_EQ(calendar->bookings.size(), 3u);
}

TEST_P(VenueConcurrencyTest, AdjacentRequestsAtOnceAllSucceed) {
  constexpr int kThreads = 8;
  const int ok = BookAtOnce(kThreads, [](std::int64_t org, int i) {
    NewBooking b;
    b.org_id = org;
    b.start = fmt::format("2023-05-02T{:02}:00:00+08:00", 8 + i);
    b.end = fmt::format("2023-05-02T{:02}:00:00+08:00", 9 + i);
    b.purpose = "相邻时段";
    return b;
  });
  EXPECT_EQ(ok, kThreads);
}

TEST_P(VenueConcurrencyTest, OverlappingWeeklySeriesAtOnceExactlyOneSucceeds) {
  constexpr int kThreads = 6;
  const int ok = BookAtOnce(kThreads, [](std::int64_t org, int i) {
    NewBooking b;
    b.org_id = org;
    // Series of 2 to 5 weeks from 2 May or 9 May: all of them hold 16 May 09:00-10:00.
    const int first_day = i % 2 == 0 ? 2 : 9;
    b.start = fmt::format("2023-05-{:02}T09:{:02}:00+08:00", first_day, i);
    b.end = fmt::format("2023-05-{:02}T10:{:02}:00+08:00", first_day, i);
    b.purpose = "每周活动";
    b.weeks = 2 + i % 4;
    return b;
  });
  EXPECT_EQ(ok, 1);
}

// Approvals re-check in the venue's turn: of overlapping pending bookings (which only an import
// or a change of rules could leave), approved at once, exactly one is approved.
TEST_P(VenueConcurrencyTest, OverlappingApprovalsAtOnceExactlyOneSucceeds) {
  constexpr int kThreads = 6;
  std::vector<std::int64_t> ids;
  {
    store::Session s = db().Acquire();
    for (int i = 0; i < kThreads; ++i) {
      auto stmt = s.Prepare(
          "INSERT INTO bookings (venue_id, org_id, start_at, end_at, purpose, status, created_at, "
          "updated_at) VALUES (?, ?, ?, ?, 'x', 'pending', 'now', 'now') RETURNING id");
      stmt.BindAll({venue_, org_a_, fmt::format("2023-05-02T09:{:02}:00+08:00", i),
                    fmt::format("2023-05-02T10:{:02}:00+08:00", i)});
      ASSERT_TRUE(stmt.Next());
      ids.push_back(stmt.row().Int(0));
    }
  }
  std::latch start(kThreads);
  std::atomic<int> ok{0}, conflicts{0};
  std::vector<std::thread> pool;
  for (int i = 0; i < kThreads; ++i) {
    pool.emplace_back([&, i] {
      start.arrive_and_wait();
      auto r = svc().ReviewBooking(ActorAt(fuzhou_), ids[i], {"approve", {}});
      if (r) {
        ++ok;
      } else if (r.error().code == core::ErrorCode::kConflict) {
        ++conflicts;
      } else {
        ADD_FAILURE() << r.error().message;
      }
    });
  }
  for (std::thread& t : pool) t.join();
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(conflicts, kThreads - 1);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(VenueConcurrencyTest);

}  // namespace
}  // namespace lianyin::domain::venue
