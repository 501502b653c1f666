#include "core/error.hpp"

#include <gtest/gtest.h>

namespace lianyin::core {
namespace {

TEST(Error, InvalidCarriesOneFieldDetail) {
  Error e = Error::Invalid("uscc", "check character mismatch");
  EXPECT_EQ(e.code, ErrorCode::kValidationFailed);
  ASSERT_EQ(e.details.size(), 1u);
  EXPECT_EQ(e.details[0].field, "uscc");
  EXPECT_EQ(ErrorCodeName(e.code), "validation_failed");
}

TEST(Error, ResultValueThrowsCarryingTheError) {
  Result<int> r = Error::NotFound();
  ASSERT_FALSE(r);
  try {
    (void)r.value();
    FAIL() << "value() should throw";
  } catch (const ErrorException& ex) {
    EXPECT_EQ(ex.error().code, ErrorCode::kNotFound);
  }
}

}  // namespace
}  // namespace lianyin::core
