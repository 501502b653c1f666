#include "app/demo_venues.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/demo_test_support.hpp"
#include "app/services.hpp"
#include "core/crypto.hpp"
#include "core/date.hpp"
#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
using test::Admin;
using test::Count;

// 福建省 with 福州市 and three of its districts (马尾区 and 仓山区 missing: their venues fall
// back to the city).
domain::region::RegionSource TestRegions() {
  return {"test",
          "1",
          {{"350000", "福建省", "100000"},
           {"350100", "福州市", "350000"},
           {"350102", "鼓楼区", "350100"},
           {"350103", "台江区", "350100"},
           {"350111", "晋安区", "350100"}}};
}

constexpr int kOrgs = 12;

class DemoVenuesTest : public test_support::BackendTest {
 protected:
  // 福州市总工会 and 福州市民政局 below the root, twelve organisations registered at the bureau
  // and linked to the union, then the venues demo.
  DemoVenuesReport Build(store::Database& on) {
    Services services(on, core::RandomBytes(32));
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
      o.service_categories = {"skills"};
      o.labour_field = true;
      auto created = services.orgs.Create(admin_, std::move(o));
      EXPECT_TRUE(created) << created.error().message;
      if (!created) return {};
      org_ids.push_back(created->org.id);
      EXPECT_TRUE(
          services.orgs.LinkOrg(admin_, union_unit->unit.id, created->org.id, "2022-01-01"));
    }
    auto report =
        BuildDemoVenues(services, admin_, union_unit->unit.id, org_ids, "Demo-Test-Passw0rd");
    EXPECT_TRUE(report) << report.error().message;
    return report ? *report : DemoVenuesReport{};
  }

  account::Actor admin_;
};

TEST_P(DemoVenuesTest, BuildsTheVenuesAndAYearOfBookings) {
  const DemoVenuesReport report = Build(db());
  EXPECT_EQ(report.venues, 6);
  EXPECT_EQ(report.held, 100);
  EXPECT_EQ(report.upcoming, 10);
  EXPECT_EQ(report.pending, 4);
  EXPECT_EQ(report.rejected, 1);
  EXPECT_EQ(report.cancelled, 1);
  // The approved bookings handed on to the events demo, each as stored.
  ASSERT_EQ(report.held_bookings.size(), 100u);
  ASSERT_EQ(report.upcoming_bookings.size(), 10u);
  EXPECT_GT(report.officer_user_id, 0);
  EXPECT_GT(report.member_user_id, 0);
  for (const auto* list : {&report.held_bookings, &report.upcoming_bookings}) {
    for (const DemoBooking& b : *list) {
      EXPECT_EQ(Count(db(), fmt::format("SELECT COUNT(*) FROM bookings b JOIN venues v ON v.id = "
                                        "b.venue_id WHERE b.id = {} AND b.org_id = {} AND "
                                        "b.status = 'approved' AND b.start_at = '{}' AND "
                                        "b.end_at = '{}' AND v.capacity = {}",
                                        b.id, b.org_id, b.start, b.end, b.venue_capacity)),
                1);
    }
  }

  // Six active venues of the union, those of missing districts in the city.
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM venues v JOIN units u ON u.id = v.unit_id WHERE "
                  "u.name = '福州市总工会' AND v.status = 'active'"),
            6);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM venues WHERE region_code = '350100'"), 2);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM venues WHERE region_code = '350102'"), 2);

  // The bookings: statuses as reported, the 2026 ones all approved and over.
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM bookings WHERE status = 'approved'"), 110);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM bookings WHERE status = 'pending'"), 4);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM bookings WHERE status = 'rejected'"), 1);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM bookings WHERE status = 'cancelled'"), 1);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM bookings WHERE start_at < '2026-12-01' AND "
                  "start_at >= '2026-01-10' AND status = 'approved'"),
            100);

  // A history that could have happened: asked for before the slot and never after today,
  // approved after asking and before the slot, no two live bookings of a venue overlapping.
  const std::string today = core::FormatDateTime(core::Now());
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM bookings WHERE created_at >= start_at"), 0);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM bookings WHERE created_at > '" + today + "'"), 0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM bookings WHERE status = 'approved' AND "
                  "(reviewed_at <= created_at OR reviewed_at >= start_at)"),
            0);
  EXPECT_EQ(Count(db(),
                  "SELECT COUNT(*) FROM bookings a JOIN bookings b ON a.venue_id = b.venue_id "
                  "AND a.id < b.id AND a.start_at < b.end_at AND b.start_at < a.end_at WHERE "
                  "a.status IN ('pending', 'approved') AND b.status IN ('pending', 'approved')"),
            0);

  // The organisation's member booked its own slots; the officer the others.
  EXPECT_GT(Count(db(),
                  "SELECT COUNT(*) FROM bookings b JOIN users u ON u.id = b.created_by WHERE "
                  "u.username = 'demo.fz.org'"),
            0);
  EXPECT_GT(Count(db(),
                  "SELECT COUNT(*) FROM bookings b JOIN users u ON u.id = b.created_by WHERE "
                  "u.username = 'demo.fz'"),
            0);
}

TEST_P(DemoVenuesTest, WithoutOrganisationsBuildsNothing) {
  Services services(db(), core::RandomBytes(32));
  EXPECT_TRUE(services.regions.Import(TestRegions()));
  auto admin = account::PlatformService(services.writer)
                   .SetUpPlatform({"联引平台", "admin", "Demo-Test-Passw0rd"});
  ASSERT_TRUE(admin);
  auto report = BuildDemoVenues(services, Admin(*admin), admin->unit_id, {}, "Demo-Test-Passw0rd");
  ASSERT_TRUE(report);
  EXPECT_EQ(report->venues, 0);
  EXPECT_EQ(Count(db(), "SELECT COUNT(*) FROM venues"), 0);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(DemoVenuesTest);

}  // namespace
}  // namespace lianyin::app
