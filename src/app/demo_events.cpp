#include "app/demo_events.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "app/demo_roster.hpp"
#include "app/services.hpp"
#include "core/date.hpp"
#include "domain/account/actor_builder.hpp"
#include "domain/event/event_rules.hpp"
#include "domain/event/event_service.hpp"
#include "domain/worker/worker_service.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
namespace event = domain::event;
namespace worker = domain::worker;

constexpr int kYear = 2026;     // the year the events were held (demo_venues.cpp)
constexpr int kOpenEvents = 6;  // published at the first upcoming bookings; the next is a draft
constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;

// An event the organisations run, with the target groups (target_group codes) it is for.
struct Theme {
  const char* title;
  const char* groups;  // comma-separated
};
struct CategoryThemes {
  const char* category;  // service_category
  const char* description;
  Theme themes[4];
};
constexpr CategoryThemes kCategories[] = {
    {"skills",
     "社会组织在共享阵地举办的职工技能提升活动，由专业讲师授课并现场实操，结业颁发培训证明。",
     {{"快递员职业技能提升培训班", "new_employment_workers,young_workers"},
      {"电工技能等级培训", "frontline_workers,migrant_workers"},
      {"家政服务员技能培训", "women_workers,migrant_workers"},
      {"职工电脑办公技能培训", "frontline_workers,young_workers"}}},
    {"health",
     "面向职工的健康服务：专家讲座、咨询和简易检查，帮助职工关注身心健康。",
     {{"职工心理健康讲座", "frontline_workers,young_workers"},
      {"女职工健康知识讲座", "women_workers"},
      {"户外劳动者健康义诊", "sanitation_workers,new_employment_workers"},
      {"中医养生与颈椎保健讲座", "frontline_workers,retired_workers"}}},
    {"children",
     "为职工子女提供托管、阅读和科普活动，解决职工看护子女的后顾之忧。职工报名，可携子女参加。",
     {{"职工子女课后托管活动", "workers_children"},
      {"亲子阅读会", "workers_children,women_workers"},
      {"职工子女科学小课堂", "workers_children"},
      {"新就业形态劳动者子女关爱活动", "workers_children,new_employment_workers"}}},
    {"culture_sports",
     "丰富职工业余文化生活的文体活动，欢迎职工报名参加。",
     {{"职工篮球友谊赛", "frontline_workers,young_workers"},
      {"职工羽毛球比赛", "young_workers"},
      {"职工合唱团排练展演", "retired_workers,women_workers"},
      {"职工书法摄影作品交流会", "frontline_workers"}}},
    {"stations",
     "依托工会服务站点开展的咨询和服务，现场解答职工的问题。",
     {{"户外劳动者服务站开放日", "sanitation_workers,new_employment_workers"},
      {"职工法律援助咨询日", "frontline_workers,migrant_workers"},
      {"劳动法律法规宣讲会", "migrant_workers,frontline_workers"},
      {"职工服务站点使用说明会", "new_employment_workers"}}},
    {"new_employment",
     "面向快递员、外卖骑手、网约车司机等新就业形态劳动者的关爱服务。",
     {{"快递小哥、外卖骑手关爱座谈会", "new_employment_workers"},
      {"骑手交通安全培训", "new_employment_workers,young_workers"},
      {"网约车司机权益保障讲座", "new_employment_workers"},
      {"新就业形态劳动者入会集中服务日", "new_employment_workers"}}},
    {"common_prosperity",
     "帮助困难职工和农民工增收致富的政策宣讲与就业服务。",
     {{"困难职工帮扶政策宣讲会", "needy_workers"},
      {"农民工就业创业指导", "migrant_workers,needy_workers"},
      {"职工理财与防诈骗讲座", "frontline_workers,retired_workers"},
      {"困难职工子女助学金发放仪式", "needy_workers,workers_children"}}},
    {"volunteer",
     "职工志愿者的培训和志愿服务，欢迎职工报名加入志愿者队伍。",
     {{"公益志愿服务培训", "young_workers,retired_workers"},
      {"劳模工匠进社区志愿服务", "model_workers"},
      {"职工志愿者应急救护培训", "young_workers,frontline_workers"},
      {"学雷锋志愿服务活动", "model_workers,young_workers"}}},
};

// The category a booking's purpose (demo_venues.cpp) belongs to.
constexpr std::pair<std::string_view, std::string_view> kPurposeCategories[] = {
    {"职工技能提升培训", "skills"},     {"新就业形态劳动者关爱座谈", "new_employment"},
    {"职工心理健康讲座", "health"},     {"职工子女课后托管活动", "children"},
    {"职工文体活动", "culture_sports"}, {"劳动法律法规宣讲", "stations"},
    {"职工健康义诊", "health"},         {"公益志愿服务培训", "volunteer"},
};

const CategoryThemes& ThemesOf(std::string_view category) {
  for (const CategoryThemes& c : kCategories) {
    if (category == c.category) return c;
  }
  return kCategories[0];
}

std::vector<std::string> Codes(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    out.emplace_back(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return out;
}

std::int64_t Seconds(const std::string& at) { return core::ParseDateTime(at).value().unix_seconds; }
std::string At(std::int64_t unix_seconds) { return core::FormatDateTime({unix_seconds}); }

// The demo's steps, in order, on its own clock.
class Builder {
 public:
  Builder(Services& services, const account::Actor& admin)
      : services_(services),
        admin_(admin),
        now_(std::make_shared<core::DateTime>()),
        workers_(services.writer, services.worker_keys, services.auth,
                 [now = now_] { return *now; }),
        events_(services.writer, services.checkin_key, [now = now_] { return *now; }) {}

  core::Result<void> Actors(const DemoVenuesReport& venues) {
    auto officer = ActorOf(venues.officer_user_id);
    if (!officer) return officer.error();
    officer_ = *officer;
    auto member = ActorOf(venues.member_user_id);
    if (!member) return member.error();
    member_ = *member;
    return {};
  }

  // The union's roster, imported by its officer on 3 January; the workers' ids in roster order.
  core::Result<void> ImportRoster() {
    auto districts = services_.regions.Children("350100");
    if (!districts) return districts.error();
    roster_ = PlanDemoRoster(kDemoRoster, *districts, kYear);
    Set(core::StartOfDay({kYear, 1, 3}).unix_seconds + 10 * kHour);
    auto imported = workers_.Import(officer_, RosterTable(roster_));
    if (!imported) return imported.error();
    for (std::int64_t page = 1; ids_.size() < roster_.size(); ++page) {
      auto listed = workers_.List(officer_, {}, {page, 200});
      if (!listed) return listed.error();
      if (listed->items.empty()) break;
      for (const worker::Worker& w : listed->items) ids_.push_back(w.id);
    }
    if (ids_.size() != roster_.size()) {
      return core::Error::Conflict("the demo roster was not imported whole");
    }
    report_.workers = static_cast<int>(ids_.size());
    return {};
  }

  // The first worker of the roster activates its account on 5 January, as on the phone pages.
  core::Result<void> ActivateDemoWorker(const std::string& password) {
    const DemoWorker& w = roster_.front();
    Set(core::StartOfDay({kYear, 1, 5}).unix_seconds + 20 * kHour);
    auto user = workers_.Activate({w.name, w.id_number, w.phone, password},
                                  {"127.0.0.1", "lianyin init --demo", admin_.request_id});
    if (!user) return user.error();
    auto unit = services_.units.Get(admin_, user->unit_id);
    if (!unit) return unit.error();
    store::Session session = services_.writer.db().Acquire();
    demo_worker_ = account::BuildActor(session, *user, unit->unit);
    demo_worker_.request_id = admin_.request_id;
    report_.demo_worker_phone = w.phone;
    report_.demo_worker_name = w.name;
    return {};
  }

  // The event held at the k-th booking of 2026: created and published ten days ahead, signed up
  // for until two hours before (over the capacity onto the waiting list), a few cancellations
  // before the start, check-ins as people arrive, ended after it.
  core::Result<void> Held(const DemoBooking& b, int k) {
    const std::int64_t start = Seconds(b.start);
    const std::int64_t end = Seconds(b.end);
    const account::Actor& by = Organiser(b);
    Set(start - 10 * kDay);
    auto made = NewEventAt(b, start - 10 * kDay + 2 * kHour, start - 2 * kHour);
    if (!made) return made.error();
    const std::int64_t id = made->id;
    const std::int64_t capacity = made->capacity;
    const bool demo_worker_comes = k % 9 == 1;

    // Sign-ups, evenly through the window; the demo worker first when it comes.
    const int demand = std::max<int>(5, static_cast<int>(capacity * seq_.Between(70, 118) / 100));
    std::vector<std::size_t> who = Signees(made->target_groups, demand, demo_worker_comes);
    const std::int64_t opens = start - 10 * kDay + 2 * kHour;
    const std::int64_t span = 10 * kDay - 5 * kHour;
    std::vector<std::size_t> confirmed;
    std::vector<std::size_t> waiting;
    for (std::size_t j = 0; j < who.size(); ++j) {
      Set(opens + span * static_cast<std::int64_t>(j) / static_cast<std::int64_t>(who.size()));
      auto signed_up = SignUp(id, who[j], true);
      if (!signed_up) return signed_up.error();
      (signed_up->status == event::SignupStatus::kConfirmed ? confirmed : waiting)
          .push_back(who[j]);
    }

    // A few cancel in the hour and a half before: the waiting list moves up.
    if (k % 4 == 0 && confirmed.size() > 4) {
      const int cancels = seq_.Between(1, 3);
      for (int c = 0; c < cancels; ++c) {
        const std::size_t at = 1 + seq_.Next() % (confirmed.size() - 1);  // never the first
        if (confirmed[at] == 0) continue;                                 // the demo worker stays
        Set(start - 90 * kMinute + c * 10 * kMinute);
        auto cancelled = events_.Cancel(officer_, id, ids_[confirmed[at]]);
        if (!cancelled) return cancelled.error();
        confirmed.erase(confirmed.begin() + static_cast<std::ptrdiff_t>(at));
        ++report_.cancellations;
        --report_.signups;
        if (cancelled->promoted) {
          if (waiting.empty() || cancelled->promoted->worker_id != ids_[waiting.front()]) {
            return core::Error::Conflict("the waiting list did not move up in order");
          }
          confirmed.push_back(waiting.front());
          waiting.erase(waiting.begin());
          --report_.waitlisted;
        }
      }
    }

    // 60–95 % come: 45 % of them early, 40 % just before the start, the rest late; the demo
    // worker scans the code itself (one of its events it misses).
    const bool demo_worker_in =
        std::find(confirmed.begin(), confirmed.end(), std::size_t{0}) != confirmed.end();
    std::vector<std::size_t> others;
    for (std::size_t i : confirmed) {
      if (i != 0) others.push_back(i);
    }
    seq_.Shuffle(others);
    others.resize(others.size() * static_cast<std::size_t>(seq_.Between(60, 95)) / 100);
    const std::size_t early = others.size() * 45 / 100;
    const std::size_t on_time = others.size() * 85 / 100;
    if (auto ok = CheckInList(by, id, others, 0, early, start - 20 * kMinute); !ok) return ok;
    if (demo_worker_in && ++demo_worker_events_ % 4 != 3) {
      Set(start - 12 * kMinute);
      auto code = events_.CurrentCode(officer_, id);
      if (!code) return code.error();
      event::NewCheckin mine;
      mine.code = code->code;
      auto checked = events_.CheckIn(demo_worker_, id, mine);
      if (!checked) return checked.error();
      Attended(0);
    }
    if (auto ok = CheckInList(by, id, others, early, on_time, start - 5 * kMinute); !ok) return ok;
    if (auto ok = CheckInList(by, id, others, on_time, others.size(), start + 10 * kMinute); !ok) {
      return ok;
    }

    Set(end + 20 * kMinute);
    auto ended = events_.Move(by, id, {"ended", std::nullopt});
    if (!ended) return ended.error();
    ++report_.held;
    return {};
  }

  // An event at the j-th upcoming booking, made in the last hours before `real_now`: published
  // and signed up for by a part of its seats (the demo worker for the first), or a draft.
  core::Result<void> Upcoming(const DemoBooking& b, int j, std::int64_t real_now) {
    const std::int64_t start = Seconds(b.start);
    Set(real_now - 12 * kHour);
    auto made = NewEventAt(b, std::nullopt, start - 2 * kHour, j < kOpenEvents);
    if (!made) return made.error();
    if (j >= kOpenEvents) {
      ++report_.drafts;
      return {};
    }
    const int demand = static_cast<int>(made->capacity * seq_.Between(25, 70) / 100);
    const std::vector<std::size_t> who = Signees(made->target_groups, demand, j == 0);
    const std::int64_t from = real_now - 11 * kHour + 10 * kMinute;
    const std::int64_t span = 11 * kHour - 20 * kMinute;
    for (std::size_t i = 0; i < who.size(); ++i) {
      Set(from + span * static_cast<std::int64_t>(i) / static_cast<std::int64_t>(who.size()));
      auto signed_up = SignUp(made->id, who[i], false);
      if (!signed_up) return signed_up.error();
    }
    ++report_.open;
    return {};
  }

  DemoEventsReport Finish() {
    report_.unique_workers = static_cast<std::int64_t>(attended_.size());
    return report_;
  }

 private:
  void Set(std::int64_t unix_seconds) { *now_ = {unix_seconds}; }

  core::Result<account::Actor> ActorOf(std::int64_t user_id) {
    auto user = services_.users.Get(admin_, user_id);
    if (!user) return user.error();
    auto unit = services_.units.Get(admin_, user->user.unit_id);
    if (!unit) return unit.error();
    store::Session session = services_.writer.db().Acquire();
    account::Actor actor = account::BuildActor(session, user->user, unit->unit);
    actor.request_id = admin_.request_id;
    return actor;
  }

  // The organisation's member acts for its organisation's events, the officer for the others.
  const account::Actor& Organiser(const DemoBooking& b) const {
    return member_.org_id && *member_.org_id == b.org_id ? member_ : officer_;
  }

  // The organisation's categories (read once).
  core::Result<std::vector<std::string>> CategoriesOf(std::int64_t org_id) {
    if (auto it = categories_.find(org_id); it != categories_.end()) return it->second;
    auto org = services_.orgs.Get(admin_, org_id);
    if (!org) return org.error();
    std::vector<std::string> categories = org->org.service_categories;
    if (categories.empty()) categories.push_back("volunteer");
    return categories_[org_id] = categories;
  }

  // The event at booking `b`, created by its organiser at the demo clock's now and, when
  // `publish`, published an hour later: of the booking's purpose when the organisation works in
  // that category, else of one of its categories; its seats a part of the venue's.
  core::Result<event::Event> NewEventAt(const DemoBooking& b, std::optional<std::int64_t> opens,
                                        std::int64_t closes, bool publish = true) {
    auto categories = CategoriesOf(b.org_id);
    if (!categories) return categories.error();
    std::string_view category = (*categories)[seq_.Next() % categories->size()];
    for (const auto& [purpose, of] : kPurposeCategories) {
      if (purpose == b.purpose &&
          std::find(categories->begin(), categories->end(), of) != categories->end()) {
        category = of;
      }
    }
    const CategoryThemes& themes = ThemesOf(category);
    const int use = uses_[std::string(category)]++;
    const Theme& theme = themes.themes[use % 4];
    event::NewEvent e;
    e.org_id = b.org_id;
    e.title = use < 4 ? theme.title : fmt::format("{}（第{}期）", theme.title, use / 4 + 1);
    e.category = std::string(category);
    e.description = themes.description;
    e.start = b.start;
    e.end = b.end;
    const int percent = b.venue_capacity >= 150 ? seq_.Between(35, 70) : seq_.Between(70, 100);
    e.capacity =
        std::clamp<std::int64_t>(b.venue_capacity * percent / 100 / 5 * 5,
                                 std::min<std::int64_t>(10, b.venue_capacity), b.venue_capacity);
    if (opens) e.signup_opens = At(*opens);
    e.signup_closes = At(closes);
    e.target_groups = Codes(theme.groups);
    e.booking_id = b.id;
    const account::Actor& by = Organiser(b);
    auto created = events_.Create(by, e);
    if (!created || !publish) return created;
    Set(now_->unix_seconds + kHour);
    return events_.Move(by, created->id, {"published", std::nullopt});
  }

  // Whether roster worker `i` is of the groups (职工子女 events: workers of an age to have
  // school-age children).
  bool OfGroups(std::size_t i, const std::vector<std::string>& groups) const {
    const DemoWorker& w = roster_[i];
    for (const std::string& g : groups) {
      if (g == "workers_children" && w.birth_year >= kYear - 48 && w.birth_year <= kYear - 27) {
        return true;
      }
      if (std::find(w.groups.begin(), w.groups.end(), g) != w.groups.end()) return true;
    }
    return false;
  }

  // `count` roster indexes in sign-up order (at least the demo worker's, when it comes): three
  // in four of the event's groups while there are enough of them, the others from the rest, in a
  // shuffled order; the demo worker (index 0) first when `demo_worker`, else never.
  std::vector<std::size_t> Signees(const std::vector<std::string>& groups, int count,
                                   bool demo_worker) {
    std::vector<std::size_t> of;
    std::vector<std::size_t> rest;
    for (std::size_t i = 1; i < roster_.size(); ++i) (OfGroups(i, groups) ? of : rest).push_back(i);
    seq_.Shuffle(of);
    seq_.Shuffle(rest);
    const std::size_t wanted = static_cast<std::size_t>(std::max(count, 1)) - (demo_worker ? 1 : 0);
    const std::size_t taken = std::min(of.size(), wanted * 3 / 4);
    std::vector<std::size_t> who(of.begin(), of.begin() + static_cast<std::ptrdiff_t>(taken));
    for (std::size_t i = 0; who.size() < wanted && i < rest.size(); ++i) who.push_back(rest[i]);
    for (std::size_t i = taken; who.size() < wanted && i < of.size(); ++i) {
      who.push_back(of[i]);
    }
    seq_.Shuffle(who);
    if (demo_worker) who.insert(who.begin(), 0);
    return who;
  }

  // Roster worker `i` signed up at now: by itself (the demo worker) or through the officer.
  core::Result<event::Signup> SignUp(std::int64_t event_id, std::size_t i, bool waitlist) {
    const account::Actor& by = i == 0 ? demo_worker_ : officer_;
    auto signed_up = events_.SignUp(by, event_id, {ids_[i], waitlist});
    if (signed_up) {
      ++report_.signups;
      if (signed_up->status == event::SignupStatus::kWaitlisted) ++report_.waitlisted;
    }
    return signed_up;
  }

  // Roster workers who[from, to) checked in at `at` from the organiser's list (at most
  // kMaxListCheckins a list).
  core::Result<void> CheckInList(const account::Actor& by, std::int64_t event_id,
                                 const std::vector<std::size_t>& who, std::size_t from,
                                 std::size_t to, std::int64_t at) {
    Set(at);
    for (std::size_t first = from; first < to; first += event::kMaxListCheckins) {
      event::NewCheckin list;
      for (std::size_t i = first; i < std::min(to, first + event::kMaxListCheckins); ++i) {
        list.worker_ids.push_back(ids_[who[i]]);
      }
      auto outcomes = events_.CheckInList(by, event_id, list);
      if (!outcomes) return outcomes.error();
      for (std::size_t i = 0; i < outcomes->size(); ++i) {
        const event::CheckinOutcome& o = (*outcomes)[i];
        if (!o.checkin) return core::Error::Conflict(o.message.value_or("check-in refused"));
        Attended(who[first + i]);
      }
    }
    return {};
  }

  void Attended(std::size_t i) {
    ++report_.checkins;
    attended_.insert(i);
  }

  Services& services_;
  const account::Actor& admin_;
  std::shared_ptr<core::DateTime> now_;
  worker::WorkerService workers_;
  event::EventService events_;
  account::Actor officer_;
  account::Actor member_;
  account::Actor demo_worker_;
  std::vector<DemoWorker> roster_;
  std::vector<std::int64_t> ids_;  // parallel to roster_
  std::map<std::int64_t, std::vector<std::string>> categories_;
  std::map<std::string, int> uses_;  // events of each category so far
  DemoSequence seq_{20261124};
  DemoEventsReport report_;
  std::set<std::size_t> attended_;
  int demo_worker_events_ = 0;
};

}  // namespace

core::Result<DemoEventsReport> BuildDemoEvents(Services& services, const account::Actor& admin,
                                               const DemoVenuesReport& venues,
                                               const std::string& password) {
  if (venues.held_bookings.empty() && venues.upcoming_bookings.empty()) return DemoEventsReport{};
  Builder build(services, admin);
  if (auto ok = build.Actors(venues); !ok) return ok.error();
  if (auto ok = build.ImportRoster(); !ok) return ok.error();
  if (auto ok = build.ActivateDemoWorker(password); !ok) return ok.error();
  for (std::size_t k = 0; k < venues.held_bookings.size(); ++k) {
    if (auto ok = build.Held(venues.held_bookings[k], static_cast<int>(k)); !ok) {
      return ok.error();
    }
  }
  const std::int64_t real_now = core::Now().unix_seconds;
  for (std::size_t j = 0; j < venues.upcoming_bookings.size() && j <= kOpenEvents; ++j) {
    if (auto ok = build.Upcoming(venues.upcoming_bookings[j], static_cast<int>(j), real_now); !ok) {
      return ok.error();
    }
  }
  return build.Finish();
}

}  // namespace lianyin::app
