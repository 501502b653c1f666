#include "http/openapi.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace lianyin::http {
namespace {

namespace json = boost::json;

Response Ok(Context&) { return {}; }

RouteInfo Info(std::string summary, std::string tag, bool requires_auth = true,
               std::string request_schema = "", std::string response_schema = "") {
  RouteInfo info;
  info.summary = std::move(summary);
  info.tag = std::move(tag);
  info.requires_auth = requires_auth;
  info.request_schema = std::move(request_schema);
  info.response_schema = std::move(response_schema);
  return info;
}

Router SampleRouter() {
  Router router;
  router.Add("GET", "/api/health", Ok, Info("Health check", "system", false));
  router.Add("GET", "/api/v1/orgs", Ok, Info("List orgs", "orgs"));
  router.Add(
      "POST", "/api/v1/orgs", Ok,
      Info("Create an org", "orgs", true, R"({"type":"object","required":["name"]})", "not json"));
  router.Add("GET", "/api/v1/orgs/{id}", Ok, Info("Get an org", "orgs"));
  router.Add("PATCH", "/api/v1/orgs/{id}", Ok, Info("Update an org", "orgs"));
  router.Add("GET", "/api/v1/regions/{code}/units/{unit_id}", Ok, Info("Units", "regions"));
  return router;
}

TEST(OpenApiTest, EveryRouteAppearsWithItsMethods) {
  const Router router = SampleRouter();
  const json::object doc = OpenApiDocument(router, "Lianyin", "0.1.0");
  EXPECT_EQ(doc.at("openapi").as_string(), "3.0.3");
  EXPECT_EQ(doc.at("info").at("title").as_string(), "Lianyin");
  const json::object& paths = doc.at("paths").as_object();
  EXPECT_EQ(paths.size(), 4u);
  for (const Route& route : router.routes()) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ASSERT_TRUE(paths.contains(route.pattern)) << route.pattern;
    const json::object& operation = paths.at(route.pattern).at(method).as_object();
    EXPECT_EQ(operation.at("summary").as_string(), route.info.summary);
    EXPECT_EQ(operation.at("tags").at(0).as_string(), route.info.tag);
  }
}

TEST(OpenApiTest, ParametersSecurityAndSchemas) {
  const json::object doc = OpenApiDocument(SampleRouter(), "Lianyin", "0.1.0");
  const json::object& paths = doc.at("paths").as_object();
  const json::array& params =
      paths.at("/api/v1/regions/{code}/units/{unit_id}").at("parameters").as_array();
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params[0].at("schema").at("type").as_string(), "string");
  EXPECT_EQ(params[1].at("name").as_string(), "unit_id");
  EXPECT_EQ(params[1].at("in").as_string(), "path");
  EXPECT_EQ(params[1].at("schema").at("type").as_string(), "integer");
  EXPECT_TRUE(paths.at("/api/health").at("get").at("security").as_array().empty());
  const json::object& create = paths.at("/api/v1/orgs").at("post").as_object();
  EXPECT_TRUE(create.at("security").at(0).as_object().contains("csrf"));
  EXPECT_EQ(create.at("requestBody")
                .at("content")
                .at("application/json")
                .at("schema")
                .at("required")
                .at(0)
                .as_string(),
            "name");
  EXPECT_EQ(create.at("responses")
                .at("422")
                .at("content")
                .at("application/json")
                .at("schema")
                .at("$ref")
                .as_string(),
            "#/components/schemas/Error");
  EXPECT_TRUE(doc.at("components").at("schemas").as_object().contains("Error"));
  EXPECT_EQ(doc.at("components").at("securitySchemes").at("session").at("in").as_string(),
            "cookie");
}

}  // namespace
}  // namespace lianyin::http
