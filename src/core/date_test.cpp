#include "core/date.hpp"

#include <gtest/gtest.h>

namespace lianyin::core {
namespace {

TEST(Date, LeapYearsAndMonthLengths) {
  struct Case {
    int year;
    bool leap;
  };
  const Case cases[] = {{2000, true}, {1900, false}, {2023, false}, {2024, true}, {2100, false}};
  for (const Case& c : cases) {
    EXPECT_EQ(IsLeapYear(c.year), c.leap) << c.year;
    EXPECT_EQ(DaysInMonth(c.year, 2), c.leap ? 29 : 28) << c.year;
  }
  EXPECT_EQ(DaysInMonth(2023, 4), 30);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);
  EXPECT_EQ(DaysInMonth(2023, 13), 0);
}

TEST(Date, ParseDateAcceptsRealIsoDates) {
  struct Case {
    std::string_view text;
    Date date;
  };
  const Case cases[] = {
      {"2023-04-01", {2023, 4, 1}}, {"2024-02-29", {2024, 2, 29}},  {"2000-02-29", {2000, 2, 29}},
      {"1900-01-01", {1900, 1, 1}}, {"9999-12-31", {9999, 12, 31}},
  };
  for (const Case& c : cases) {
    Result<Date> r = ParseDate(c.text);
    ASSERT_TRUE(r) << c.text;
    EXPECT_EQ(*r, c.date);
    EXPECT_EQ(FormatDate(*r), c.text);
  }
}

TEST(Date, ParseDateRejectsAnythingElse) {
  const std::string_view cases[] = {
      "",           "2023-4-1",    "2023/04/01",  "2023-04-1",  "2023-02-29", "1900-02-29",
      "2023-13-01", "2023-00-10",  "2023-04-00",  "2023-04-31", "0000-01-01", "2023-04-01T",
      "20230401",   " 2023-04-01", "2023-04-01 ", "+023-04-01", "2023-0a-01",
  };
  for (std::string_view text : cases) {
    Result<Date> r = ParseDate(text, "start_date");
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().details.at(0).field, "start_date");
  }
}

TEST(Date, DaysFromCivilMatchesKnownDays) {
  struct Case {
    Date date;
    std::int64_t days;
  };
  const Case cases[] = {
      {{1970, 1, 1}, 0},      {{1970, 1, 2}, 1},     {{1969, 12, 31}, -1},
      {{2000, 3, 1}, 11017},  {{2023, 4, 1}, 19448}, {{1900, 1, 1}, -25567},
      {{2038, 1, 19}, 24855}, {{1, 1, 1}, -719162},  {{9999, 12, 31}, 2932896},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DaysFromCivil(c.date), c.days) << FormatDate(c.date);
    EXPECT_EQ(CivilFromDays(c.days), c.date) << c.days;
  }
}

TEST(Date, CivilFromDaysRoundTripsEveryDayOfFourCenturies) {
  Date expected{1800, 1, 1};
  for (std::int64_t days = DaysFromCivil(expected); days < DaysFromCivil({2201, 1, 1}); ++days) {
    Date date = CivilFromDays(days);
    ASSERT_EQ(date, expected);
    ASSERT_TRUE(IsValidDate(date));
    expected.day++;
    if (expected.day > DaysInMonth(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        expected.year++;
      }
    }
  }
}

TEST(Date, AddDaysAndCompare) {
  EXPECT_EQ(AddDays({2023, 12, 31}, 1), (Date{2024, 1, 1}));
  EXPECT_EQ(AddDays({2024, 3, 1}, -1), (Date{2024, 2, 29}));
  EXPECT_EQ(AddDays({2023, 4, 1}, 365), (Date{2024, 3, 31}));
  EXPECT_EQ(AddDays({2023, 4, 1}, 0), (Date{2023, 4, 1}));
  EXPECT_LT((Date{2023, 4, 1}), (Date{2023, 4, 2}));
  EXPECT_LT((Date{2023, 4, 30}), (Date{2023, 5, 1}));
  EXPECT_LT((Date{2022, 12, 31}), (Date{2023, 1, 1}));
}

TEST(DateTime, ParseDateTimeReadsOffsets) {
  constexpr std::int64_t k20230401At0100Utc = 1680310800;
  struct Case {
    std::string_view text;
    std::int64_t unix_seconds;
  };
  const Case cases[] = {
      {"2023-04-01T09:00:00+08:00", k20230401At0100Utc},
      {"2023-04-01T09:00:00", k20230401At0100Utc},
      {"2023-04-01T01:00:00Z", k20230401At0100Utc},
      {"2023-03-31T20:00:00-05:00", k20230401At0100Utc},
      {"2023-04-01T06:30:00+05:30", k20230401At0100Utc},
      {"2023-04-01T09:00:00.5+08:00", k20230401At0100Utc},
      {"2023-04-01T01:00:00.123456789Z", k20230401At0100Utc},
      {"1970-01-01T00:00:00Z", 0},
      {"1970-01-01T00:00:00", -8 * 3600},
      {"1969-12-31T23:59:59Z", -1},
  };
  for (const Case& c : cases) {
    Result<DateTime> r = ParseDateTime(c.text);
    ASSERT_TRUE(r) << c.text;
    EXPECT_EQ(r->unix_seconds, c.unix_seconds) << c.text;
  }
}

TEST(DateTime, ParseDateTimeRejectsMalformedText) {
  const std::string_view cases[] = {
      "",
      "2023-04-01",
      "2023-04-01 09:00:00",
      "2023-04-01T9:00:00",
      "2023-04-01T24:00:00",
      "2023-04-01T09:60:00",
      "2023-04-01T09:00:60",
      "2023-04-01T09:00",
      "2023-04-01T09:00:00+8:00",
      "2023-04-01T09:00:00+0800",
      "2023-04-01T09:00:00+24:00",
      "2023-04-01T09:00:00z",
      "2023-04-01T09:00:00.",
      "2023-04-01T09:00:00.+08:00",
      "2023-04-01T09:00:00Z ",
      "2023-02-30T09:00:00",
      "2023-04-01T09:00:00.1234567890Z",
  };
  for (std::string_view text : cases) {
    Result<DateTime> r = ParseDateTime(text, "starts_at");
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().details.at(0).field, "starts_at");
  }
}

TEST(DateTime, FormatDateTimeIsAlwaysShanghai) {
  struct Case {
    std::string_view input;
    std::string_view formatted;
  };
  const Case cases[] = {
      {"2023-04-01T09:00:00+08:00", "2023-04-01T09:00:00+08:00"},
      {"2023-04-01T01:00:00Z", "2023-04-01T09:00:00+08:00"},
      {"2023-03-31T16:00:00Z", "2023-04-01T00:00:00+08:00"},
      {"2023-03-31T15:59:59Z", "2023-03-31T23:59:59+08:00"},
      {"1969-12-31T23:59:59-08:00", "1970-01-01T15:59:59+08:00"},
      {"1960-06-01T12:34:56", "1960-06-01T12:34:56+08:00"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatDateTime(ParseDateTime(c.input).value()), c.formatted) << c.input;
  }
}

TEST(DateTime, LocalDateAndStartOfDayUseShanghai) {
  struct Case {
    std::string_view instant;
    Date local;
  };
  const Case cases[] = {
      {"2023-03-31T16:00:00Z", {2023, 4, 1}},        {"2023-03-31T15:59:59Z", {2023, 3, 31}},
      {"2023-12-31T23:59:59+08:00", {2023, 12, 31}}, {"1969-12-31T16:00:00Z", {1970, 1, 1}},
      {"1969-12-31T15:59:59Z", {1969, 12, 31}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LocalDate(ParseDateTime(c.instant).value()), c.local) << c.instant;
  }
  EXPECT_EQ(StartOfDay({2023, 4, 1}), ParseDateTime("2023-04-01T00:00:00+08:00").value());
  EXPECT_EQ(LocalDate(StartOfDay({1950, 7, 9})), (Date{1950, 7, 9}));
}

TEST(DateTime, NowIsAfter2024) {
  EXPECT_GT(Now(), ParseDateTime("2024-01-01T00:00:00+08:00").value());
  EXPECT_LT(Now(), ParseDateTime("2200-01-01T00:00:00+08:00").value());
}

}  // namespace
}  // namespace lianyin::core
