#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <random>

#include "http/transport.hpp"

namespace lianyin::http {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> HeaderOf(const Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return std::nullopt;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ =
        fs::temp_directory_path() / ("lianyin_static_" + std::to_string(std::random_device{}()));
    root_ = base_ / "web";
    fs::create_directories(root_ / "assets");
    Write(root_ / "index.html", "<html>app</html>");
    Write(root_ / "assets" / "app.1234.js", "console.log(1)");
    Write(root_ / "assets" / "app.1234.js.gz", "GZ");
    Write(root_ / "assets" / "app.1234.js.br", "BR");
    Write(root_ / "robots.txt", "User-agent: *");
    Write(base_ / "secret.txt", "secret");
  }
  void TearDown() override { fs::remove_all(base_); }

  static void Write(const fs::path& file, std::string_view text) {
    std::ofstream(file, std::ios::binary) << text;
  }

  // Builds the request the server would: the raw target is decoded first. A target the server
  // refuses (400) is used as the path as-is, to check StaticFiles refuses it too.
  std::optional<Response> Get(std::string_view target, HeaderList headers = {},
                              std::string method = "GET") const {
    Request request;
    request.method = std::move(method);
    request.target = target;
    request.headers = std::move(headers);
    if (!DecodeTarget(target, request)) request.path = target;
    return StaticFiles(root_).Serve(request);
  }

  fs::path base_;
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesIndexWithNoCache) {
  auto response = Get("/");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "<html>app</html>");
  EXPECT_EQ(response->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(HeaderOf(*response, "Cache-Control"), "no-cache");
  EXPECT_EQ(Get("/robots.txt")->content_type, "text/plain; charset=utf-8");
}

TEST_F(StaticFilesTest, AssetsAreImmutableAndPrecompressed) {
  auto plain = Get("/assets/app.1234.js");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->body, "console.log(1)");
  EXPECT_EQ(plain->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(*plain, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(HeaderOf(*plain, "Vary"), "Accept-Encoding");
  EXPECT_FALSE(HeaderOf(*plain, "Content-Encoding"));
  auto gzip = Get("/assets/app.1234.js", {{"accept-encoding", "gzip, deflate"}});
  EXPECT_EQ(gzip->body, "GZ");
  EXPECT_EQ(HeaderOf(*gzip, "Content-Encoding"), "gzip");
  EXPECT_EQ(gzip->content_type, "text/javascript; charset=utf-8");
  auto brotli = Get("/assets/app.1234.js", {{"accept-encoding", "gzip, br"}});
  EXPECT_EQ(HeaderOf(*brotli, "Content-Encoding"), "br");
  auto refused = Get("/assets/app.1234.js", {{"accept-encoding", "br;q=0, gzip;q=0.5"}});
  EXPECT_EQ(HeaderOf(*refused, "Content-Encoding"), "gzip");
  EXPECT_NE(HeaderOf(*plain, "ETag"), HeaderOf(*gzip, "ETag"));
}

TEST_F(StaticFilesTest, MatchingETagGives304) {
  auto first = Get("/assets/app.1234.js");
  const std::string etag = HeaderOf(*first, "ETag").value();
  auto again = Get("/assets/app.1234.js", {{"if-none-match", etag}});
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(Get("/assets/app.1234.js", {{"if-none-match", "\"other\""}})->status, 200);
}

TEST_F(StaticFilesTest, SpaFallbackOnlyForExtensionlessPaths) {
  auto route = Get("/orgs/42/edit");
  ASSERT_TRUE(route);
  EXPECT_EQ(route->status, 200);
  EXPECT_EQ(route->body, "<html>app</html>");
  EXPECT_EQ(HeaderOf(*route, "Cache-Control"), "no-cache");
  EXPECT_EQ(Get("/assets/missing")->body, "<html>app</html>");
  EXPECT_EQ(HeaderOf(*Get("/assets/missing"), "Cache-Control"), "no-cache");
  EXPECT_EQ(Get("/missing.js")->status, 404);
  // A route ending in a slash (the phone pages' /m/) is the app too.
  EXPECT_EQ(Get("/m/")->body, "<html>app</html>");
  EXPECT_EQ(HeaderOf(*Get("/m/"), "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, TraversalAttemptsAreNotFound) {
  for (std::string_view target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt",
        "/assets/..%2f..%2fsecret.txt", "/..\\secret.txt", "/assets/%5c..%5csecret.txt",
        "/../etc/passwd", "/%2e%2e/"}) {
    auto response = Get(target);
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->status, 404) << target;
    EXPECT_EQ(response->body.find("secret"), std::string::npos) << target;
  }
}

TEST_F(StaticFilesTest, SymlinkOutOfRootIsNotFound) {
  fs::create_symlink(base_ / "secret.txt", root_ / "leak.txt");
  fs::create_directory_symlink(base_, root_ / "up");
  EXPECT_EQ(Get("/leak.txt")->status, 404);
  EXPECT_EQ(Get("/up/secret.txt")->status, 404);
}

TEST_F(StaticFilesTest, NotForApiMetricsOrWrites) {
  EXPECT_FALSE(Get("/api/v1/orgs"));
  EXPECT_FALSE(Get("/api"));
  EXPECT_FALSE(Get("/metrics"));
  EXPECT_FALSE(Get("/", {}, "POST"));
  EXPECT_TRUE(Get("/", {}, "HEAD"));
}

TEST_F(StaticFilesTest, MissingRootOrIndexGivesNothing) {
  fs::remove(root_ / "index.html");
  EXPECT_FALSE(Get("/"));
  EXPECT_FALSE(Get("/robots.txt"));
  Request request;
  request.method = "GET";
  request.path = "/";
  EXPECT_FALSE(StaticFiles(base_ / "nope").Serve(request));
}

}  // namespace
}  // namespace lianyin::http
