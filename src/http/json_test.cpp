#include "http/json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace lianyin::http {
namespace {

namespace json = boost::json;

json::object Parse(std::string_view text) { return ParseJsonObject(text).value(); }

std::vector<std::string> Fields(const FieldReader& reader) {
  std::vector<std::string> fields;
  for (const core::FieldError& error : reader.errors()) {
    fields.push_back(error.field + ": " + error.message);
  }
  return fields;
}

TEST(ParseJsonObjectTest, AcceptsAnObject) {
  auto result = ParseJsonObject(R"({"name":"工会","n":1})");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->at("name").as_string(), "工会");
}

TEST(ParseJsonObjectTest, RejectsBadInputAsBadRequest) {
  for (std::string_view body : {"", "{", "[1,2]", "\"text\"", "42", "null", "{\"a\":1}x",
                                "{\"a\":\"\xff\"}", "{\"a\":\"\xc3\"}", "{'a':1}"}) {
    auto result = ParseJsonObject(body);
    ASSERT_FALSE(result) << body;
    EXPECT_EQ(result.error().code, core::ErrorCode::kBadRequest) << body;
    EXPECT_FALSE(result.error().message.empty());
  }
}

TEST(ParseJsonObjectTest, LimitsNesting) {
  auto nested = [](int depth) {
    std::string text = "{\"a\":";
    for (int i = 1; i < depth; ++i) text += "[";
    text += "0";
    for (int i = 1; i < depth; ++i) text += "]";
    return text + "}";
  };
  EXPECT_TRUE(ParseJsonObject(nested(64)));
  auto deep = ParseJsonObject(nested(65));
  ASSERT_FALSE(deep);
  EXPECT_NE(deep.error().message.find("deeper"), std::string::npos);
  EXPECT_FALSE(ParseJsonObject(std::string(100000, '[')));
}

TEST(JsonResponseTest, SerialisesWithStatus) {
  Response response = JsonResponse(201, json::object{{"id", 7}});
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(response.body, R"({"id":7})");
}

TEST(FieldReaderTest, ReadsValidFields) {
  json::object body = Parse(R"({"name":"  职工服务站 ", "note":"　", "count":5, "on":true,
      "day":"2023-04-01", "tags":["a","b"], "ids":[1,2], "nothing":null})");
  FieldReader in(body);
  EXPECT_EQ(in.String("name", 5), "职工服务站");
  EXPECT_FALSE(in.OptString("note", 10));  // ideographic space only
  EXPECT_FALSE(in.OptString("nothing", 10));
  EXPECT_EQ(in.Int64("count"), 5);
  EXPECT_FALSE(in.OptInt64("missing"));
  EXPECT_TRUE(in.Bool("on"));
  EXPECT_EQ(in.Date("day"), "2023-04-01");
  EXPECT_EQ(in.StringArray("tags", 10), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(in.Int64Array("ids"), (std::vector<std::int64_t>{1, 2}));
  EXPECT_TRUE(in.Int64Array("absent").empty());
  EXPECT_TRUE(in.Has("name"));
  EXPECT_FALSE(in.Has("nothing"));
  EXPECT_TRUE(in.ok());
  EXPECT_TRUE(in.Finish());
}

TEST(FieldReaderTest, CollectsEveryProblem) {
  json::object body = Parse(R"({"name":" ", "title":7, "long":"abcdef", "count":1.5,
      "big":18446744073709551615, "text_number":"5", "on":"yes", "day":"1/4/2023",
      "tags":["a",1], "ids":[1,"2"]})");
  FieldReader in(body);
  in.String("name", 10);
  in.String("title", 10);
  in.String("long", 5);
  in.String("absent", 10);
  in.Int64("count");
  in.OptInt64("big");
  in.Int64("text_number");
  in.Bool("on");
  in.Date("day");
  in.StringArray("tags", 10);
  in.Int64Array("ids");
  in.Fail("end_date", "must not be before start_date");
  EXPECT_EQ(
      Fields(in),
      (std::vector<std::string>{
          "name: is required", "title: must be a string", "long: must be at most 5 characters",
          "absent: is required", "count: must be an integer", "big: is out of range",
          "text_number: must be an integer", "on: must be true or false",
          "day: must be a date (YYYY-MM-DD)", "tags[1]: must be a string",
          "ids[1]: must be an integer", "end_date: must not be before start_date"}));
  auto finished = in.Finish();
  ASSERT_FALSE(finished);
  EXPECT_EQ(finished.error().code, core::ErrorCode::kValidationFailed);
  EXPECT_EQ(finished.error().details.size(), 12u);
  EXPECT_EQ(in.Invalid().details, finished.error().details);
}

Request WithQuery(std::vector<std::pair<std::string, std::string>> query) {
  Request request;
  request.query = std::move(query);
  return request;
}

TEST(ListParamsTest, DefaultsAndValues) {
  const ListParams defaults = ParseListParams(WithQuery({{"page", ""}})).value();
  EXPECT_EQ(defaults.page, std::int64_t{1});
  EXPECT_EQ(defaults.page_size, std::int64_t{20});
  const ListParams given =
      ParseListParams(WithQuery({{"page", "3"}, {"page_size", "200"}})).value();
  EXPECT_EQ(given.Offset(), std::int64_t{400});
}

TEST(ListParamsTest, OutOfRangeIsValidationFailed) {
  auto bad = ParseListParams(WithQuery({{"page", "0"}, {"page_size", "201"}}));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, core::ErrorCode::kValidationFailed);
  ASSERT_EQ(bad.error().details.size(), 2u);
  EXPECT_EQ(bad.error().details[0].field, "page");
  EXPECT_EQ(bad.error().details[1].field, "page_size");
  for (std::string value : {"-1", "x", "1.5", "+2", "99999999999999999999"}) {
    auto result = ParseListParams(WithQuery({{"page_size", value}}));
    ASSERT_FALSE(result) << value;
    EXPECT_EQ(result.error().details[0].field, "page_size");
  }
}

TEST(ListEnvelopeTest, HasTheFourKeys) {
  json::object envelope = ListEnvelope(json::array{1, 2}, 42, 2, 2);
  EXPECT_EQ(json::serialize(envelope), R"({"items":[1,2],"total":42,"page":2,"page_size":2})");
}

}  // namespace
}  // namespace lianyin::http
