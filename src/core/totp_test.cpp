#include "core/totp.hpp"

#include <gtest/gtest.h>

namespace lianyin::core {
namespace {

// RFC 6238 Appendix B, SHA-1 rows, reduced to 6 digits (the last six of the 8-digit values).
TEST(Totp, Rfc6238Vectors) {
  const ByteView secret = AsBytes("12345678901234567890");
  const struct {
    std::int64_t time;
    const char* code;
  } vectors[] = {{59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
                 {1234567890, "005924"}, {2000000000, "279037"}, {20000000000, "353130"}};
  for (const auto& v : vectors) {
    EXPECT_EQ(TotpCode(secret, TotpStep(v.time)), v.code) << v.time;
  }
}

TEST(Totp, VerifyAcceptsOneStepOfClockDriftAndNoMore) {
  const ByteView secret = AsBytes("12345678901234567890");
  const std::int64_t t = 1111111109;
  const std::string code = TotpCode(secret, TotpStep(t));
  EXPECT_EQ(VerifyTotp(secret, code, t), TotpStep(t));
  EXPECT_TRUE(VerifyTotp(secret, code, t + 30));
  EXPECT_TRUE(VerifyTotp(secret, code, t - 30));
  EXPECT_FALSE(VerifyTotp(secret, code, t + 90));
  EXPECT_FALSE(VerifyTotp(secret, "12345", t));
  EXPECT_FALSE(VerifyTotp(secret, "abcdef", t));
}

TEST(Totp, OtpauthUriEncodesNamesAndSecret) {
  EXPECT_EQ(OtpauthUri("联引", "admin", AsBytes("12345678901234567890")),
            "otpauth://totp/%E8%81%94%E5%BC%95:admin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            "&issuer=%E8%81%94%E5%BC%95&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace lianyin::core
