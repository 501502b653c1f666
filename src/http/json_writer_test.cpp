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
