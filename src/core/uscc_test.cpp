#include "core/uscc.hpp"

#include <gtest/gtest.h>

namespace lianyin::core {
namespace {

// Codes published on public registration pages (civil affairs and company registers).
constexpr std::string_view kFoundationMca = "53100000500019795A";   // foundation, 民政部
constexpr std::string_view kShanghaiGroup = "51310110501144395U";   // social group, 杨浦区
constexpr std::string_view kTencentSystems = "91440300708461136T";  // 深圳市腾讯计算机系统
constexpr std::string_view kTencentTech = "9144030071526726XG";     // 腾讯科技(深圳)
constexpr std::string_view kAlibabaChina = "91330100799655058B";    // 阿里巴巴(中国)
constexpr std::string_view kHuawei = "914403001922038216";          // 华为技术
// Constructed here with the GB 32100 check character (no real code of these kinds at hand).
constexpr std::string_view kServiceOrg = "52440300MJL016788T";
constexpr std::string_view kOtherOrg = "59110000MJ00123458";
constexpr std::string_view kUnionUnit = "81440300MC1234567E";

TEST(Uscc, AcceptsPublishedCodes) {
  for (std::string_view code : {kFoundationMca, kShanghaiGroup, kTencentSystems, kTencentTech,
                                kAlibabaChina, kHuawei, kServiceOrg, kOtherOrg, kUnionUnit}) {
    Result<Uscc> r = ParseUscc(code);
    ASSERT_TRUE(r) << code << ": " << r.error().details.at(0).message;
    EXPECT_EQ(r.value().code(), code);
  }
}

TEST(Uscc, CheckCharacterOfFirst17) {
  struct Case {
    std::string_view first17;
    std::optional<char> check;
  };
  const Case cases[] = {
      {"53100000500019795", 'A'},          {"91440300708461136", 'T'},
      {"91440300192203821", '6'},          {"9144030071526726X", 'G'},
      {"9144030071526726", std::nullopt},  {"914403007152672600", std::nullopt},
      {"9144030071526726I", std::nullopt}, {"9144030071526726x", std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(UsccCheckCharacter(c.first17), c.check) << c.first17;
  }
}

TEST(Uscc, AccessorsSplitThePositions) {
  Uscc uscc = ParseUscc(kShanghaiGroup).value();
  EXPECT_EQ(uscc.authority(), '5');
  EXPECT_EQ(uscc.type_code(), "51");
  EXPECT_EQ(uscc.region_code(), "310110");
  EXPECT_EQ(uscc.organisation_code(), "501144395");
  EXPECT_EQ(uscc.check_character(), 'U');
}

TEST(Uscc, LowerCaseIsUpperCased) {
  Result<Uscc> r = ParseUscc("9144030071526726xg");
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().code(), kTencentTech);
}

TEST(Uscc, RejectsMalformedCodes) {
  struct Case {
    std::string_view text;
    std::string_view message_part;
  };
  const Case cases[] = {
      {"", "18 characters"},
      {"9144030071526726X", "18 characters"},
      {"9144030071526726XGG", "18 characters"},
      {" 9144030071526726XG", "18 characters"},
      {"53100000500019795B", "check character"},
      {"51310110501144396U", "check character"},
      {"91440300708461136A", "check character"},
      {"9144030071526726IG", "letters"},
      {"9144030071526726OG", "letters"},
      {"9144030071526726ZG", "letters"},
      {"9144030071526726SG", "letters"},
      {"9144030071526726VG", "letters"},
      {"914403007152672-XG", "letters"},
      {"91440300708461136\xc3", "letters"},
  };
  for (const Case& c : cases) {
    Result<Uscc> r = ParseUscc(c.text, "org_uscc");
    ASSERT_FALSE(r) << c.text;
    FieldError detail = r.error().details.at(0);
    EXPECT_EQ(detail.field, "org_uscc");
    EXPECT_NE(detail.message.find(c.message_part), std::string::npos) << detail.message;
  }
}

TEST(Uscc, OrgTypeNamesAndCodes) {
  struct Case {
    OrgType type;
    std::string_view name;
    std::string_view code;
  };
  const Case cases[] = {
      {OrgType::kSocialGroup, "social_group", "51"},
      {OrgType::kSocialService, "social_service", "52"},
      {OrgType::kFoundation, "foundation", "53"},
      {OrgType::kOther, "other", "59"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(OrgTypeName(c.type), c.name);
    EXPECT_EQ(OrgTypeUsccCode(c.type), c.code);
    EXPECT_EQ(ParseOrgType(c.name).value(), c.type);
  }
  for (std::string_view bad : {"", "Social_Group", "union", "51"}) {
    Result<OrgType> r = ParseOrgType(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().details.at(0).field, "org_type");
  }
}

TEST(Uscc, ValidateOrgUscc) {
  struct Case {
    std::string_view text;
    OrgType type;
    std::string_view message_part;  // empty when valid
  };
  const Case cases[] = {
      {kShanghaiGroup, OrgType::kSocialGroup, ""},
      {kServiceOrg, OrgType::kSocialService, ""},
      {kFoundationMca, OrgType::kFoundation, ""},
      {kOtherOrg, OrgType::kOther, ""},
      {"53100000500019795a", OrgType::kFoundation, ""},
      {kFoundationMca, OrgType::kSocialGroup, "type"},
      {kShanghaiGroup, OrgType::kFoundation, "type"},
      {kTencentSystems, OrgType::kSocialGroup, "civil affairs"},
      {kUnionUnit, OrgType::kSocialGroup, "civil affairs"},
      {"53100000500019795B", OrgType::kFoundation, "check character"},
      {"5310000050001979", OrgType::kFoundation, "18 characters"},
  };
  for (const Case& c : cases) {
    Result<Uscc> r = ValidateOrgUscc(c.text, c.type);
    if (c.message_part.empty()) {
      EXPECT_TRUE(r) << c.text;
      continue;
    }
    ASSERT_FALSE(r) << c.text;
    FieldError detail = r.error().details.at(0);
    EXPECT_EQ(detail.field, "uscc");
    EXPECT_NE(detail.message.find(c.message_part), std::string::npos) << detail.message;
  }
}

TEST(Uscc, ValidateUnionUnitUscc) {
  EXPECT_TRUE(ValidateUnionUnitUscc(kUnionUnit));
  EXPECT_TRUE(ValidateUnionUnitUscc("81110105mc0012345y"));
  for (std::string_view bad : {kShanghaiGroup, kHuawei, std::string_view("81440300MC1234567F")}) {
    Result<Uscc> r = ValidateUnionUnitUscc(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().details.at(0).field, "uscc");
  }
}

}  // namespace
}  // namespace lianyin::core
