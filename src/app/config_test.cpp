#include "app/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace lianyin::app {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  void TearDown() override {
    unsetenv("LIANYIN_PORT");
    std::filesystem::remove(file_);
  }
  void Write(const std::string& text) { std::ofstream(file_) << text; }
  std::filesystem::path file_ =
      std::filesystem::temp_directory_path() / ("lianyin-config-" + std::to_string(getpid()));
};

TEST_F(ConfigTest, DefaultsFillPathsFromTheBinaryDirectory) {
  auto c = LoadConfig(std::nullopt, "/opt/lianyin");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->port, 8080);
  EXPECT_EQ(c->web_root, "/opt/lianyin/web");
  EXPECT_EQ(c->regions_file, "/opt/lianyin/share/regions.json");
}

TEST_F(ConfigTest, EnvironmentOverridesTheFile) {
  Write(R"({"port": 9000, "db": "x.db", "tls": true})");
  setenv("LIANYIN_PORT", "9100", 1);
  auto c = LoadConfig(file_, "/b");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->port, 9100);
  EXPECT_EQ(c->db, "x.db");
  EXPECT_TRUE(c->tls);
}

TEST_F(ConfigTest, UnknownKeysAndBadValuesAreNamed) {
  Write(R"({"prot": 9000})");
  auto c = LoadConfig(file_, "/b");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().details.at(0).field, "prot");

  Write(R"({"port": 70000})");
  EXPECT_EQ(LoadConfig(file_, "/b").error().details.at(0).field, "port");

  std::remove(file_.c_str());
  setenv("LIANYIN_PORT", "eighty", 1);
  EXPECT_EQ(LoadConfig(std::nullopt, "/b").error().details.at(0).field, "LIANYIN_PORT");
}

}  // namespace
}  // namespace lianyin::app
