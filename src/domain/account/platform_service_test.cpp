#include "domain/account/platform_service.hpp"

#include <gtest/gtest.h>

#include "domain/account/unit_service.hpp"
#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::account {
namespace {

constexpr const char* kPassword = "Lianyin-Test-2026";

class PlatformTest : public ::testing::Test {
 protected:
  void SetUp() override {
    region::RegionService regions(*db_);
    ASSERT_TRUE(regions.Import({"test", "1", {{"110000", "北京市", "100000"}}}));
    auto admin = PlatformService(writer_).SetUpPlatform({"联引平台", "admin", kPassword});
    ASSERT_TRUE(admin) << admin.error().message;
  }

  std::unique_ptr<store::Database> db_ = test_support::OpenTestDatabase();
  common::Writer writer_{*db_};
  UnitService units_{writer_};
};

TEST_F(PlatformTest, SetUpOnlyOnce) {
  auto again = PlatformService(writer_).SetUpPlatform({"联引平台", "admin2", kPassword});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(units_.RootUnit().value().name, "联引平台");
}

TEST_F(PlatformTest, SetUpRejectsAWeakAdminPassword) {
  auto fresh = test_support::OpenTestDatabase();
  common::Writer writer(*fresh);
  auto r = PlatformService(writer).SetUpPlatform({"联引平台", "admin", "password"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().details.at(0).field, "admin_password");
  EXPECT_FALSE(UnitService(writer).RootUnit());
}

}  // namespace
}  // namespace lianyin::domain::account
