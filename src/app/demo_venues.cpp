#include "app/demo_venues.hpp"

#include <fmt/format.h>

#include <memory>
#include <optional>

#include "app/services.hpp"
#include "core/date.hpp"
#include "domain/account/actor_builder.hpp"
#include "domain/venue/venue_service.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
namespace region = domain::region;
namespace venue = domain::venue;

constexpr const char* kFuzhou = "350100";

// The city union's venues, each in a district of Fuzhou (the city itself when the regions
// table lacks the district).
struct VenueSpec {
  const char* name;
  const char* district;
  const char* address;
  std::int64_t capacity;
  const char* facilities;
  const char* opening_hours;
  const char* description;
};
constexpr VenueSpec kVenues[] = {
    {"福州市工人文化宫多功能厅", "鼓楼区", "鼓楼区五一中路工人文化宫三楼", 300,
     "舞台、灯光音响、投影、300 座", "周一至周日 08:30-21:30",
     "承办职工文艺演出、大型讲座和颁奖活动"},
    {"福州市职工服务中心培训教室", "鼓楼区", "鼓楼区湖东路职工服务中心二楼", 60,
     "电脑 40 台、投影、白板", "周一至周六 08:30-21:00", "职业技能培训、电脑培训和考前辅导"},
    {"福州市职工体育馆篮球馆", "晋安区", "晋安区福马路职工体育馆", 200,
     "标准篮球场两片、看台、更衣室", "周一至周日 07:00-22:00", "职工篮球、羽毛球赛事和健身活动"},
    {"台江区职工之家活动室", "台江区", "台江区工业路职工之家一楼", 40, "茶歇区、投影、图书角",
     "周一至周五 09:00-21:00", "心理沙龙、亲子活动和小型座谈"},
    {"仓山区新就业形态劳动者驿站会议室", "仓山区", "仓山区浦上大道劳动者驿站", 30,
     "休息区、充电、饮水、投影", "周一至周日 08:00-22:00",
     "快递员、外卖骑手的座谈、培训和关爱活动"},
    {"马尾区职工书屋阅览室", "马尾区", "马尾区君竹路职工书屋", 50, "藏书 8000 册、朗读角",
     "周二至周日 09:00-20:00", "读书会、法律讲座和职工子女课后服务"},
};

// What the organisations booked the venues for (events held there later, issue #11).
constexpr const char* kPurposes[] = {
    "职工技能提升培训", "新就业形态劳动者关爱座谈", "职工心理健康讲座", "职工子女课后托管活动",
    "职工文体活动",     "劳动法律法规宣讲",         "职工健康义诊",     "公益志愿服务培训",
};

struct TimeSlot {
  const char* start;
  const char* end;
};
constexpr TimeSlot kSlots[] = {{"09:00", "11:30"}, {"14:30", "17:00"}, {"19:00", "21:00"}};

constexpr int kHeld = 100;          // the "about 100 events held" of SPEC §6
constexpr int kUpcoming = 10;       // approved, from today on
constexpr int kPending = 4;         // left in the review queue
constexpr int kHeldSpanDays = 318;  // 2026-01-10 … 2026-11-24

std::string At(const core::Date& day, const char* hm) {
  return fmt::format("{}T{}:00+08:00", core::FormatDate(day), hm);
}

core::DateTime Instant(const core::Date& day, int hour) {
  return {core::StartOfDay(day).unix_seconds + hour * 3600};
}

// The district named `name` in Fuzhou, else the city.
std::string DistrictCode(const std::vector<region::Region>& districts, const char* name) {
  for (const region::Region& d : districts) {
    if (d.name == name) return d.code;
  }
  return kFuzhou;
}

DemoBooking BookingOf(const venue::Booking& b, std::int64_t venue_capacity) {
  return {b.id, b.org_id, venue_capacity, b.start, b.end, b.purpose};
}

core::Result<account::Actor> MakeUser(Services& services, const account::Actor& admin,
                                      account::NewUser user, std::int64_t unit_id) {
  auto created = services.users.Create(admin, std::move(user));
  if (!created) return created.error();
  auto unit = services.units.Get(admin, unit_id);
  if (!unit) return unit.error();
  store::Session session = services.writer.db().Acquire();
  account::Actor actor = account::BuildActor(session, created->user, unit->unit);
  actor.request_id = admin.request_id;
  return actor;
}

}  // namespace

core::Result<DemoVenuesReport> BuildDemoVenues(Services& services, const account::Actor& admin,
                                               std::int64_t union_id,
                                               const std::vector<std::int64_t>& org_ids,
                                               const std::string& password) {
  DemoVenuesReport report;
  if (union_id == 0 || org_ids.empty()) return report;
  report.union_id = union_id;
  auto districts = services.regions.Children(kFuzhou);
  if (!districts) return districts.error();

  auto officer = MakeUser(services, admin,
                          {kDemoFuzhouOfficer,
                           password,
                           "福州市总工会（演示干部）",
                           union_id,
                           {"union_officer"},
                           std::nullopt,
                           std::nullopt,
                           false},
                          union_id);
  if (!officer) return officer.error();
  auto member = MakeUser(services, admin,
                         {kDemoFuzhouOrgMember,
                          password,
                          "福州共享阵地社会组织（演示成员）",
                          union_id,
                          {"org_member"},
                          org_ids.front(),
                          std::nullopt,
                          false},
                         union_id);
  if (!member) return member.error();
  report.officer_user_id = officer->user_id;
  report.member_user_id = member->user_id;

  // The venue service on the demo clock: each step happens at the time `now` says.
  auto now = std::make_shared<core::DateTime>(Instant({2026, 1, 1}, 9));
  venue::VenueService venues(services.writer, [now] { return *now; });

  std::vector<std::int64_t> venue_ids;
  std::vector<std::int64_t> capacities;
  for (const VenueSpec& spec : kVenues) {
    venue::NewVenue v{spec.name,
                      union_id,
                      DistrictCode(*districts, spec.district),
                      spec.address,
                      spec.capacity,
                      std::string(spec.facilities),
                      std::string(spec.opening_hours),
                      std::string(spec.description)};
    auto created = venues.CreateVenue(*officer, v);
    if (!created) return created.error();
    venue_ids.push_back(created->id);
    capacities.push_back(spec.capacity);
    ++report.venues;
  }

  // Books slot `i` of `day` at venue `i` at `asked` (the organisation, or for the first its
  // member); the officer approves a day later unless `approve` is false.
  const auto book = [&](int i, const core::Date& day, core::DateTime asked,
                        bool approve) -> core::Result<venue::Booking> {
    const std::size_t org = static_cast<std::size_t>(i) * 7 % org_ids.size();
    const TimeSlot& slot = kSlots[i % 3];
    venue::NewBooking request{org_ids[org], At(day, slot.start), At(day, slot.end),
                              kPurposes[i % 8], 1};
    *now = asked;
    const account::Actor& by = org == 0 ? *member : *officer;
    auto booked =
        venues.Book(by, venue_ids[static_cast<std::size_t>(i) % venue_ids.size()], request);
    if (!booked) return booked.error();
    if (!approve) return booked->front();
    *now = {asked.unix_seconds + 86400};
    return venues.ReviewBooking(*officer, booked->front().id, {"approve", std::nullopt});
  };

  // The events held in 2026, about every third day.
  for (int i = 0; i < kHeld; ++i) {
    const core::Date day = core::AddDays({2026, 1, 10}, i * kHeldSpanDays / kHeld);
    auto booked = book(i, day, Instant(core::AddDays(day, -12), 10), true);
    if (!booked) return booked.error();
    report.held_bookings.push_back(
        BookingOf(*booked, capacities[static_cast<std::size_t>(i) % capacities.size()]));
    ++report.held;
  }

  // From today on, asked for in the last days: approved ones, the review queue, one rejected
  // and one cancelled.
  const core::DateTime real_now = core::Now();
  const core::Date today = core::LocalDate(real_now);
  for (int i = 0; i < kUpcoming + kPending + 2; ++i) {
    const core::Date day = core::AddDays(today, 13 + i * 2);
    const bool pending = i >= kUpcoming && i < kUpcoming + kPending;
    const core::DateTime asked{real_now.unix_seconds - (kUpcoming + kPending + 2 - i) * 7200 -
                               86400};
    auto booked = book(i, day, asked, i < kUpcoming);
    if (!booked) return booked.error();
    if (i < kUpcoming) {
      report.upcoming_bookings.push_back(
          BookingOf(*booked, capacities[static_cast<std::size_t>(i) % capacities.size()]));
    }
    if (i < kUpcoming || pending) {
      ++(pending ? report.pending : report.upcoming);
      continue;
    }
    *now = {asked.unix_seconds + 3600};
    if (i == kUpcoming + kPending) {
      auto rejected = venues.ReviewBooking(*officer, booked->id, {"reject", "该时段场地检修"});
      if (!rejected) return rejected.error();
      ++report.rejected;
    } else {
      auto cancelled = venues.CancelBooking(*officer, booked->id, "活动延期");
      if (!cancelled) return cancelled.error();
      ++report.cancelled;
    }
  }
  return report;
}

}  // namespace lianyin::app
