#include "core/uscc.hpp"

#include <array>

namespace lianyin::core {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8,  24, 10, 30, 28};
constexpr std::size_t kLength = 18;

struct OrgTypeInfo {
  OrgType type;
  std::string_view name;
  std::string_view uscc_code;
};

constexpr std::array<OrgTypeInfo, 4> kOrgTypes = {{
    {OrgType::kSocialGroup, "social_group", "51"},
    {OrgType::kSocialService, "social_service", "52"},
    {OrgType::kFoundation, "foundation", "53"},
    {OrgType::kOther, "other", "59"},
}};

const OrgTypeInfo& InfoOf(OrgType type) {
  for (const OrgTypeInfo& info : kOrgTypes) {
    if (info.type == type) return info;
  }
  return kOrgTypes.back();
}

std::string UpperAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

std::optional<char> UsccCheckCharacter(std::string_view first17) {
  if (first17.size() != kWeights.size()) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) {
    std::size_t value = kAlphabet.find(first17[i]);
    if (value == std::string_view::npos) return std::nullopt;
    sum += static_cast<int>(value) * kWeights[i];
  }
  return kAlphabet[(31 - sum % 31) % 31];
}

Result<Uscc> ParseUscc(std::string_view text, std::string_view field) {
  std::string code = UpperAscii(text);
  if (code.size() != kLength) {
    return Error::Invalid(std::string(field), "credit code must be 18 characters");
  }
  if (code.find_first_not_of(kAlphabet) != std::string::npos) {
    return Error::Invalid(std::string(field),
                          "credit code may use only digits and letters other than I, O, S, V, Z");
  }
  if (UsccCheckCharacter(std::string_view(code).substr(0, 17)) != code[17]) {
    return Error::Invalid(std::string(field), "credit code check character is wrong");
  }
  return Uscc(std::move(code));
}

Result<OrgType> ParseOrgType(std::string_view name, std::string_view field) {
  for (const OrgTypeInfo& info : kOrgTypes) {
    if (info.name == name) return info.type;
  }
  return Error::Invalid(std::string(field),
                        "must be social_group, social_service, foundation or other");
}

std::string_view OrgTypeName(OrgType type) { return InfoOf(type).name; }

std::string_view OrgTypeUsccCode(OrgType type) { return InfoOf(type).uscc_code; }

Result<Uscc> ValidateOrgUscc(std::string_view text, OrgType type) {
  Result<Uscc> uscc = ParseUscc(text, "uscc");
  if (!uscc) return uscc;
  if (uscc.value().authority() != '5') {
    return Error::Invalid("uscc", "credit code must be issued by civil affairs (start with 5)");
  }
  if (uscc.value().type_code() != OrgTypeUsccCode(type)) {
    return Error::Invalid("uscc", "credit code type does not match the organisation type");
  }
  return uscc;
}

Result<Uscc> ValidateUnionUnitUscc(std::string_view text) {
  Result<Uscc> uscc = ParseUscc(text, "uscc");
  if (!uscc) return uscc;
  if (uscc.value().type_code() != "81") {
    return Error::Invalid("uscc", "a grassroots union's credit code must start with 81");
  }
  return uscc;
}

}  // namespace lianyin::core
