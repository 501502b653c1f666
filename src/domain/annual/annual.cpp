#include "domain/annual/annual.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace lianyin::domain::annual {
namespace {

constexpr std::array<std::pair<ReportStatus, std::string_view>, 3> kStatuses{{
    {ReportStatus::kSubmitted, "submitted"},
    {ReportStatus::kReturned, "returned"},
    {ReportStatus::kReviewed, "reviewed"},
}};

constexpr std::array<std::pair<ReportResult, std::string_view>, 3> kResults{{
    {ReportResult::kPass, "pass"},
    {ReportResult::kBasicPass, "basic_pass"},
    {ReportResult::kFail, "fail"},
}};

template <class E, std::size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return {};
}

template <class E, std::size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

template <class E, std::size_t N>
std::vector<std::string> Names(const std::array<std::pair<E, std::string_view>, N>& table) {
  std::vector<std::string> out;
  for (const auto& entry : table) out.emplace_back(entry.second);
  return out;
}

}  // namespace

std::string_view ReportStatusName(ReportStatus status) { return NameOf(kStatuses, status); }
std::optional<ReportStatus> ParseReportStatus(std::string_view name) {
  return Parse(kStatuses, name);
}
const std::vector<std::string>& ReportStatusNames() {
  static const std::vector<std::string> names = Names(kStatuses);
  return names;
}

std::string_view ReportResultName(ReportResult result) { return NameOf(kResults, result); }
std::optional<ReportResult> ParseReportResult(std::string_view name) {
  return Parse(kResults, name);
}
const std::vector<std::string>& ReportResultNames() {
  static const std::vector<std::string> names = Names(kResults);
  return names;
}

const std::vector<std::string>& PenaltyKinds() {
  static const std::vector<std::string> kinds = {"warning", "fine", "confiscation", "suspension",
                                                 "revocation"};
  return kinds;
}

bool IsPenaltyKind(std::string_view code) {
  const auto& kinds = PenaltyKinds();
  return std::find(kinds.begin(), kinds.end(), code) != kinds.end();
}

}  // namespace lianyin::domain::annual
