#include "domain/region/region_service.hpp"

#include <gtest/gtest.h>

#include "support/test_db.hpp"

namespace lianyin::domain::region {
namespace {

RegionSource Sample(std::string version) {
  return RegionSource{"test-source", std::move(version),
                      {{"110000", "北京市", "100000"},
                       {"110100", "北京市", "110000"},
                       {"110101", "东城区", "110100"},
                       {"420000", "湖北省", "100000"},
                       {"429004", "仙桃市", "420000"}}};
}

class RegionServiceTest : public ::testing::Test {
 protected:
  std::unique_ptr<store::Database> db_ = test_support::OpenTestDatabase();
  RegionService service_{*db_};
};

TEST_F(RegionServiceTest, ImportsAndBrowsesTheTree) {
  auto count = service_.Import(Sample("1"));
  ASSERT_TRUE(count) << count.error().message;
  EXPECT_EQ(*count, 6);  // five plus the nation
  EXPECT_EQ(service_.SourceVersion(), "test-source@1");

  auto provinces = service_.Children("100000");
  ASSERT_TRUE(provinces);
  ASSERT_EQ(provinces->size(), 2u);
  EXPECT_EQ((*provinces)[0].code, "110000");
  EXPECT_TRUE((*provinces)[0].has_children);
  EXPECT_EQ((*provinces)[0].level, Level::kProvince);

  auto detail = service_.Get("110101");
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->path.size(), 4u);
  EXPECT_EQ(detail->path.front().code, "100000");
  EXPECT_EQ(detail->path.back().name, "东城区");
  EXPECT_FALSE(detail->region.has_children);
}

TEST_F(RegionServiceTest, CoversIsAncestorOrSelfInTheTable) {
  ASSERT_TRUE(service_.Import(Sample("1")));
  EXPECT_TRUE(service_.Covers("100000", "110101"));
  EXPECT_TRUE(service_.Covers("110000", "110101"));
  EXPECT_TRUE(service_.Covers("110101", "110101"));
  EXPECT_TRUE(service_.Covers("420000", "429004"));
  EXPECT_FALSE(service_.Covers("110101", "110000"));
  EXPECT_FALSE(service_.Covers("420000", "110101"));
  EXPECT_FALSE(service_.Covers("100000", "999999"));
}

TEST_F(RegionServiceTest, ReimportUpdatesNamesAndKeepsRetiredCodes) {
  ASSERT_TRUE(service_.Import(Sample("1")));
  RegionSource next{"test-source", "2", {{"110000", "北京", "100000"}}};
  ASSERT_TRUE(service_.Import(next));
  EXPECT_EQ(service_.SourceVersion(), "test-source@2");
  EXPECT_EQ(service_.Get("110000")->region.name, "北京");
  EXPECT_TRUE(service_.Get("110101"));  // kept: records may still carry it
}

TEST_F(RegionServiceTest, InvalidSourceChangesNothing) {
  ASSERT_TRUE(service_.Import(Sample("1")));
  RegionSource bad{"test-source", "3", {{"110000", "x", "990000"}}};
  auto r = service_.Import(bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(service_.SourceVersion(), "test-source@1");
}

TEST_F(RegionServiceTest, UnknownCodesAnswerNotFound) {
  ASSERT_TRUE(service_.Import(Sample("1")));
  EXPECT_EQ(service_.Children("990000").error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(service_.Children("abc").error().code, core::ErrorCode::kValidationFailed);
  EXPECT_EQ(service_.Get("990000").error().code, core::ErrorCode::kNotFound);
}

}  // namespace
}  // namespace lianyin::domain::region
