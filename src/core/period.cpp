#include "core/period.hpp"

#include <fmt/format.h>

#include <cassert>

namespace lianyin::core {
namespace {

bool ParseDigits(std::string_view text, int& out) {
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return !text.empty();
}

int MonthsPerPeriod(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kYear:
      return 12;
    case PeriodKind::kHalf:
      return 6;
    case PeriodKind::kQuarter:
      return 3;
    case PeriodKind::kMonth:
      return 1;
  }
  return 12;
}

}  // namespace

Period Period::Year(int year) {
  assert(year >= kMinPeriodYear && year <= kMaxPeriodYear);
  return Period(PeriodKind::kYear, year, 1);
}

Period Period::Half(int year, int half) {
  assert(year >= kMinPeriodYear && year <= kMaxPeriodYear);
  assert(half >= 1 && half <= 2);
  return Period(PeriodKind::kHalf, year, half);
}

Period Period::Quarter(int year, int quarter) {
  assert(year >= kMinPeriodYear && year <= kMaxPeriodYear);
  assert(quarter >= 1 && quarter <= 4);
  return Period(PeriodKind::kQuarter, year, quarter);
}

Period Period::Month(int year, int month) {
  assert(year >= kMinPeriodYear && year <= kMaxPeriodYear);
  assert(month >= 1 && month <= 12);
  return Period(PeriodKind::kMonth, year, month);
}

int Period::MonthCount() const { return MonthsPerPeriod(kind_); }

int Period::FirstMonth() const { return (index_ - 1) * MonthCount() + 1; }

Date Period::First() const { return Date{year_, FirstMonth(), 1}; }

Date Period::Last() const {
  int last_month = FirstMonth() + MonthCount() - 1;
  return Date{year_, last_month, DaysInMonth(year_, last_month)};
}

bool Period::Contains(const Date& date) const { return First() <= date && date <= Last(); }

bool Period::Contains(const Period& other) const {
  return First() <= other.First() && other.Last() <= Last();
}

std::vector<Period> Period::Months() const {
  std::vector<Period> months;
  for (int month = FirstMonth(); month < FirstMonth() + MonthCount(); ++month) {
    months.push_back(Period::Month(year_, month));
  }
  return months;
}

std::strong_ordering operator<=>(const Period& a, const Period& b) {
  if (auto c = a.First() <=> b.First(); std::is_neq(c)) return c;
  return a.kind_ <=> b.kind_;
}

Result<Period> ParsePeriod(std::string_view text, std::string_view field) {
  Error bad =
      Error::Invalid(std::string(field), "must be a period like 2023, 2023H1, 2023Q2 or 2023-05");
  int year = 0;
  if (text.size() < 4 || !ParseDigits(text.substr(0, 4), year) || year < kMinPeriodYear ||
      year > kMaxPeriodYear) {
    return bad;
  }
  std::string_view rest = text.substr(4);
  int index = 0;
  if (rest.empty()) return Period::Year(year);
  if (rest.size() == 2 && rest[0] == 'H' && ParseDigits(rest.substr(1), index) && index >= 1 &&
      index <= 2) {
    return Period::Half(year, index);
  }
  if (rest.size() == 2 && rest[0] == 'Q' && ParseDigits(rest.substr(1), index) && index >= 1 &&
      index <= 4) {
    return Period::Quarter(year, index);
  }
  if (rest.size() == 3 && rest[0] == '-' && ParseDigits(rest.substr(1), index) && index >= 1 &&
      index <= 12) {
    return Period::Month(year, index);
  }
  return bad;
}

std::string FormatPeriod(const Period& period) {
  switch (period.kind()) {
    case PeriodKind::kYear:
      return fmt::format("{:04}", period.year());
    case PeriodKind::kHalf:
      return fmt::format("{:04}H{}", period.year(), period.index());
    case PeriodKind::kQuarter:
      return fmt::format("{:04}Q{}", period.year(), period.index());
    case PeriodKind::kMonth:
      return fmt::format("{:04}-{:02}", period.year(), period.index());
  }
  return {};
}

Period PeriodOf(PeriodKind kind, const Date& date) {
  int index = (date.month - 1) / MonthsPerPeriod(kind) + 1;
  switch (kind) {
    case PeriodKind::kYear:
      return Period::Year(date.year);
    case PeriodKind::kHalf:
      return Period::Half(date.year, index);
    case PeriodKind::kQuarter:
      return Period::Quarter(date.year, index);
    case PeriodKind::kMonth:
      return Period::Month(date.year, index);
  }
  return Period::Year(date.year);
}

std::vector<Period> Enclosing(const Period& period) {
  std::vector<Period> chain;
  for (PeriodKind kind : {PeriodKind::kQuarter, PeriodKind::kHalf, PeriodKind::kYear}) {
    if (kind < period.kind()) chain.push_back(PeriodOf(kind, period.First()));
  }
  return chain;
}

}  // namespace lianyin::core
