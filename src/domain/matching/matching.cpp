#include "domain/matching/matching.hpp"

#include <array>

namespace lianyin::domain::matching {
namespace {

constexpr std::array<std::string_view, 5> kListingStatuses = {"open", "partly_matched", "matched",
                                                              "closed", "withdrawn"};
constexpr std::array<std::string_view, 7> kMatchStatuses = {
    "proposed", "accepted", "rejected", "in_service", "done", "rated", "withdrawn"};

template <class E, std::size_t N>
std::optional<E> Parse(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view StatusName(ListingStatus status) {
  return kListingStatuses[static_cast<std::size_t>(status)];
}

std::optional<ListingStatus> ParseListingStatus(std::string_view name) {
  return Parse<ListingStatus>(kListingStatuses, name);
}

const std::vector<std::string>& ListingStatusNames() {
  static const std::vector<std::string> names(kListingStatuses.begin(), kListingStatuses.end());
  return names;
}

std::string_view StatusName(MatchStatus status) {
  return kMatchStatuses[static_cast<std::size_t>(status)];
}

std::optional<MatchStatus> ParseMatchStatus(std::string_view name) {
  return Parse<MatchStatus>(kMatchStatuses, name);
}

const std::vector<std::string>& MatchStatusNames() {
  static const std::vector<std::string> names(kMatchStatuses.begin(), kMatchStatuses.end());
  return names;
}

bool Reserves(MatchStatus status) {
  return status == MatchStatus::kAccepted || status == MatchStatus::kInService ||
         status == MatchStatus::kDone || status == MatchStatus::kRated;
}

const std::vector<std::string>& UnmatchedReasonNames() {
  static const std::vector<std::string> names = {"no_compatible_resource", "window",
                                                 "capacity_exhausted"};
  return names;
}

}  // namespace lianyin::domain::matching
