#include "core/resident_id.hpp"

#include <gtest/gtest.h>

namespace lianyin::core {
namespace {

constexpr Date kToday{2025, 6, 1};

TEST(ResidentId, AcceptsValidNumbers) {
  struct Case {
    std::string_view text;
    std::string_view normalised;
    Date birth;
    Sex sex;
  };
  const Case cases[] = {
      // The example printed in GB 11643-1999.
      {"11010519491231002X", "11010519491231002X", {1949, 12, 31}, Sex::kFemale},
      {"11010519491231002x", "11010519491231002X", {1949, 12, 31}, Sex::kFemale},
      {"110105194912310011", "110105194912310011", {1949, 12, 31}, Sex::kMale},
      {"440304200002291236", "440304200002291236", {2000, 2, 29}, Sex::kMale},
      {"31011519000101001X", "31011519000101001X", {1900, 1, 1}, Sex::kMale},
      {"440304199909091114", "440304199909091114", {1999, 9, 9}, Sex::kMale},
      {"110101202001010036", "110101202001010036", {2020, 1, 1}, Sex::kMale},
  };
  for (const Case& c : cases) {
    Result<ResidentId> r = ParseResidentId(c.text, kToday);
    ASSERT_TRUE(r) << c.text << ": " << r.error().details.at(0).message;
    const ResidentId id = r.value();
    EXPECT_EQ(id.number(), c.normalised);
    EXPECT_EQ(id.birth_date(), c.birth) << c.text;
    EXPECT_EQ(id.sex(), c.sex) << c.text;
  }
  EXPECT_EQ(ParseResidentId("11010519491231002X", kToday).value().region_code(), "110105");
}

TEST(ResidentId, RejectsInvalidNumbers) {
  struct Case {
    std::string_view text;
    std::string_view message_part;
  };
  const Case cases[] = {
      {"", "17 digits"},
      {"11010519491231002", "17 digits"},
      {"11010519491231002XX", "17 digits"},
      {"1101051949123100XX", "17 digits"},
      {"11010519491231002Y", "17 digits"},
      {"X10105194912310021", "17 digits"},
      {"11010519491231002 ", "17 digits"},
      {"110105194912310021", "check character"},
      {"110105194912310012", "check character"},
      {"11010519491231002 X", "17 digits"},
      {"110105209912310029", "birth date"},  // correct check, born in 2099
      {"110105189912310023", "birth date"},  // correct check, born in 1899
      {"110105194902300020", "birth date"},  // correct check, 30 February
      {"110105194913310015", "birth date"},
  };
  for (const Case& c : cases) {
    Result<ResidentId> r = ParseResidentId(c.text, kToday, "worker_id_number");
    ASSERT_FALSE(r) << c.text;
    FieldError detail = r.error().details.at(0);
    EXPECT_EQ(detail.field, "worker_id_number");
    EXPECT_NE(detail.message.find(c.message_part), std::string::npos)
        << c.text << ": " << detail.message;
  }
}

TEST(ResidentId, BirthTodayIsAcceptedTomorrowIsNot) {
  constexpr std::string_view kBornOn20250601 = "110101202506010000";
  std::string number(kBornOn20250601.substr(0, 17));
  number += ResidentIdCheckCharacter(number);
  EXPECT_TRUE(ParseResidentId(number, kToday));
  EXPECT_FALSE(ParseResidentId(number, AddDays(kToday, -1)));
}

TEST(ResidentId, CheckCharacter) {
  EXPECT_EQ(ResidentIdCheckCharacter("11010519491231002"), 'X');
  EXPECT_EQ(ResidentIdCheckCharacter("44030420000229123"), '6');
  EXPECT_EQ(ResidentIdCheckCharacter("4403042000022912"), '\0');
  EXPECT_EQ(ResidentIdCheckCharacter("4403042000022912A"), '\0');
}

TEST(ResidentId, DefaultTodayAcceptsPastBirths) {
  EXPECT_TRUE(ParseResidentId("11010519491231002X"));
}

}  // namespace
}  // namespace lianyin::core
