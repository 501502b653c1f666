#include "http/transport.hpp"

#include <gtest/gtest.h>

#include "http/security_headers.hpp"

namespace lianyin::http {
namespace {

std::optional<std::string> HeaderOf(const Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return std::nullopt;
}

TEST(RequestIdTest, AcceptsOnlySafeShortIds) {
  EXPECT_TRUE(IsValidRequestId("abc-DEF_1.2"));
  EXPECT_TRUE(IsValidRequestId(std::string(64, 'a')));
  EXPECT_FALSE(IsValidRequestId(""));
  EXPECT_FALSE(IsValidRequestId(std::string(65, 'a')));
  EXPECT_FALSE(IsValidRequestId("a b"));
  EXPECT_FALSE(IsValidRequestId("a\nb"));
  EXPECT_EQ(ChooseRequestId("given-1"), "given-1");
  EXPECT_EQ(ChooseRequestId("bad id").size(), 16u);
}

TEST(RequestIdTest, FreshIdsAreHexAndDistinct) {
  const std::string a = NewRequestId();
  EXPECT_EQ(a.size(), 16u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, NewRequestId());
}

TEST(DecodeTargetTest, DecodesPathAndQuery) {
  Request request;
  ASSERT_TRUE(DecodeTarget("/api/v1/orgs/%E5%B7%A5?q=a+b%26c&empty=&flag", request));
  EXPECT_EQ(request.path, "/api/v1/orgs/工");
  ASSERT_EQ(request.query.size(), 3u);
  EXPECT_EQ(request.query[0], (std::pair<std::string, std::string>{"q", "a b&c"}));
  EXPECT_FALSE(request.Query("empty"));
  EXPECT_EQ(request.query[2].first, "flag");
}

TEST(DecodeTargetTest, RejectsBadEncodingAndNul) {
  Request request;
  EXPECT_FALSE(DecodeTarget("/a%zz", request));
  EXPECT_FALSE(DecodeTarget("/a%00b", request));
  EXPECT_FALSE(DecodeTarget("http://example.com/", request));
  EXPECT_FALSE(DecodeTarget("*", request));
}

TEST(SecurityHeadersTest, SetsBaselineAndHstsOnlyOnTls) {
  Response plain;
  ApplySecurityHeaders(plain, false);
  EXPECT_EQ(HeaderOf(plain, "Content-Security-Policy"),
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  EXPECT_EQ(HeaderOf(plain, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(HeaderOf(plain, "Referrer-Policy"), "same-origin");
  EXPECT_EQ(HeaderOf(plain, "X-Frame-Options"), "DENY");
  EXPECT_FALSE(HeaderOf(plain, "Strict-Transport-Security"));
  Response tls;
  ApplySecurityHeaders(tls, true);
  EXPECT_TRUE(HeaderOf(tls, "Strict-Transport-Security"));
}

TEST(SecurityHeadersTest, ApiResponsesAreNotStoredUnlessHandlerSaysOtherwise) {
  Response api;
  ApplyApiCacheControl(api, "/api/v1/orgs");
  EXPECT_EQ(HeaderOf(api, "Cache-Control"), "no-store");
  Response own;
  own.SetHeader("cache-control", "private, max-age=60");
  ApplyApiCacheControl(own, "/api/v1/orgs");
  EXPECT_EQ(HeaderOf(own, "cache-control"), "private, max-age=60");
  EXPECT_FALSE(HeaderOf(own, "Cache-Control"));
  Response page;
  ApplyApiCacheControl(page, "/apiary");
  EXPECT_TRUE(page.headers.empty());
}

TEST(FinishResponseTest, AddsRequestIdAndSecurityHeaders) {
  Request request;
  request.path = "/api/health";
  request.request_id = "r1";
  Response response;
  FinishResponse(response, request, false);
  EXPECT_EQ(HeaderOf(response, "X-Request-Id"), "r1");
  EXPECT_EQ(HeaderOf(response, "X-Frame-Options"), "DENY");
  EXPECT_EQ(HeaderOf(response, "Cache-Control"), "no-store");
}

TEST(CallHandlerTest, ExceptionsBecomeInternalErrors) {
  Request request;
  request.request_id = "r2";
  const Response thrown =
      CallHandler([](Request&) -> Response { throw std::logic_error("x"); }, request);
  EXPECT_EQ(thrown.status, 500);
  EXPECT_NE(thrown.body.find("\"internal\""), std::string::npos);
  const Response odd = CallHandler([](Request&) -> Response { throw 42; }, request);
  EXPECT_EQ(odd.status, 500);
  const Response fine = CallHandler(
      [](Request&) {
        Response response;
        response.status = 204;
        return response;
      },
      request);
  EXPECT_EQ(fine.status, 204);
}

TEST(PayloadTooLargeTest, NamesTheLimit) {
  const Response response = PayloadTooLargeResponse(1024);
  EXPECT_EQ(response.status, 413);
  EXPECT_NE(response.body.find("payload_too_large"), std::string::npos);
  EXPECT_NE(response.body.find("1024 bytes"), std::string::npos);
}

TEST(CaseTest, ConvertsAscii) {
  EXPECT_EQ(LowerCase("X-Request-Id"), "x-request-id");
  EXPECT_EQ(UpperCase("get"), "GET");
}

}  // namespace
}  // namespace lianyin::http
