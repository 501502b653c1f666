#include "domain/event/event.hpp"

#include <array>

namespace lianyin::domain::event {
namespace {

constexpr std::array<std::string_view, 4> kEventStatuses = {"draft", "published", "cancelled",
                                                            "ended"};
constexpr std::array<std::string_view, 2> kSignupStatuses = {"confirmed", "waitlisted"};
constexpr std::array<std::string_view, 3> kCheckinMethods = {"token", "code", "officer"};

template <class E, std::size_t N>
std::optional<E> Parse(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <std::size_t N>
std::vector<std::string> Names(const std::array<std::string_view, N>& names) {
  return std::vector<std::string>(names.begin(), names.end());
}

}  // namespace

std::string_view StatusName(EventStatus status) {
  return kEventStatuses[static_cast<std::size_t>(status)];
}
std::optional<EventStatus> ParseEventStatus(std::string_view name) {
  return Parse<EventStatus>(kEventStatuses, name);
}
const std::vector<std::string>& EventStatusNames() {
  static const std::vector<std::string> names = Names(kEventStatuses);
  return names;
}

std::string_view StatusName(SignupStatus status) {
  return kSignupStatuses[static_cast<std::size_t>(status)];
}
std::optional<SignupStatus> ParseSignupStatus(std::string_view name) {
  return Parse<SignupStatus>(kSignupStatuses, name);
}
const std::vector<std::string>& SignupStatusNames() {
  static const std::vector<std::string> names = Names(kSignupStatuses);
  return names;
}

std::string_view MethodName(CheckinMethod method) {
  return kCheckinMethods[static_cast<std::size_t>(method)];
}
std::optional<CheckinMethod> ParseCheckinMethod(std::string_view name) {
  return Parse<CheckinMethod>(kCheckinMethods, name);
}
const std::vector<std::string>& CheckinMethodNames() {
  static const std::vector<std::string> names = Names(kCheckinMethods);
  return names;
}

}  // namespace lianyin::domain::event
