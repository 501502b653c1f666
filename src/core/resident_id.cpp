#include "core/resident_id.hpp"

#include <array>

namespace lianyin::core {
namespace {

constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckTable = "10X98765432";
constexpr std::size_t kLength = 18;

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int DigitsValue(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

char ResidentIdCheckCharacter(std::string_view first17) {
  if (first17.size() != kWeights.size() || !AllDigits(first17)) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheckTable[static_cast<std::size_t>(sum % 11)];
}

Result<ResidentId> ParseResidentId(std::string_view text, const Date& today,
                                   std::string_view field) {
  std::string number(text);
  if (!number.empty() && number.back() == 'x') number.back() = 'X';
  std::string_view digits = std::string_view(number).substr(0, 17);
  if (number.size() != kLength || !AllDigits(digits) ||
      !(AllDigits(number.substr(17)) || number.back() == 'X')) {
    return Error::Invalid(std::string(field), "ID number must be 17 digits and a digit or X");
  }
  Date birth{DigitsValue(digits.substr(6, 4)), DigitsValue(digits.substr(10, 2)),
             DigitsValue(digits.substr(12, 2))};
  if (!IsValidDate(birth) || birth.year < 1900 || today < birth) {
    return Error::Invalid(std::string(field), "ID number has an invalid birth date");
  }
  if (ResidentIdCheckCharacter(digits) != number.back()) {
    return Error::Invalid(std::string(field), "ID number check character is wrong");
  }
  Sex sex = (digits[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale;
  return ResidentId(std::move(number), birth, sex);
}

Result<ResidentId> ParseResidentId(std::string_view text, std::string_view field) {
  return ParseResidentId(text, LocalDate(Now()), field);
}

}  // namespace lianyin::core
