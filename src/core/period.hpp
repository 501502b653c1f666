#pragma once
// Reporting periods (SPEC §2): "2023", "2023H1", "2023H2", "2023Q1".."2023Q4", "2023-05".
// Periods are ranges of Asia/Shanghai calendar dates; use LocalDate() to place an instant.

#include <compare>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace lianyin::core {

// Ordered from the longest span to the shortest.
enum class PeriodKind { kYear, kHalf, kQuarter, kMonth };

inline constexpr int kMinPeriodYear = 1900;
inline constexpr int kMaxPeriodYear = 2999;

// A valid period: year in [kMinPeriodYear, kMaxPeriodYear]; index 1 for a year, 1-2 for a half,
// 1-4 for a quarter, 1-12 for a month. Build one with ParsePeriod or the factories below.
class Period {
 public:
  // Preconditions (asserted): year within the range above, index within the kind's range.
  static Period Year(int year);
  static Period Half(int year, int half);
  static Period Quarter(int year, int quarter);
  static Period Month(int year, int month);

  PeriodKind kind() const { return kind_; }
  int year() const { return year_; }
  int index() const { return index_; }

  Date First() const;
  Date Last() const;
  bool Contains(const Date& date) const;
  // True when `other` lies wholly inside this period (a period contains itself).
  bool Contains(const Period& other) const;
  // The months of this period in order (one for a month, twelve for a year).
  std::vector<Period> Months() const;

  // Chronological by first day; a longer period sorts before the shorter ones it starts with
  // (2023 < 2023H1 < 2023Q1 < 2023-01 < 2023-02).
  friend std::strong_ordering operator<=>(const Period& a, const Period& b);
  friend bool operator==(const Period&, const Period&) = default;

 private:
  Period(PeriodKind kind, int year, int index) : kind_(kind), year_(year), index_(index) {}
  int FirstMonth() const;
  int MonthCount() const;

  PeriodKind kind_;
  int year_;
  int index_;
};

// Accepts exactly the SPEC forms above, otherwise Error::Invalid(field, ...).
Result<Period> ParsePeriod(std::string_view text, std::string_view field = "period");
// The SPEC form; ParsePeriod(FormatPeriod(p)) == p.
std::string FormatPeriod(const Period& period);
// The periods strictly enclosing `period`, shortest first: a month gives its quarter, half and
// year; a quarter its half and year; a half its year; a year nothing.
std::vector<Period> Enclosing(const Period& period);
// The month, quarter, half or year period (by `kind`) that contains `date`.
// Precondition: date.year within the period year range.
Period PeriodOf(PeriodKind kind, const Date& date);

}  // namespace lianyin::core
