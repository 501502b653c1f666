#include "domain/region/region_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::region {
namespace {

RegionSource Source(std::vector<RegionRecord> regions) {
  return RegionSource{"test", "1", std::move(regions)};
}

TEST(RegionRules, DepthFollowsParentsNotCodes) {
  // 429004 仙桃市 hangs directly under the province in some sources.
  auto depth = ValidateSource(Source({{"420000", "湖北省", "100000"},
                                      {"429004", "仙桃市", "420000"},
                                      {"420100", "武汉市", "420000"},
                                      {"420102", "江岸区", "420100"}}));
  ASSERT_TRUE(depth) << depth.error().message;
  EXPECT_EQ(depth->at("100000"), 0);
  EXPECT_EQ(depth->at("420000"), 1);
  EXPECT_EQ(depth->at("429004"), 2);
  EXPECT_EQ(depth->at("420102"), 3);
}

TEST(RegionRules, ChildListedBeforeParentIsFine) {
  auto depth = ValidateSource(Source({{"110101", "东城区", "110100"},
                                      {"110100", "北京市", "110000"},
                                      {"110000", "北京市", "100000"}}));
  ASSERT_TRUE(depth);
  EXPECT_EQ(depth->at("110101"), 3);
}

struct BadCase {
  const char* why;
  std::vector<RegionRecord> regions;
};

TEST(RegionRules, RejectsBrokenSources) {
  const BadCase cases[] = {
      {"five digits", {{"11000", "x", "100000"}}},
      {"letters", {{"11000A", "x", "100000"}}},
      {"the nation itself", {{"100000", "全国", "100000"}}},
      {"empty name", {{"110000", "", "100000"}}},
      {"duplicate", {{"110000", "a", "100000"}, {"110000", "b", "100000"}}},
      {"unknown parent", {{"110100", "a", "990000"}}},
      {"cycle", {{"110100", "a", "110200"}, {"110200", "b", "110100"}}},
      {"too deep",
       {{"110000", "a", "100000"}, {"110100", "b", "110000"}, {"110101", "c", "110100"},
        {"110102", "d", "110101"}}},
  };
  for (const BadCase& c : cases) {
    auto r = ValidateSource(Source(c.regions));
    ASSERT_FALSE(r) << c.why;
    EXPECT_EQ(r.error().code, core::ErrorCode::kValidationFailed) << c.why;
    EXPECT_EQ(r.error().details.at(0).field, "regions") << c.why;
  }
}

}  // namespace
}  // namespace lianyin::domain::region
