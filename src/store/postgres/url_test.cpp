#include "store/postgres/url.hpp"

#include <gtest/gtest.h>

namespace lianyin::store::postgres {
namespace {

TEST(RedactPassword, DropsUserinfoPassword) {
  EXPECT_EQ(RedactPassword("postgresql://app:s3cr3t@db.example:5432/lianyin"),
            "postgresql://app@db.example:5432/lianyin");
}

TEST(RedactPassword, PasswordMayContainAt) {
  EXPECT_EQ(RedactPassword("postgres://app:p@ss@db/x"), "postgres://app@db/x");
}

TEST(RedactPassword, DropsPasswordParameterKeepsOthers) {
  EXPECT_EQ(RedactPassword("postgresql://db/x?password=s3cr3t&sslmode=require"),
            "postgresql://db/x?sslmode=require");
  EXPECT_EQ(RedactPassword("postgresql://db/x?sslmode=require&password=s3cr3t"),
            "postgresql://db/x?sslmode=require");
  EXPECT_EQ(RedactPassword("postgresql://db/x?password=s3cr3t"), "postgresql://db/x");
}

TEST(RedactPassword, LeavesUrlWithoutPasswordAlone) {
  EXPECT_EQ(RedactPassword("postgresql://postgres@127.0.0.1:55432/lianyin_test"),
            "postgresql://postgres@127.0.0.1:55432/lianyin_test");
  EXPECT_EQ(RedactPassword("postgresql:///x"), "postgresql:///x");
}

}  // namespace
}  // namespace lianyin::store::postgres
