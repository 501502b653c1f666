#include "http/router.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

namespace lianyin::http {
namespace {

RouteHandler Named(std::string name) {
  return [name](Context&) {
    Response response;
    response.body = name;
    return response;
  };
}

std::string Call(const Router::Match& match) {
  Request request;
  Context context{request, match.params, nullptr};
  return match.route->handler(context).body;
}

TEST(RouterTest, LiteralSegmentBeatsParameter) {
  Router router;
  router.Add("GET", "/api/v1/orgs/{id}", Named("get"), {});
  router.Add("GET", "/api/v1/orgs/export", Named("export"), {});
  EXPECT_EQ(Call(router.Find("GET", "/api/v1/orgs/export")), "export");
  Router::Match match = router.Find("GET", "/api/v1/orgs/42");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(Call(match), "get");
  ASSERT_EQ(match.params.size(), 1u);
  EXPECT_EQ(match.params[0], (std::pair<std::string, std::string>{"id", "42"}));
}

TEST(RouterTest, EarlierLiteralWins) {
  Router router;
  router.Add("GET", "/a/{x}/c", Named("param-first"), {});
  router.Add("GET", "/a/b/{y}", Named("literal-first"), {});
  EXPECT_EQ(Call(router.Find("GET", "/a/b/c")), "literal-first");
}

TEST(RouterTest, WrongMethodListsAllowed) {
  Router router;
  router.Add("GET", "/api/v1/orgs", Named("list"), {});
  router.Add("POST", "/api/v1/orgs", Named("create"), {});
  Router::Match match = router.Find("DELETE", "/api/v1/orgs");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed, (std::vector<std::string>{"GET", "POST"}));
  Router::Match missing = router.Find("GET", "/api/v1/nothing");
  EXPECT_EQ(missing.route, nullptr);
  EXPECT_TRUE(missing.allowed.empty());
}

TEST(RouterTest, TrailingSlashToleratedAndHeadFallsBackToGet) {
  Router router;
  router.Add("GET", "/api/health", Named("health"), {});
  router.Add("GET", "/", Named("root"), {});
  EXPECT_EQ(Call(router.Find("GET", "/api/health/")), "health");
  EXPECT_EQ(Call(router.Find("HEAD", "/api/health")), "health");
  EXPECT_EQ(Call(router.Find("GET", "/")), "root");
  EXPECT_EQ(router.Find("GET", "/api/health//").route, nullptr);
  EXPECT_EQ(router.Find("GET", "/api").route, nullptr);
}

TEST(RouterTest, EmptySegmentNeverFillsParameter) {
  Router router;
  router.Add("GET", "/orgs/{id}/members", Named("members"), {});
  EXPECT_EQ(router.Find("GET", "/orgs//members").route, nullptr);
}

TEST(RouterTest, RejectsMalformedAndDuplicatePatterns) {
  Router router;
  router.Add("GET", "/orgs/{id}", Named("a"), {});
  EXPECT_THROW(router.Add("GET", "/orgs/{org_id}", Named("b"), {}), std::invalid_argument);
  EXPECT_NO_THROW(router.Add("PATCH", "/orgs/{id}", Named("c"), {}));
  EXPECT_THROW(router.Add("GET", "orgs", Named("d"), {}), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/orgs/", Named("d"), {}), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/orgs/{}", Named("d"), {}), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/orgs/x{id}", Named("d"), {}), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a//b", Named("d"), {}), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/x", nullptr, {}), std::invalid_argument);
}

TEST(ContextTest, IdParamAcceptsOnlyCanonicalPositiveInt64) {
  Request request;
  Context context{request, {}, nullptr};
  auto id = [&](std::string value) {
    context.params = {{"id", std::move(value)}};
    return context.IdParam("id");
  };
  EXPECT_EQ(id("1"), 1);
  EXPECT_EQ(id("9223372036854775807"), std::numeric_limits<std::int64_t>::max());
  EXPECT_FALSE(id("9223372036854775808"));
  EXPECT_FALSE(id("0"));
  EXPECT_FALSE(id("-1"));
  EXPECT_FALSE(id("+1"));
  EXPECT_FALSE(id("01"));
  EXPECT_FALSE(id("1a"));
  EXPECT_FALSE(id(" 1"));
  EXPECT_FALSE(id(""));
  EXPECT_FALSE(context.IdParam("other"));
  EXPECT_EQ(context.Param("other"), "");
}

}  // namespace
}  // namespace lianyin::http
