#pragma once
// 统一社会信用代码 (unified social credit code, GB 32100-2015) as SPEC §2 describes it.

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace lianyin::core {

// A well-formed code: 18 upper-case characters of the GB 32100 alphabet with a correct check
// character. Positions 3-8 are a region code that is deliberately not checked against a table.
class Uscc {
 public:
  const std::string& code() const { return code_; }
  // Position 1, the registration authority ('5' civil affairs, '8' trade unions, '9' industry...).
  char authority() const { return code_[0]; }
  // Positions 1-2, e.g. "51" for a social group registered with civil affairs.
  std::string_view type_code() const { return std::string_view(code_).substr(0, 2); }
  // Positions 3-8.
  std::string_view region_code() const { return std::string_view(code_).substr(2, 6); }
  // Positions 9-17 (the former organisation code).
  std::string_view organisation_code() const { return std::string_view(code_).substr(8, 9); }
  char check_character() const { return code_[17]; }

  friend bool operator==(const Uscc&, const Uscc&) = default;

 private:
  friend Result<Uscc> ParseUscc(std::string_view text, std::string_view field);
  explicit Uscc(std::string code) : code_(std::move(code)) {}

  std::string code_;
};

// The check character for the first 17 characters of a code, or nullopt when `first17` is not
// 17 characters of the alphabet "0123456789ABCDEFGHJKLMNPQRTUWXY" (upper case only).
std::optional<char> UsccCheckCharacter(std::string_view first17);

// Upper-cases ASCII letters, then checks length, alphabet and check character.
// Errors: Error::Invalid(field, ...) naming the first problem found.
Result<Uscc> ParseUscc(std::string_view text, std::string_view field = "uscc");

// An organisation's legal form, registered with civil affairs (authority '5').
enum class OrgType {
  kSocialGroup,    // 社会团体, "51"
  kSocialService,  // 民办非企业单位/社会服务机构, "52"
  kFoundation,     // 基金会, "53"
  kOther,          // 其他, "59"
};

// From the wire name "social_group" | "social_service" | "foundation" | "other";
// otherwise Error::Invalid(field, ...).
Result<OrgType> ParseOrgType(std::string_view name, std::string_view field = "org_type");
// The wire name, e.g. "social_group".
std::string_view OrgTypeName(OrgType type);
// The USCC type code, e.g. "51".
std::string_view OrgTypeUsccCode(OrgType type);

// An organisation's code: valid, authority '5', and type digits matching `type`.
// Errors: Error::Invalid("uscc", ...).
Result<Uscc> ValidateOrgUscc(std::string_view text, OrgType type);
// A grassroots union unit's code: valid and starting "81". Errors: Error::Invalid("uscc", ...).
Result<Uscc> ValidateUnionUnitUscc(std::string_view text);

}  // namespace lianyin::core
