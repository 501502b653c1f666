#include "http/error_mapping.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace lianyin::http {
namespace {

namespace json = boost::json;
using core::ErrorCode;

TEST(ErrorMappingTest, EveryCodeHasItsStatusAndWireName) {
  const std::pair<ErrorCode, int> table[] = {
      {ErrorCode::kBadRequest, 400},
      {ErrorCode::kUnauthenticated, 401},
      {ErrorCode::kForbidden, 403},
      {ErrorCode::kCsrfFailed, 403},
      {ErrorCode::kPasswordChangeRequired, 403},
      {ErrorCode::kNotFound, 404},
      {ErrorCode::kMethodNotAllowed, 405},
      {ErrorCode::kConflict, 409},
      {ErrorCode::kPayloadTooLarge, 413},
      {ErrorCode::kValidationFailed, 422},
      {ErrorCode::kLocked, 423},
      {ErrorCode::kTooManyRequests, 429},
      {ErrorCode::kUnavailable, 503},
      {ErrorCode::kMfaEnrolmentRequired, 403},
  };
  for (const auto& [code, status] : table) {
    EXPECT_EQ(HttpStatus(code), status) << core::ErrorCodeName(code);
    const Response response = ErrorResponse(core::Error{code, "why", {}});
    EXPECT_EQ(response.status, status);
    EXPECT_EQ(response.content_type, "application/json");
    const json::value body = json::parse(response.body);
    EXPECT_EQ(body.at("error").at("code").as_string(), core::ErrorCodeName(code));
    EXPECT_EQ(body.at("error").at("message").as_string(), "why");
    EXPECT_TRUE(body.at("error").at("details").as_array().empty());
  }
}

TEST(ErrorMappingTest, DetailsKeepFieldsAndImportRows) {
  core::Error error = core::Error::Invalid(
      {{"name", "is required", std::nullopt}, {"phone", "must be a phone number", 7}});
  const json::value body = json::parse(ErrorResponse(error).body);
  const json::array& details = body.at("error").at("details").as_array();
  ASSERT_EQ(details.size(), 2u);
  EXPECT_EQ(details[0].at("field").as_string(), "name");
  EXPECT_EQ(details[0].at("message").as_string(), "is required");
  EXPECT_FALSE(details[0].as_object().contains("row"));
  EXPECT_EQ(details[1].at("row").as_int64(), 7);
}

TEST(ErrorMappingTest, InternalErrorHidesDetails) {
  const Response response = InternalErrorResponse();
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body,
            R"({"error":{"code":"internal","message":"internal error","details":[]}})");
}

}  // namespace
}  // namespace lianyin::http

namespace lianyin::http {
namespace {

TEST(ErrorMappingRetryAfter, TooManyRequestsCarriesRetryAfter) {
  core::Error error{core::ErrorCode::kTooManyRequests, "slow down", {}};
  error.retry_after_seconds = 42;
  const Response response = ErrorResponse(error);
  EXPECT_EQ(response.status, 429);
  bool found = false;
  for (const auto& [name, value] : response.headers) {
    if (name == "Retry-After") found = value == "42";
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace lianyin::http

namespace lianyin::http {
namespace {

TEST(LocaliseErrorTest, WordsEnvelopesInChineseAndLeavesTheRestAlone) {
  Response invalid =
      ErrorResponse(core::Error::Invalid("uscc", "credit code check character is wrong"));
  LocaliseError(invalid, "");  // no Accept-Language: Chinese
  EXPECT_EQ(
      invalid.body,
      R"({"error":{"code":"validation_failed","message":"统一社会信用代码：统一社会信用代码校验位不正确",)"
      R"("details":[{"field":"uscc","message":"统一社会信用代码校验位不正确"}]}})");
  bool tagged = false;
  for (const auto& [name, value] : invalid.headers)
    tagged |= name == "Content-Language" && value == "zh-CN";
  EXPECT_TRUE(tagged);

  Response english = ErrorResponse(core::Error::NotFound());
  const std::string before = english.body;
  LocaliseError(english, "en-US,en;q=0.9");
  EXPECT_EQ(english.body, before);

  Response unknown = ErrorResponse(core::Error::Conflict("a message nobody translated"));
  LocaliseError(unknown, "zh-CN");
  EXPECT_NE(unknown.body.find("a message nobody translated"), std::string::npos);

  Response ok;
  ok.body = R"({"error":"not an envelope, a 200"})";
  LocaliseError(ok, "zh-CN");
  EXPECT_EQ(ok.body, R"({"error":"not an envelope, a 200"})");
  EXPECT_TRUE(ok.headers.empty());
}

TEST(LocaliseErrorTest, EnvelopeMessagesSkipsTheRebuiltSummary) {
  EXPECT_EQ(EnvelopeMessages(ErrorResponse(core::Error::Invalid("name", "is required")).body),
            (std::vector<std::string>{"is required"}));
  EXPECT_EQ(EnvelopeMessages(ErrorResponse(core::Error::Conflict("already linked")).body),
            (std::vector<std::string>{"already linked"}));
  EXPECT_TRUE(EnvelopeMessages("{}").empty());
  EXPECT_TRUE(EnvelopeMessages("not json").empty());
}

}  // namespace
}  // namespace lianyin::http
