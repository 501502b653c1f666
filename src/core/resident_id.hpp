#pragma once
// 公民身份号码 (resident identity card number, GB 11643-1999), 18-character form only.

#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"

namespace lianyin::core {

enum class Sex { kMale, kFemale };

// A checked number: 17 digits and a check character ('0'-'9' or upper-case 'X').
class ResidentId {
 public:
  const std::string& number() const { return number_; }
  // Positions 1-6, the region of first registration (not checked against a table).
  std::string_view region_code() const { return std::string_view(number_).substr(0, 6); }
  const Date& birth_date() const { return birth_date_; }
  // From position 17: odd for men, even for women.
  Sex sex() const { return sex_; }

  friend bool operator==(const ResidentId&, const ResidentId&) = default;

 private:
  friend Result<ResidentId> ParseResidentId(std::string_view, const Date&, std::string_view);
  ResidentId(std::string number, Date birth_date, Sex sex)
      : number_(std::move(number)), birth_date_(birth_date), sex_(sex) {}

  std::string number_;
  Date birth_date_;
  Sex sex_;
};

// The check character for 17 digits, or '\0' when `first17` is not 17 ASCII digits.
char ResidentIdCheckCharacter(std::string_view first17);

// Accepts 18 characters: 17 digits and a check character ('x' is upper-cased); the birth date
// (positions 7-14) must be a real date from 1900-01-01 up to `today`; the mod-11 check must hold.
// Errors: Error::Invalid(field, ...) naming the first problem found.
Result<ResidentId> ParseResidentId(std::string_view text, const Date& today,
                                   std::string_view field = "id_number");
// As above with today's Asia/Shanghai date.
Result<ResidentId> ParseResidentId(std::string_view text, std::string_view field = "id_number");

}  // namespace lianyin::core
