#include "domain/org/org_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::org {
namespace {

const core::Date kToday{2026, 11, 29};

NewOrg Valid() {
  NewOrg o;
  o.name = "西安市职工服务社会组织发展中心";
  o.uscc = "52610100mj0000001w";  // lower case is accepted and upper-cased
  o.org_type = "social_service";
  o.region_code = "610100";
  o.registration_unit_id = 7;
  o.legal_rep = "王伟";
  o.phone = "029-88886666";
  o.founded_on = "2015-06-01";
  o.business_scope = "职工技能培训、心理咨询";
  o.service_categories = {"skills", "health", "skills"};
  o.labour_field = true;
  return o;
}

std::vector<std::string> Fields(const core::Error& e) {
  std::vector<std::string> out;
  for (const auto& d : e.details) out.push_back(d.field);
  return out;
}

TEST(OrgRules, ValidInputIsNormalised) {
  auto o = NormaliseNewOrg(Valid(), kToday);
  ASSERT_TRUE(o) << o.error().message;
  EXPECT_EQ(o->uscc, "52610100MJ0000001W");
  EXPECT_EQ(o->service_categories, (std::vector<std::string>{"health", "skills"}));
}

TEST(OrgRules, EachBadFieldIsNamed) {
  struct Case {
    const char* why;
    void (*mutate)(NewOrg&);
    const char* field;
  };
  const Case cases[] = {
      {"check character", [](NewOrg& o) { o.uscc = "52610100MJ0000001X"; }, "uscc"},
      {"authority 8", [](NewOrg& o) { o.uscc = "81610100MJ00000010"; }, "uscc"},
      {"type mismatch", [](NewOrg& o) { o.org_type = "foundation"; }, "uscc"},
      {"unknown type", [](NewOrg& o) { o.org_type = "company"; }, "org_type"},
      {"short name", [](NewOrg& o) { o.name = "会"; }, "name"},
      {"region", [](NewOrg& o) { o.region_code = "61010"; }, "region_code"},
      {"phone", [](NewOrg& o) { o.phone = "12345"; }, "phone"},
      {"future founding", [](NewOrg& o) { o.founded_on = "2027-01-01"; }, "founded_on"},
      {"bad date", [](NewOrg& o) { o.founded_on = "2015-02-30"; }, "founded_on"},
      {"category", [](NewOrg& o) { o.service_categories = {"golf"}; }, "service_categories"},
      {"status", [](NewOrg& o) { o.status = "abnormal"; }, "status"},
      {"legal rep", [](NewOrg& o) { o.legal_rep = ""; }, "legal_rep"},
  };
  for (const Case& c : cases) {
    NewOrg o = Valid();
    c.mutate(o);
    auto r = NormaliseNewOrg(o, kToday);
    ASSERT_FALSE(r) << c.why;
    EXPECT_EQ(r.error().code, core::ErrorCode::kValidationFailed) << c.why;
    EXPECT_EQ(Fields(r.error()), std::vector<std::string>{c.field}) << c.why;
  }
}

TEST(OrgRules, StatusMachine) {
  using S = OrgStatus;
  EXPECT_TRUE(TransitionAllowed(S::kApplying, S::kRegistered));
  EXPECT_TRUE(TransitionAllowed(S::kApplying, S::kRejected));
  EXPECT_TRUE(TransitionAllowed(S::kRegistered, S::kAbnormal));
  EXPECT_TRUE(TransitionAllowed(S::kAbnormal, S::kRegistered));
  EXPECT_TRUE(TransitionAllowed(S::kAbnormal, S::kDeregistering));
  EXPECT_TRUE(TransitionAllowed(S::kDeregistering, S::kDeregistered));
  EXPECT_FALSE(TransitionAllowed(S::kRegistered, S::kDeregistered));
  EXPECT_FALSE(TransitionAllowed(S::kApplying, S::kAbnormal));
  EXPECT_FALSE(TransitionAllowed(S::kDeregistered, S::kRegistered));
  EXPECT_FALSE(TransitionAllowed(S::kRejected, S::kRegistered));
  EXPECT_FALSE(TransitionAllowed(S::kRegistered, S::kRegistered));
}

}  // namespace
}  // namespace lianyin::domain::org
