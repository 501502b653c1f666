#include "core/period.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace lianyin::core {
namespace {

Period P(std::string_view text) { return ParsePeriod(text).value(); }

std::vector<std::string> Names(const std::vector<Period>& periods) {
  std::vector<std::string> names;
  for (const Period& p : periods) names.push_back(FormatPeriod(p));
  return names;
}

TEST(Period, ParseAndFormatRoundTrip) {
  struct Case {
    std::string_view text;
    PeriodKind kind;
    int index;
    Date first;
    Date last;
  };
  const Case cases[] = {
      {"2023", PeriodKind::kYear, 1, {2023, 1, 1}, {2023, 12, 31}},
      {"2023H1", PeriodKind::kHalf, 1, {2023, 1, 1}, {2023, 6, 30}},
      {"2023H2", PeriodKind::kHalf, 2, {2023, 7, 1}, {2023, 12, 31}},
      {"2023Q1", PeriodKind::kQuarter, 1, {2023, 1, 1}, {2023, 3, 31}},
      {"2024Q1", PeriodKind::kQuarter, 1, {2024, 1, 1}, {2024, 3, 31}},
      {"2023Q2", PeriodKind::kQuarter, 2, {2023, 4, 1}, {2023, 6, 30}},
      {"2023Q3", PeriodKind::kQuarter, 3, {2023, 7, 1}, {2023, 9, 30}},
      {"2023Q4", PeriodKind::kQuarter, 4, {2023, 10, 1}, {2023, 12, 31}},
      {"2023-05", PeriodKind::kMonth, 5, {2023, 5, 1}, {2023, 5, 31}},
      {"2024-02", PeriodKind::kMonth, 2, {2024, 2, 1}, {2024, 2, 29}},
      {"2023-02", PeriodKind::kMonth, 2, {2023, 2, 1}, {2023, 2, 28}},
      {"1900-01", PeriodKind::kMonth, 1, {1900, 1, 1}, {1900, 1, 31}},
      {"2999-12", PeriodKind::kMonth, 12, {2999, 12, 1}, {2999, 12, 31}},
  };
  for (const Case& c : cases) {
    Result<Period> r = ParsePeriod(c.text);
    ASSERT_TRUE(r) << c.text;
    const Period& period = r.value();
    EXPECT_EQ(period.kind(), c.kind) << c.text;
    EXPECT_EQ(period.index(), c.index) << c.text;
    EXPECT_EQ(period.First(), c.first) << c.text;
    EXPECT_EQ(period.Last(), c.last) << c.text;
    EXPECT_EQ(FormatPeriod(period), c.text);
  }
}

TEST(Period, ParseRejectsEverythingElse) {
  const std::string_view cases[] = {
      "",       "202",     "20231",    "1899",    "3000",       "2023H0",   "2023H3",
      "2023Q0", "2023Q5",  "2023-00",  "2023-13", "2023-5",     "2023-005", "2023h1",
      "2023q1", "2023M05", "2023 ",    " 2023",   "2023-05-01", "23Q1",     "2023Q",
      "2023H",  "2023-",   "２０２３", "2023Q12", "-2023",      "2023/05",
  };
  for (std::string_view text : cases) {
    Result<Period> r = ParsePeriod(text, "report_period");
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().details.at(0).field, "report_period");
  }
}

TEST(Period, ContainsDate) {
  struct Case {
    std::string_view period;
    Date date;
    bool inside;
  };
  const Case cases[] = {
      {"2023", {2023, 1, 1}, true},     {"2023", {2023, 12, 31}, true},
      {"2023", {2024, 1, 1}, false},    {"2023", {2022, 12, 31}, false},
      {"2023H1", {2023, 6, 30}, true},  {"2023H1", {2023, 7, 1}, false},
      {"2023Q2", {2023, 4, 1}, true},   {"2023Q2", {2023, 3, 31}, false},
      {"2023-05", {2023, 5, 31}, true}, {"2023-05", {2023, 6, 1}, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(P(c.period).Contains(c.date), c.inside) << c.period << " " << FormatDate(c.date);
  }
}

TEST(Period, ContainsPeriod) {
  struct Case {
    std::string_view outer;
    std::string_view inner;
    bool inside;
  };
  const Case cases[] = {
      {"2023", "2023", true},      {"2023", "2023H2", true},     {"2023", "2023-12", true},
      {"2023", "2024Q1", false},   {"2023H1", "2023Q2", true},   {"2023H1", "2023Q3", false},
      {"2023H2", "2023-07", true}, {"2023Q1", "2023H1", false},  {"2023-05", "2023Q2", false},
      {"2023Q2", "2023-06", true}, {"2023Q2", "2023-07", false}, {"2023-05", "2023-05", true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(P(c.outer).Contains(P(c.inner)), c.inside) << c.outer << " ⊇ " << c.inner;
  }
}

TEST(Period, EnclosingChain) {
  struct Case {
    std::string_view period;
    std::vector<std::string> chain;
  };
  const Case cases[] = {
      {"2023-05", {"2023Q2", "2023H1", "2023"}},
      {"2023-12", {"2023Q4", "2023H2", "2023"}},
      {"2023Q3", {"2023H2", "2023"}},
      {"2023H1", {"2023"}},
      {"2023", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Names(Enclosing(P(c.period))), c.chain) << c.period;
  }
}

TEST(Period, Months) {
  EXPECT_EQ(Names(P("2023Q2").Months()),
            (std::vector<std::string>{"2023-04", "2023-05", "2023-06"}));
  EXPECT_EQ(Names(P("2023-05").Months()), (std::vector<std::string>{"2023-05"}));
  EXPECT_EQ(P("2023").Months().size(), 12u);
  EXPECT_EQ(FormatPeriod(P("2023H2").Months().front()), "2023-07");
  EXPECT_EQ(FormatPeriod(P("2023H2").Months().back()), "2023-12");
}

TEST(Period, PeriodOfDate) {
  Date date{2023, 8, 15};
  EXPECT_EQ(FormatPeriod(PeriodOf(PeriodKind::kYear, date)), "2023");
  EXPECT_EQ(FormatPeriod(PeriodOf(PeriodKind::kHalf, date)), "2023H2");
  EXPECT_EQ(FormatPeriod(PeriodOf(PeriodKind::kQuarter, date)), "2023Q3");
  EXPECT_EQ(FormatPeriod(PeriodOf(PeriodKind::kMonth, date)), "2023-08");
}

TEST(Period, OrderingIsChronologicalLongestFirst) {
  std::vector<Period> periods = {P("2024"),   P("2023-02"), P("2023Q1"), P("2023-01"),
                                 P("2023H1"), P("2023"),    P("2023Q2")};
  std::sort(periods.begin(), periods.end());
  EXPECT_EQ(Names(periods), (std::vector<std::string>{"2023", "2023H1", "2023Q1", "2023-01",
                                                      "2023-02", "2023Q2", "2024"}));
  EXPECT_EQ(P("2023Q1"), Period::Quarter(2023, 1));
  EXPECT_NE(P("2023Q1"), P("2023-01"));
}

}  // namespace
}  // namespace lianyin::core
