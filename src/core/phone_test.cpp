#include "core/phone.hpp"

#include <gtest/gtest.h>

namespace lianyin::core {
namespace {

TEST(Phone, NormaliseMobileAcceptsCommonSpellings) {
  struct Case {
    std::string_view text;
    std::string_view digits;
  };
  const Case cases[] = {
      {"13912345678", "13912345678"},       {"139 1234 5678", "13912345678"},
      {"139-1234-5678", "13912345678"},     {"+8613912345678", "13912345678"},
      {"+86 139 1234 5678", "13912345678"}, {"8613912345678", "13912345678"},
      {"86-139-1234-5678", "13912345678"},  {"19912345678", "19912345678"},
      {"16612345678", "16612345678"},
  };
  for (const Case& c : cases) {
    Result<std::string> r = NormaliseMobile(c.text);
    ASSERT_TRUE(r) << c.text;
    EXPECT_EQ(r.value(), c.digits);
  }
}

TEST(Phone, NormaliseMobileRejectsOthers) {
  const std::string_view cases[] = {
      "",
      "1391234567",
      "139123456789",
      "12912345678",
      "23912345678",
      "+8513912345678",
      "+86139123456789",
      "139.1234.5678",
      "(139)12345678",
      "1391234567a",
      "010-62345678",
      "+139123456789",
      "８613912345678",
  };
  for (std::string_view text : cases) {
    Result<std::string> r = NormaliseMobile(text, "worker_phone");
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().details.at(0).field, "worker_phone");
  }
}

TEST(Phone, ValidateContactPhoneAcceptsMobilesAndLandlines) {
  struct Case {
    std::string_view text;
    std::string_view normalised;
  };
  const Case cases[] = {
      {"13912345678", "13912345678"},
      {"+86 139 1234 5678", "13912345678"},
      {"010-62345678", "010-62345678"},
      {"01062345678", "010-62345678"},
      {"(010)62345678", "010-62345678"},
      {"(010) 6234 5678", "010-62345678"},
      {"021-6123456", "021-6123456"},
      {"0755-62345678", "0755-62345678"},
      {"075562345678", "0755-62345678"},
      {"0571 8765432", "0571-8765432"},
      {"010-62345678-123", "010-62345678-123"},
      {"010-62345678转123", "010-62345678-123"},
      {"010-62345678 ext 4567", "010-62345678-4567"},
      {"010-62345678 ext. 4567", "010-62345678-4567"},
      {"0755-62345678x8", "0755-62345678-8"},
      {"0755-62345678#801", "0755-62345678-801"},
  };
  for (const Case& c : cases) {
    Result<std::string> r = ValidateContactPhone(c.text);
    ASSERT_TRUE(r) << c.text;
    EXPECT_EQ(r.value(), c.normalised) << c.text;
  }
}

TEST(Phone, ValidateContactPhoneRejectsOthers) {
  const std::string_view cases[] = {
      "",
      "62345678",              // no area code
      "010-123456",            // local too short
      "010-623456789",         // local too long
      "010-02345678",          // local starts with 0
      "010-12345678",          // local starts with 1 (service numbers)
      "011-62345678",          // no such area code
      "0755-6234567890123",    // runs on
      "010-62345678-1234567",  // extension too long
      "010-62345678转",        // empty extension
      "010-62345678转12a",     // extension not digits
      "010_12345678",
      "phone",
      "12912345678",
  };
  for (std::string_view text : cases) {
    Result<std::string> r = ValidateContactPhone(text);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().details.at(0).field, "contact_phone");
  }
}

}  // namespace
}  // namespace lianyin::core
