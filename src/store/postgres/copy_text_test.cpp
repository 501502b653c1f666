#include "store/postgres/copy_text.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace lianyin::store::postgres {
namespace {

std::string Field(const Value& value) {
  std::string out;
  AppendCopyField(out, value);
  return out;
}

TEST(CopyText, NullIsBackslashN) { EXPECT_EQ(Field(Null{}), "\\N"); }

TEST(CopyText, IntegersAsDecimal) {
  EXPECT_EQ(Field(std::int64_t{-42}), "-42");
  EXPECT_EQ(Field(std::numeric_limits<std::int64_t>::min()), "-9223372036854775808");
}

TEST(CopyText, EscapesBackslashTabNewlineReturn) {
  EXPECT_EQ(Field(std::string("a\\b\tc\nd\re")), "a\\\\b\\tc\\nd\\re");
}

TEST(CopyText, LiteralBackslashNIsNotNull) { EXPECT_EQ(Field(std::string("\\N")), "\\\\N"); }

TEST(CopyText, Utf8PassesThrough) { EXPECT_EQ(Field(std::string("工会")), "工会"); }

TEST(CopyText, BlobAsEscapedByteaHex) {
  EXPECT_EQ(Field(Blob{std::string("\0\x01\xff", 3)}), "\\\\x0001ff");
  EXPECT_EQ(Field(Blob{}), "\\\\x");
}

TEST(CopyText, DoublesRoundTripAndSpecials) {
  EXPECT_EQ(FormatDouble(0.1), "0.1");
  EXPECT_EQ(std::stod(FormatDouble(1.0 / 3.0)), 1.0 / 3.0);
  EXPECT_EQ(FormatDouble(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(FormatDouble(-std::numeric_limits<double>::infinity()), "-Infinity");
  EXPECT_EQ(FormatDouble(std::numeric_limits<double>::quiet_NaN()), "NaN");
}

TEST(CopyText, RowIsTabSeparatedAndNewlineTerminated) {
  std::string out;
  AppendCopyRow(out, {std::int64_t{1}, Null{}, std::string("x")});
  EXPECT_EQ(out, "1\t\\N\tx\n");
}

}  // namespace
}  // namespace lianyin::store::postgres
