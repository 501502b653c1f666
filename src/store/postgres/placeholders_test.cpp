#include "store/postgres/placeholders.hpp"

#include <gtest/gtest.h>

namespace lianyin::store::postgres {
namespace {

TEST(NumberPlaceholders, NumbersInOrder) {
  NumberedSql out = NumberPlaceholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)");
  EXPECT_EQ(out.text, "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
  EXPECT_EQ(out.parameters, 3);
}

TEST(NumberPlaceholders, NoneGivesSameText) {
  NumberedSql out = NumberPlaceholders("SELECT 1");
  EXPECT_EQ(out.text, "SELECT 1");
  EXPECT_EQ(out.parameters, 0);
}

TEST(NumberPlaceholders, SkipsStringLiteralsIncludingDoubledQuotes) {
  NumberedSql out = NumberPlaceholders("SELECT '?', 'it''s ?' , ? FROM t");
  EXPECT_EQ(out.text, "SELECT '?', 'it''s ?' , $1 FROM t");
  EXPECT_EQ(out.parameters, 1);
}

TEST(NumberPlaceholders, SkipsQuotedIdentifiers) {
  NumberedSql out = NumberPlaceholders(R"(SELECT "what?" FROM t WHERE x = ?)");
  EXPECT_EQ(out.text, R"(SELECT "what?" FROM t WHERE x = $1)");
}

TEST(NumberPlaceholders, SkipsLineComments) {
  NumberedSql out = NumberPlaceholders("SELECT ? -- why? because\n, ?");
  EXPECT_EQ(out.text, "SELECT $1 -- why? because\n, $2");
  EXPECT_EQ(out.parameters, 2);
}

TEST(NumberPlaceholders, SkipsBlockComments) {
  NumberedSql out = NumberPlaceholders("SELECT /* ? */ ?");
  EXPECT_EQ(out.text, "SELECT /* ? */ $1");
}

TEST(NumberPlaceholders, UnterminatedLiteralRunsToEnd) {
  NumberedSql out = NumberPlaceholders("SELECT ?, 'open ?");
  EXPECT_EQ(out.text, "SELECT $1, 'open ?");
  EXPECT_EQ(out.parameters, 1);
}

TEST(NumberPlaceholders, SingleDashIsNotAComment) {
  NumberedSql out = NumberPlaceholders("SELECT 3 - ?, ?");
  EXPECT_EQ(out.text, "SELECT 3 - $1, $2");
}

TEST(NumberPlaceholders, TenOrMore) {
  NumberedSql out = NumberPlaceholders("VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  EXPECT_EQ(out.text, "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)");
}

}  // namespace
}  // namespace lianyin::store::postgres
