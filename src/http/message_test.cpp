#include "http/message.hpp"

#include <gtest/gtest.h>

namespace lianyin::http {
namespace {

TEST(RequestTest, HeaderFindsFirstLowerCaseName) {
  Request request;
  request.headers = {{"x-a", "1"}, {"x-a", "2"}};
  EXPECT_EQ(request.Header("x-a"), "1");
  EXPECT_FALSE(request.Header("x-b"));
}

TEST(RequestTest, QueryTreatsEmptyValueAsAbsent) {
  Request request;
  request.query = {{"q", ""}, {"name", "工会"}};
  EXPECT_FALSE(request.Query("q"));
  EXPECT_EQ(request.Query("name"), "工会");
  EXPECT_FALSE(request.Query("missing"));
}

TEST(RequestTest, CookieParsesPairsAndQuotes) {
  Request request;
  request.headers = {{"cookie", "a=1; session=abc ;  b=\"quoted\""}};
  EXPECT_EQ(request.Cookie("session"), "abc");
  EXPECT_EQ(request.Cookie("b"), "quoted");
  EXPECT_EQ(request.Cookie("a"), "1");
  EXPECT_FALSE(request.Cookie("sess"));
}

TEST(RequestTest, CookieSearchesEveryCookieHeader) {
  Request request;
  request.headers = {{"cookie", "a=1"}, {"cookie", "b=2"}};
  EXPECT_EQ(request.Cookie("b"), "2");
}

TEST(ResponseTest, SetHeaderReplacesCaseInsensitively) {
  Response response;
  response.SetHeader("Cache-Control", "no-cache");
  response.SetHeader("cache-control", "no-store");
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "cache-control");
  EXPECT_EQ(response.headers[0].second, "no-store");
}

}  // namespace
}  // namespace lianyin::http
