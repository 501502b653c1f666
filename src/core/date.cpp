#include "core/date.hpp"

#include <fmt/format.h>

#include <chrono>

namespace lianyin::core {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Reads exactly text.size() decimal digits; false on any other character.
bool ParseDigits(std::string_view text, int& out) {
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return !text.empty();
}

// Floor division, so instants before 1970 land on the right day.
std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

Error BadDateTime(std::string_view field) {
  return Error::Invalid(std::string(field), "must be a date-time like 2023-04-01T09:00:00+08:00");
}

// Parses "HH:MM:SS" into seconds of the day.
bool ParseClock(std::string_view text, std::int64_t& seconds) {
  int hour = 0, minute = 0, second = 0;
  if (text.size() != 8 || text[2] != ':' || text[5] != ':') return false;
  if (!ParseDigits(text.substr(0, 2), hour) || !ParseDigits(text.substr(3, 2), minute) ||
      !ParseDigits(text.substr(6, 2), second)) {
    return false;
  }
  if (hour > 23 || minute > 59 || second > 59) return false;
  seconds = hour * 3600 + minute * 60 + second;
  return true;
}

// Parses the tail after the seconds: optional ".fraction", then "", "Z" or "±HH:MM".
bool ParseFractionAndOffset(std::string_view tail, std::int64_t& offset_seconds) {
  if (!tail.empty() && tail.front() == '.') {
    std::size_t digits = 1;
    while (digits < tail.size() && tail[digits] >= '0' && tail[digits] <= '9') ++digits;
    if (digits == 1 || digits > 10) return false;
    tail.remove_prefix(digits);
  }
  offset_seconds = kShanghaiOffsetSeconds;
  if (tail.empty()) return true;
  if (tail == "Z") {
    offset_seconds = 0;
    return true;
  }
  int hours = 0, minutes = 0;
  if (tail.size() != 6 || (tail[0] != '+' && tail[0] != '-') || tail[3] != ':') return false;
  if (!ParseDigits(tail.substr(1, 2), hours) || !ParseDigits(tail.substr(4, 2), minutes)) {
    return false;
  }
  if (hours > 23 || minutes > 59) return false;
  offset_seconds = std::int64_t{hours * 3600 + minutes * 60} * (tail[0] == '-' ? -1 : 1);
  return true;
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidDate(const Date& date) {
  return date.year >= 1 && date.year <= 9999 && date.day >= 1 &&
         date.day <= DaysInMonth(date.year, date.month);
}

Result<Date> ParseDate(std::string_view text, std::string_view field) {
  Date date;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !ParseDigits(text.substr(0, 4), date.year) || !ParseDigits(text.substr(5, 2), date.month) ||
      !ParseDigits(text.substr(8, 2), date.day) || !IsValidDate(date)) {
    return Error::Invalid(std::string(field), "must be a date like 2023-04-01");
  }
  return date;
}

std::string FormatDate(const Date& date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::int64_t DaysFromCivil(const Date& date) {
  std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t year_of_era = y - era * 400;
  std::int64_t month = date.month;
  std::int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + date.day - 1;
  std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Date CivilFromDays(std::int64_t days) {
  days += 719468;
  std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  std::int64_t day_of_era = days - era * 146097;
  std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  std::int64_t shifted_month = (5 * day_of_year + 2) / 153;
  int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

Date AddDays(const Date& date, std::int64_t days) {
  return CivilFromDays(DaysFromCivil(date) + days);
}

Result<DateTime> ParseDateTime(std::string_view text, std::string_view field) {
  if (text.size() < 19 || text[10] != 'T') return BadDateTime(field);
  Result<Date> date = ParseDate(text.substr(0, 10), field);
  std::int64_t clock_seconds = 0;
  std::int64_t offset_seconds = 0;
  if (!date || !ParseClock(text.substr(11, 8), clock_seconds) ||
      !ParseFractionAndOffset(text.substr(19), offset_seconds)) {
    return BadDateTime(field);
  }
  return DateTime{DaysFromCivil(*date) * kSecondsPerDay + clock_seconds - offset_seconds};
}

std::string FormatDateTime(DateTime instant) {
  std::int64_t local = instant.unix_seconds + kShanghaiOffsetSeconds;
  std::int64_t days = FloorDiv(local, kSecondsPerDay);
  std::int64_t seconds = local - days * kSecondsPerDay;
  return fmt::format("{}T{:02}:{:02}:{:02}+08:00", FormatDate(CivilFromDays(days)), seconds / 3600,
                     seconds / 60 % 60, seconds % 60);
}

Date LocalDate(DateTime instant) {
  return CivilFromDays(FloorDiv(instant.unix_seconds + kShanghaiOffsetSeconds, kSecondsPerDay));
}

DateTime StartOfDay(const Date& date) {
  return DateTime{DaysFromCivil(date) * kSecondsPerDay - kShanghaiOffsetSeconds};
}

DateTime Now() {
  auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return DateTime{std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count()};
}

}  // namespace lianyin::core
