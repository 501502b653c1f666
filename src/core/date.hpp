#pragma once
// Civil dates and instants. SPEC §2: the time zone is Asia/Shanghai (+08:00, no DST); a date-time
// without an offset means +08:00 and every date-time we emit is written in +08:00.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace lianyin::core {

// A proleptic Gregorian calendar date. Plain value: it may hold an invalid date until checked
// with IsValidDate; every function here that returns a Date returns a valid one.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  friend auto operator<=>(const Date&, const Date&) = default;  // NOLINT(modernize-use-nullptr)
};

bool IsLeapYear(int year);
// Days in `month` (1-12) of `year`; 0 for a month outside 1-12.
int DaysInMonth(int year, int month);
// True for years 1-9999 with a month and day that exist (29 February only in leap years).
bool IsValidDate(const Date& date);

// Strict ISO 8601 calendar date "YYYY-MM-DD" (exactly 10 characters, a real date, year ≥ 1).
// Otherwise Error::Invalid(field, "must be a date like 2023-04-01").
Result<Date> ParseDate(std::string_view text, std::string_view field = "date");
// "2023-04-01" (year zero-padded to four digits).
std::string FormatDate(const Date& date);

// Days since 1970-01-01 (negative before it), Howard Hinnant's days_from_civil.
std::int64_t DaysFromCivil(const Date& date);
// Inverse of DaysFromCivil for any day count whose year fits in int.
Date CivilFromDays(std::int64_t days);
// `date` moved by `days` (may be negative), across months and years.
Date AddDays(const Date& date, std::int64_t days);

// Asia/Shanghai's fixed offset from UTC.
inline constexpr std::int64_t kShanghaiOffsetSeconds = std::int64_t{8} * 3600;

// An instant, as whole seconds since 1970-01-01T00:00:00Z. Sub-second parts are dropped.
struct DateTime {
  std::int64_t unix_seconds = 0;

  friend auto operator<=>(const DateTime&, const DateTime&) = default;
};

// "YYYY-MM-DDTHH:MM:SS" with optional fractional seconds ".123" (1-9 digits, truncated) and an
// optional offset "Z" or "±HH:MM"; without an offset the time is read as +08:00.
// Otherwise Error::Invalid(field, "must be a date-time like 2023-04-01T09:00:00+08:00").
Result<DateTime> ParseDateTime(std::string_view text, std::string_view field = "datetime");
// Always in +08:00: "2023-04-01T09:00:00+08:00".
std::string FormatDateTime(DateTime instant);
// The Asia/Shanghai calendar date of `instant`.
Date LocalDate(DateTime instant);
// 00:00:00 +08:00 on `date`.
DateTime StartOfDay(const Date& date);
// The current instant from the system clock.
DateTime Now();

}  // namespace lianyin::core
