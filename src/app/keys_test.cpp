#include "app/keys.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "support/test_db.hpp"

namespace lianyin::app {
namespace {

TEST(Keys, CreatedOnceWithOwnerOnlyModeThenReadBack) {
  test_support::ScopedTempDir dir;
  const auto file = dir.path() / "sub" / "db.key";
  const core::Bytes first = LoadOrCreateKey(file);
  EXPECT_EQ(first.size(), 32u);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(LoadOrCreateKey(file), first);
}

TEST(Keys, AMalformedKeyFileIsAnErrorNotAReplacement) {
  test_support::ScopedTempDir dir;
  const auto file = dir.path() / "db.key";
  std::ofstream(file) << "not-hex\n";
  EXPECT_THROW(LoadOrCreateKey(file), std::runtime_error);
}

TEST(Keys, DefaultLocationFollowsTheDatabase) {
  EXPECT_EQ(DefaultKeyFile("data/lianyin.db"), "data/lianyin.db.key");
  EXPECT_EQ(DefaultKeyFile("postgresql://u@h/db"), "data/lianyin.key");
  EXPECT_EQ(DefaultKeyFile(":memory:"), "");
}

}  // namespace
}  // namespace lianyin::app
