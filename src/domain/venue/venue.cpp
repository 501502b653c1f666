#include "domain/venue/venue.hpp"

#include <array>

namespace lianyin::domain::venue {
namespace {

constexpr std::array<std::string_view, 2> kVenueStatuses = {"active", "closed"};
constexpr std::array<std::string_view, 4> kBookingStatuses = {"pending", "approved", "rejected",
                                                              "cancelled"};

template <class E, std::size_t N>
std::optional<E> Parse(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view StatusName(VenueStatus status) {
  return kVenueStatuses[static_cast<std::size_t>(status)];
}

std::optional<VenueStatus> ParseVenueStatus(std::string_view name) {
  return Parse<VenueStatus>(kVenueStatuses, name);
}

const std::vector<std::string>& VenueStatusNames() {
  static const std::vector<std::string> names(kVenueStatuses.begin(), kVenueStatuses.end());
  return names;
}

std::string_view StatusName(BookingStatus status) {
  return kBookingStatuses[static_cast<std::size_t>(status)];
}

std::optional<BookingStatus> ParseBookingStatus(std::string_view name) {
  return Parse<BookingStatus>(kBookingStatuses, name);
}

const std::vector<std::string>& BookingStatusNames() {
  static const std::vector<std::string> names(kBookingStatuses.begin(), kBookingStatuses.end());
  return names;
}

bool HoldsSlot(BookingStatus status) {
  return status == BookingStatus::kPending || status == BookingStatus::kApproved;
}

}  // namespace lianyin::domain::venue
