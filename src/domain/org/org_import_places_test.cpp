#include "domain/org/org_import_places.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::org {
namespace {

using account::UnitKind;

// Two civil-affairs units called 民政局 (under different parents), one union, and regions where
// 新城区 exists in two cities.
ImportPlaces Places() {
  return ImportPlaces(
      {{30, "民政局", UnitKind::kCivilAffairs, "610200", "铜川市人民政府"},
       {1, "联引平台", UnitKind::kOther, "100000", ""},
       {2, "民政部", UnitKind::kCivilAffairs, "100000", "联引平台"},
       {3, "陕西省民政厅", UnitKind::kCivilAffairs, "610000", "民政部"},
       {4, "陕西省总工会", UnitKind::kUnion, "610000", "联引平台"},
       {20, "民政局", UnitKind::kCivilAffairs, "610100", "西安市人民政府"}},
      {{"100000", "中华人民共和国", ""},
       {"610000", "陕西省", "100000"},
       {"610100", "西安市", "610000"},
       {"610102", "新城区", "610100"},
       {"610103", "碑林区", "610100"},
       {"610200", "铜川市", "610000"},
       {"610204", "新城区", "610200"}});  // not its real name: a second 新城区 for the test
}

std::string Message(const core::Error& e) { return e.details.at(0).message; }

TEST(ImportPlaces, RegionsByCodeFullNameOrUniqueTail) {
  const ImportPlaces places = Places();
  EXPECT_EQ(places.FindRegion("610103").value(), "610103");
  EXPECT_EQ(places.FindRegion("陕西省西安市碑林区").value(), "610103");
  EXPECT_EQ(places.FindRegion(" 陕西省 / 西安市 ").value(), "610100");
  EXPECT_EQ(places.FindRegion("西安市碑林区").value(), "610103");
  EXPECT_EQ(places.FindRegion("碑林区").value(), "610103");
  EXPECT_EQ(places.FindRegion("陕西省").value(), "610000");
  EXPECT_EQ(places.FindRegion("西安市新城区").value(), "610102");
  EXPECT_EQ(places.RegionText("610103").value(), "陕西省西安市碑林区");
  EXPECT_EQ(places.RegionText("100000").value(), "");
  EXPECT_FALSE(places.RegionText("999999"));
}

TEST(ImportPlaces, AmbiguousOrUnknownRegionsAreErrorsNamingTheCandidates) {
  const ImportPlaces places = Places();
  auto twice = places.FindRegion("新城区");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().details.at(0).field, "region_code");
  EXPECT_EQ(Message(twice.error()),
            "names several regions: 陕西省西安市新城区、陕西省铜川市新城区; write the full name");
  EXPECT_EQ(Message(places.FindRegion("火星").error()), "no region of this name or code");
  EXPECT_EQ(Message(places.FindRegion("999999").error()), "unknown region");
}

TEST(ImportPlaces, UnitsByIdNameOrNameWithParent) {
  const ImportPlaces places = Places();
  EXPECT_EQ(places.FindUnit("3").value(), 3);
  EXPECT_EQ(places.FindUnit("陕西省民政厅").value(), 3);
  EXPECT_EQ(places.FindUnit("民政局（西安市人民政府）").value(), 20);
  EXPECT_EQ(places.FindUnit("民政局(铜川市人民政府)").value(), 30);
  EXPECT_EQ(places.UnitText(3).value(), "陕西省民政厅");
  EXPECT_EQ(places.UnitText(20).value(), "民政局（西安市人民政府）");
  EXPECT_FALSE(places.UnitText(99));
  EXPECT_EQ(places.CivilAffairsUnitTexts(),
            (std::vector<std::string>{"民政部", "陕西省民政厅", "民政局（西安市人民政府）",
                                      "民政局（铜川市人民政府）"}));
}

TEST(ImportPlaces, AmbiguousUnknownOrNonCivilUnitsAreErrors) {
  const ImportPlaces places = Places();
  auto twice = places.FindUnit("民政局");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().details.at(0).field, "registration_unit_id");
  EXPECT_EQ(Message(twice.error()),
            "names several units: 民政局（西安市人民政府）、民政局（铜川市人民政府）; write the "
            "name with its parent in brackets");
  EXPECT_EQ(Message(places.FindUnit("北京市民政局").error()),
            "no civil-affairs unit of this name in your scope");
  EXPECT_EQ(Message(places.FindUnit("陕西省总工会").error()), "must be a civil-affairs unit");
  EXPECT_EQ(Message(places.FindUnit("4").error()), "must be a civil-affairs unit");
  EXPECT_EQ(Message(places.FindUnit("99").error()), "no such unit");
}

TEST(ImportPlaces, PlacesMustBeCoveredByTheRegistrationUnit) {
  const ImportPlaces places = Places();
  EXPECT_FALSE(places.CheckPlace(3, "610103"));
  EXPECT_FALSE(places.CheckPlace(2, "610103"));  // the nation covers every region
  EXPECT_EQ(places.CheckPlace(20, "610204")->message,
            "must be covered by the registration unit's region");
  EXPECT_EQ(places.CheckPlace(4, "610103")->field, "registration_unit_id");
  EXPECT_EQ(places.CheckPlace(3, "999999")->message, "unknown region");
}

TEST(ImportPlaces, ExampleUnitPrefersTheOwnUnitThenOneBelowTheNation) {
  const ImportPlaces places = Places();
  EXPECT_EQ(places.ExampleUnit(20)->id, 20);
  EXPECT_EQ(places.ExampleUnit(1)->id, 3);
  EXPECT_EQ(ImportPlaces({}, {}).ExampleUnit(1), nullptr);
}

}  // namespace
}  // namespace lianyin::domain::org
