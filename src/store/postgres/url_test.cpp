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

TEST(RedactPassword, MultiHostUrl) {
  EXPECT_EQ(RedactPassword("postgresql://app:pw@db1:5432,db2:5432/lianyin"),
            "postgresql://app@db1:5432,db2:5432/lianyin");
}

TEST(WithConnectionDefaults, AddsTimeoutAndReadWriteTarget) {
  EXPECT_EQ(WithConnectionDefaults("postgresql://db1:5432,db2:5432/lianyin", 5),
            "postgresql://db1:5432,db2:5432/lianyin?connect_timeout=5&"
            "target_session_attrs=read-write");
  EXPECT_EQ(WithConnectionDefaults("postgresql://db/x?sslmode=require", 3),
            "postgresql://db/x?sslmode=require&connect_timeout=3&target_session_attrs=read-write");
}

TEST(WithConnectionDefaults, KeepsWhatTheUrlSets) {
  EXPECT_EQ(
      WithConnectionDefaults("postgresql://db/x?connect_timeout=10&target_session_attrs=any", 5),
      "postgresql://db/x?connect_timeout=10&target_session_attrs=any");
  // A parameter whose name merely starts like one of ours does not count.
  EXPECT_EQ(WithConnectionDefaults("postgresql://db/x?connect_timeouts=1", 5),
            "postgresql://db/x?connect_timeouts=1&connect_timeout=5&"
            "target_session_attrs=read-write");
}

}  // namespace
}  // namespace lianyin::store::postgres
