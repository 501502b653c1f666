#include "app/demo_events.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "app/demo_roster.hpp"
#include "app/demo_test_support.hpp"
#include "app/services.hpp"
#include "core/crypto.hpp"
#include "core/date.hpp"
#include "core/phone.hpp"
#include "core/resident_id.hpp"
#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/event/event_rules.hpp"
#include "domain/org/org.hpp"
#include "domain/worker/worker.hpp"
#include "support/test_db.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
using test::Admin;
using test::Count;

constexpr const char* kPassword = "Demo-Test-Passw0rd";

domain::region::RegionSource TestRegions() {
  return {"test",
          "1",
          {{"350000", "福建省", "100000"},
           {"350100", "福州市", "350000"},
           {"350102", "鼓楼区", "350100"},
           {"350103", "台江区", "350100"},
           {"350111", "晋安区", "350100"},
           {"350121", "闽侯县", "350100"}}};
}

constexpr int kOrgs = 12;

// Everything the demo's figures are checked against, read back from the tables.
std::string Fingerprint(store::Database& db) {
  store::Session s = db.Acquire();
  auto stmt = s.Prepare(
      "SELECT title, category, capacity, status, seats_taken, waitlisted, checkins, "
      "target_groups FROM events ORDER BY start_at, id");
  std::string out;
  while (stmt.Next()) {
    const store::Row& r = stmt.row();
    out += fmt::format("{}|{}|{}|{}|{}|{}|{}|{}\n", r.Text(0), r.Text(1), r.Int(2), r.Text(3),
                       r.Int(4), r.Int(5), r.Int(6), r.Text(7));
  }
  return out;
}

class DemoEventsTest : public test_support::BackendTest {
 protected:
  // 福州市总工会 and 福州市民政局 below the root, twelve organisations registered at the bureau
  // and linked to the union, the venues demo, then the events demo.
  DemoEventsReport Build(store::Database& on) {
    services_ = std::make_unique<Services>(on, core::RandomBytes(32));
    Services& services = *services_;
    EXPECT_TRUE(services.regions.Import(TestRegions()));
    auto admin = account::PlatformService(services.writer)
                     .SetUpPlatform({"联引平台", "admin", "Demo-Test-Passw0rd"});
    EXPECT_TRUE(admin);
    if (!admin) return {};
    admin_ = Admin(*admin);
    auto union_unit = services.units.Create(
        admin_, {"福州市总工会", account::UnitKind::kUnion, "350100", admin->unit_id, {}});
    auto civil = services.units.Create(
        admin_, {"福州市民政局", account::UnitKind::kCivilAffairs, "350100", admin->unit_id, {}});
    EXPECT_TRUE(union_unit && civil);
    if (!union_unit || !civil) return {};
    std::vector<std::int64_t> org_ids;
    const auto& categories = domain::org::ServiceCategories();
    for (int i = 1; i <= kOrgs; ++i) {
      domain::org::NewOrg o;
      o.name = fmt::format("福州市职工服务中心（第{}站）", i);
      const std::string first17 = fmt::format("52350102MJ{:07d}", i);
      o.uscc = first17 + core::UsccCheckCharacter(first17).value_or('0');
      o.org_type = "social_service";
      o.region_code = "350102";
      o.registration_unit_id = civil->unit.id;
      o.legal_rep = "林峰";
      o.phone = fmt::format("1390000{:04d}", i);
      o.founded_on = "2015-03-01";
      o.business_scope = "职工服务";
      o.service_categories = {categories[static_cast<std::size_t>(i) % 8],
                              categories[static_cast<std::size_t>(i + 3) % 8]};
      o.labour_field = true;
      auto created = services.orgs.Create(admin_, std::move(o));
      EXPECT_TRUE(created) << created.error().message;
      if (!created) return {};
      org_ids.push_back(created->org.id);
      EXPECT_TRUE(
          services.orgs.LinkOrg(admin_, union_unit->unit.id, created->org.id, "2022-01-01"));
    }
    auto venues = BuildDemoVenues(services, admin_, union_unit->unit.id, org_ids, kPassword);
    EXPECT_TRUE(venues) << venues.error().message;
    if (!venues) return {};
    auto report = BuildDemoEvents(services, admin_, *venues, kPassword);
    EXPECT_TRUE(report) << report.error().message;
    return report ? *report : DemoEventsReport{};
  }

  // The roster the build planned (for the districts it found).
  std::vector<DemoWorker> Roster() {
    auto districts = services_->regions.Children("350100");
    EXPECT_TRUE(districts);
    return PlanDemoRoster(kDemoRoster,
                          districts ? *districts : std::vector<domain::region::Region>{}, 2026);
  }

  std::unique_ptr<Services> services_;
  account::Actor admin_;
};

TEST_P(DemoEventsTest, BuildsTheRosterAndAYearOfEventsAsReported) {
  const DemoEventsReport report = Build(db());
  EXPECT_EQ(report.workers, kDemoRoster);
  EXPECT_EQ(report.held, 100);
  EXPECT_EQ(report.open, 6);
  EXPECT_EQ(report.drafts, 1);
  // Plausible figures of a real base: most of the roster comes, several times a year.
  EXPECT_GT(report.signups, 4000);
  EXPECT_LT(report.signups, 12000);
  EXPECT_GT(report.checkins, 3000);
  EXPECT_LT(report.checkins, report.signups);
  EXPECT_GT(report.unique_workers, kDemoRoster * 6 / 10);
  EXPECT_LE(report.unique_workers, kDemoRoster);
  EXPECT_GT(report.waitlisted, 0);
  EXPECT_GT(report.cancellations, 0);

  // Exactly as reported.
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM workers WHERE deleted_at IS NULL"), report.workers);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM events WHERE status = 'ended'"), report.held);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM events WHERE status = 'published'"), report.open);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM events WHERE status = 'draft'"), report.drafts);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM event_signups"), report.signups);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM event_signups WHERE status = 'waitlisted'"),
            report.waitlisted);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM audit_log WHERE entity = 'event_signup' AND "
                  "action = 'cancel'"),
            report.cancellations);
  // Person-times are the check-in rows; unique workers the distinct workers among them.
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM event_checkins"), report.checkins);
  EXPECT_EQ(Count(db(), "SELECT COUNT(DISTINCT worker_id) FROM event_checkins"),
            report.unique_workers);
  EXPECT_EQ(Count(db(), "SELECT COALESCE(SUM(checkins), 0) FROM events"), report.checkins);

  // Every held event ended with check-ins ≤ confirmed sign-ups ≤ its capacity ≤ the venue's,
  // each check-in by a worker with a confirmed seat; organised by the booking's organisation
  // in one of its categories, for some target groups.
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM events e WHERE e.status = 'ended' AND (e.checkins > "
                  "(SELECT COUNT(*) FROM event_signups s WHERE s.event_id = e.id AND s.status = "
                  "'confirmed') OR (SELECT COUNT(*) FROM event_signups s WHERE s.event_id = e.id "
                  "AND s.status = 'confirmed') > e.capacity OR e.checkins <> (SELECT COUNT(*) "
                  "FROM event_checkins c WHERE c.event_id = e.id))"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM event_checkins c WHERE NOT EXISTS (SELECT 1 FROM "
                  "event_signups s WHERE s.event_id = c.event_id AND s.worker_id = c.worker_id "
                  "AND s.status = 'confirmed')"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM events e JOIN venues v ON v.id = e.venue_id JOIN bookings "
                  "b ON b.id = e.booking_id WHERE e.capacity > v.capacity OR b.org_id <> e.org_id "
                  "OR b.status <> 'approved' OR e.target_groups = '' OR NOT EXISTS (SELECT 1 "
                  "FROM org_categories oc WHERE oc.org_id = e.org_id AND oc.category = "
                  "e.category)"),
            0);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM events WHERE booking_id IS NULL"), 0);
  // Waiting lists only where every seat was taken; some events have one.
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM events WHERE waitlisted > 0 AND seats_taken < "
                  "capacity"),
            0);
  EXPECT_GT(Count(db(), "SELECT COUNT(*) FROM events WHERE waitlisted > 0"), 5);
  // A realistic attendance: 60–95 % of the confirmed seats of the held events.
  const std::int64_t seats =
      Count(db(), "SELECT SUM(seats_taken) FROM events WHERE status = 'ended'");
  EXPECT_GE(report.checkins * 100, seats * 60);
  EXPECT_LE(report.checkins * 100, seats * 95);

  // The held events are in 2026 and over, the open ones ahead.
  const std::string now = core::FormatDateTime(core::Now());
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM events WHERE status = 'ended' AND (start_at < "
                  "'2026-01-01' OR end_at >= '2027-01-01' OR end_at > '" +
                      now + "')"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM events WHERE status IN ('published', 'draft') AND "
                  "start_at <= '" +
                      now + "'"),
            0);

  // Every sign-up inside its event's sign-up window (times are all +08:00, so they compare as
  // text), never later than now; every check-in inside the check-in window.
  EXPECT_EQ(
      Count(db(),
            "SELECT COUNT(*) FROM event_signups s JOIN events e ON e.id = s.event_id WHERE "
            "s.created_at >= e.signup_closes_at OR s.created_at > '" +
                now + "' OR (e.signup_opens_at IS NOT NULL AND s.created_at < e.signup_opens_at)"),
      0);
  store::Session s = db().Acquire();
  auto rows = s.Prepare(
      "SELECT c.at, e.start_at, e.end_at, c.created_at FROM event_checkins c JOIN events e ON "
      "e.id = c.event_id");
  std::int64_t checked = 0;
  while (rows.Next()) {
    const auto at = core::ParseDateTime(rows.row().Text(0)).value().unix_seconds;
    const auto start = core::ParseDateTime(rows.row().Text(1)).value().unix_seconds;
    const auto end = core::ParseDateTime(rows.row().Text(2)).value().unix_seconds;
    const auto recorded = core::ParseDateTime(rows.row().Text(3)).value().unix_seconds;
    EXPECT_GE(at, start - domain::event::kCheckinLeadSeconds);
    EXPECT_LT(at, end);
    EXPECT_GE(recorded, at);
    ++checked;
  }
  EXPECT_EQ(checked, report.checkins);
  // Most check-ins come from the organisers' lists; the demo worker scanned the code.
  EXPECT_GT(Count(db(), "SELECT COUNT(*) FROM event_checkins WHERE method = 'code'"), 3);

  // The roster: valid mobiles and ID numbers, every worker in Fuzhou with groups of the
  // dictionary, owned by the union.
  const std::vector<DemoWorker> roster = Roster();
  std::set<std::string> phones;
  for (const DemoWorker& w : roster) {
    const auto mobile = core::NormaliseMobile(w.phone);
    EXPECT_TRUE(mobile && *mobile == w.phone) << w.phone;
    EXPECT_TRUE(core::ParseResidentId(w.id_number, core::Date{2026, 1, 3})) << w.id_number;
    EXPECT_TRUE(w.region_code.starts_with("3501")) << w.region_code;
    for (const std::string& g : w.groups) EXPECT_TRUE(domain::worker::IsGroup(g)) << g;
    phones.insert(w.phone);
  }
  EXPECT_EQ(phones.size(), roster.size());
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM workers w JOIN units u ON u.id = w.unit_id WHERE u.name = "
                  "'福州市总工会' AND w.phone_index IS NOT NULL AND w.id_number_index IS NOT NULL"),
            kDemoRoster);
  EXPECT_GT(Count(db(), "SELECT COUNT(DISTINCT group_code) FROM worker_groups"), 7);
}

TEST_P(DemoEventsTest, TheDemoWorkerLogsInByPhoneWithItsHistory) {
  const DemoEventsReport report = Build(db());
  ASSERT_EQ(report.demo_worker_phone, std::string(kDemoPhonePrefix) + "0001");
  auto login = services_->auth.Login(report.demo_worker_phone, kPassword,
                                     {"127.0.0.1", "test", "demo-events-test"});
  ASSERT_TRUE(login) << login.error().message;
  const account::Actor& me = std::get<account::LoginResult>(*login).actor;
  ASSERT_TRUE(me.worker_id);
  EXPECT_EQ(me.display_name, report.demo_worker_name);
  // The only worker account of the demo.
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM users WHERE worker_id IS NOT NULL"), 1);

  auto mine = services_->events.MyEvents(me, {1, 100});
  ASSERT_TRUE(mine);
  int upcoming = 0;
  int attended = 0;
  for (const domain::event::MyEvent& e : mine->items) {
    if (e.event.status == domain::event::EventStatus::kPublished && e.signup) ++upcoming;
    if (e.event.status == domain::event::EventStatus::kEnded && e.checked_in_at) ++attended;
  }
  EXPECT_EQ(upcoming, 1);
  EXPECT_GE(attended, 5);
  // Its phone's "events near me" (its own region, published, not over) lists upcoming events.
  auto worker = services_->workers.Me(me);
  ASSERT_TRUE(worker);
  EXPECT_EQ(worker->region_code, std::optional<std::string>(kDemoWorkerHome));
  domain::event::EventFilter near;
  near.status = domain::event::EventStatus::kPublished;
  near.region_code = worker->region_code;
  near.from = core::FormatDateTime(core::Now());
  auto listed = services_->events.List(me, near, {1, 20});
  ASSERT_TRUE(listed);
  EXPECT_GE(listed->total, 1);
  EXPECT_EQ(Count(db(), fmt::format("SELECT COUNT(*) FROM event_checkins WHERE worker_id = {} "
                                    "AND method = 'code'",
                                    *me.worker_id)),
            attended);
}

// No worker's phone or ID number is stored in clear in any column of any table (the roster,
// the audit trail, the login log…): only sealed, with the blind index beside. (SQLite's full-text
// tables are read through their shadow tables, which are scanned.)
TEST_P(DemoEventsTest, NoClearPhoneOrIdNumberInAnyColumn) {
  Build(db());
  const std::vector<DemoWorker> roster = Roster();
  std::vector<std::string> clear;
  for (std::size_t i : {std::size_t{0}, std::size_t{1}, std::size_t{517}, roster.size() - 1}) {
    clear.push_back(roster[i].phone);
    clear.push_back(roster[i].id_number);
  }
  std::vector<std::pair<std::string, std::string>> columns;
  {
    store::Session s = db().Acquire();
    auto stmt = s.Prepare(
        IsPostgres()
            ? "SELECT table_name, column_name FROM information_schema.columns WHERE "
              "table_schema = current_schema() ORDER BY table_name, ordinal_position"
            : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p "
              "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.sql NOT LIKE 'CREATE "
              "VIRTUAL%' ORDER BY m.name, p.cid");
    while (stmt.Next()) columns.emplace_back(stmt.row().Text(0), stmt.row().Text(1));
  }
  ASSERT_GT(columns.size(), 100u);
  std::string like;
  for (const std::string& value : clear) {
    like += fmt::format("{}CAST({{col}} AS TEXT) LIKE '%{}%'", like.empty() ? "" : " OR ", value);
  }
  for (const auto& [table, column] : columns) {
    const std::string quoted = "\"" + column + "\"";
    const std::string where = fmt::format(fmt::runtime(like), fmt::arg("col", quoted));
    EXPECT_EQ(Count(db(), fmt::format("SELECT COUNT(*) FROM \"{}\" WHERE {}", table, where)), 0)
        << table << "." << column;
  }
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM workers WHERE phone_sealed IS NULL OR "
                  "id_number_sealed IS NULL"),
            0);
}

// Two builds (the second on SQLite) make the same events, seats and check-ins.
TEST_P(DemoEventsTest, IsDeterministic) {
  const DemoEventsReport first = Build(db());
  const std::string fingerprint = Fingerprint(db());
  auto other = test_support::OpenBackendDatabase("sqlite");
  const DemoEventsReport second = Build(*other);
  EXPECT_EQ(Fingerprint(*other), fingerprint);
  EXPECT_EQ(second.workers, first.workers);
  EXPECT_EQ(second.held, first.held);
  EXPECT_EQ(second.signups, first.signups);
  EXPECT_EQ(second.waitlisted, first.waitlisted);
  EXPECT_EQ(second.cancellations, first.cancellations);
  EXPECT_EQ(second.checkins, first.checkins);
  EXPECT_EQ(second.unique_workers, first.unique_workers);
  EXPECT_EQ(second.demo_worker_name, first.demo_worker_name);
  services_.reset();  // before the database it uses
}

TEST_P(DemoEventsTest, WithoutBookingsBuildsNothing) {
  Services services(db(), core::RandomBytes(32));
  ASSERT_TRUE(services.regions.Import(TestRegions()));
  auto admin = account::PlatformService(services.writer)
                   .SetUpPlatform({"联引平台", "admin", "Demo-Test-Passw0rd"});
  ASSERT_TRUE(admin);
  auto report = BuildDemoEvents(services, Admin(*admin), {}, kPassword);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->workers, 0);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM workers"), 0);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(DemoEventsTest);

}  // namespace
}  // namespace lianyin::app
