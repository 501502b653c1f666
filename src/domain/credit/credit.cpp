#include "domain/credit/credit.hpp"

namespace lianyin::domain::credit {
namespace {

template <class Enum, std::size_t N>
std::optional<Enum> Parse(const std::string_view (&names)[N], std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

// In enum order.
constexpr std::string_view kListNames[] = {"abnormal", "dishonest"};
constexpr std::string_view kStatusNames[] = {"open", "accepted", "rejected"};

}  // namespace

std::string_view CreditListName(CreditList list) { return kListNames[static_cast<int>(list)]; }

std::optional<CreditList> ParseCreditList(std::string_view name) {
  return Parse<CreditList>(kListNames, name);
}

const std::vector<std::string>& CreditListNames() {
  static const std::vector<std::string> names(std::begin(kListNames), std::end(kListNames));
  return names;
}

std::string_view ObjectionStatusName(ObjectionStatus status) {
  return kStatusNames[static_cast<int>(status)];
}

std::optional<ObjectionStatus> ParseObjectionStatus(std::string_view name) {
  return Parse<ObjectionStatus>(kStatusNames, name);
}

const std::vector<std::string>& ObjectionStatusNames() {
  static const std::vector<std::string> names(std::begin(kStatusNames), std::end(kStatusNames));
  return names;
}

}  // namespace lianyin::domain::credit
