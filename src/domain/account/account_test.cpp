#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"

#include <gtest/gtest.h>

#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::account {
namespace {

constexpr const char* kPassword = "Lianyin-Test-2026";

class AccountTest : public ::testing::Test {
 protected:
  void SetUp() override {
    region::RegionService regions(*db_);
    ASSERT_TRUE(regions.Import({"test", "1",
                                {{"110000", "北京市", "100000"},
                                 {"110100", "北京市", "110000"},
                                 {"610000", "陕西省", "100000"}}}));
    auto admin = PlatformService(*db_).SetUpPlatform({"联引平台", "admin", kPassword});
    ASSERT_TRUE(admin) << admin.error().message;
  }

  std::unique_ptr<store::Database> db_ = test_support::OpenTestDatabase();
  UnitService units_{*db_};
};

TEST_F(AccountTest, SetUpOnlyOnce) {
  auto again = PlatformService(*db_).SetUpPlatform({"联引平台", "admin2", kPassword});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(units_.RootUnit().value().name, "联引平台");
}

TEST_F(AccountTest, SetUpRejectsAWeakAdminPassword) {
  auto fresh = test_support::OpenTestDatabase();
  auto r = PlatformService(*fresh).SetUpPlatform({"联引平台", "admin", "password"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().details.at(0).field, "admin_password");
  EXPECT_FALSE(UnitService(*fresh).RootUnit());
}

TEST_F(AccountTest, UnitRegionMustBeCoveredByTheParent) {
  const std::int64_t root = units_.RootUnit().value().id;
  auto shaanxi = units_.CreateUnit({"陕西省总工会", UnitKind::kUnion, "610000", root, {}});
  ASSERT_TRUE(shaanxi) << shaanxi.error().message;
  auto beijing_under_shaanxi =
      units_.CreateUnit({"北京市总工会", UnitKind::kUnion, "110000", shaanxi->id, {}});
  ASSERT_FALSE(beijing_under_shaanxi);
  EXPECT_EQ(beijing_under_shaanxi.error().details.at(0).field, "region_code");
}

}  // namespace
}  // namespace lianyin::domain::account
