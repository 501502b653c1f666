#include "http/json_writer.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace lianyin::http {
namespace {

// The writer's text is what Boost.JSON writes for the same document, so either may answer.
TEST(JsonWriterTest, WritesWhatBoostJsonSerializes) {
  const std::string tricky = std::string("工会 \"quoted\" \\ back\nline\t\x01\x1f/é", 30);
  boost::json::object expected;
  expected["id"] = 42;
  expected["name"] = tricky;
  expected["neg"] = -7;
  expected["flag"] = true;
  expected["none"] = nullptr;
  expected["list"] = boost::json::array{"a", "b"};
  expected["empty"] = boost::json::array{};
  expected["nested"] = boost::json::object{{"x", false}};

  JsonWriter w;
  w.BeginObject();
  w.Key("id").Int(42).Key("name").String(tricky).Key("neg").Int(-7).Key("flag").Bool(true);
  w.Key("none").Null();
  w.Key("list").BeginArray().String("a").String("b").EndArray();
  w.Key("empty").BeginArray().EndArray();
  w.Key("nested").BeginObject().Key("x").Bool(false).EndObject();
  w.EndObject();
  EXPECT_EQ(w.Take(), boost::json::serialize(expected));
}

// Escapes are found eight bytes at a time: every escaped byte at every position of strings
// longer and shorter than a word, among ASCII and multi-byte UTF-8, is still escaped.
TEST(JsonWriterTest, EscapesAtEveryPositionOfAWord) {
  const std::string escaped[] = {"\"", "\\", "\n", "\x01", "\x1f", std::string(1, '\0')};
  for (const std::string& base : {std::string(20, 'a'), std::string("工会服务职工组织联引")}) {
    for (std::size_t length = 0; length <= base.size(); ++length) {
      for (std::size_t at = 0; at <= length; ++at) {
        for (const std::string& e : escaped) {
          const std::string text = base.substr(0, at) + e + base.substr(at, length - at);
          JsonWriter w;
          w.String(text);
          ASSERT_EQ(w.Take(), boost::json::serialize(boost::json::value(text)))
              << "length " << length << " at " << at;
        }
      }
    }
  }
  JsonWriter w;
  w.String("\x7f\x80 ~ 0123456789 \xe2\x80\xa8");  // DEL, bytes >= 0x80: copied as they are
  EXPECT_EQ(w.Take(), "\"\x7f\x80 ~ 0123456789 \xe2\x80\xa8\"");
}

TEST(JsonWriterTest, NestsSixtyFourLevelsAndRefusesMore) {
  JsonWriter w;
  for (int i = 0; i < 64; ++i) w.BeginArray();
  EXPECT_THROW(w.BeginArray(), std::logic_error);
  for (int i = 0; i < 64; ++i) w.EndArray();
  EXPECT_EQ(w.Take(), std::string(64, '[') + std::string(64, ']'));
  JsonWriter commas;  // after closing an inner level, the outer one still knows it has members
  commas.BeginArray().BeginArray().Int(1).EndArray().BeginObject().EndObject().Int(2).EndArray();
  EXPECT_EQ(commas.Take(), "[[1],{},2]");
}

TEST(JsonWriterTest, ArraysOfObjectsAndRawValues) {
  JsonWriter w;
  w.BeginArray();
  for (int i = 0; i < 3; ++i) w.BeginObject().Key("i").Int(i).EndObject();
  w.Raw(R"({"pre":"made"})");
  w.EndArray();
  EXPECT_EQ(w.Take(), R"([{"i":0},{"i":1},{"i":2},{"pre":"made"}])");
}

}  // namespace
}  // namespace lianyin::http
