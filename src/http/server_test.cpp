#include "http/server.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <csignal>
#include <future>
#include <thread>

#include "http/metrics.hpp"
#include "http/test_client.hpp"

namespace lianyin::http {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;
using test_support::Client;
using test_support::RawRequest;
using test_support::RawResponse;

std::string Get(std::string_view path, std::string_view extra_headers = "") {
  return RawRequest("GET", path, extra_headers);
}

std::string ErrorCodeOf(const RawResponse& response) {
  return std::string(json::parse(response.body).at("error").at("code").as_string());
}

class ServerTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options = Options()) {
    server_ = std::make_unique<Server>(std::move(options),
                                       [this](Request& request) { return Handle(request); });
    port_ = server_->Start();
  }

  static ServerOptions Options() {
    ServerOptions options;
    options.port = 0;
    options.io_threads = 1;
    options.worker_threads = 2;
    options.body_limit = 1024;
    options.large_body_limit = 4096;
    options.allows_large_body = [](std::string_view method, std::string_view path) {
      return method == "POST" && path == "/api/import";
    };
    options.header_timeout = 2s;
    return options;
  }

  Response Handle(Request& request) {
    Response response;
    response.route = request.path;
    if (request.path == "/throw") throw std::runtime_error("database on fire");
    if (request.path == "/block") {
      if (release_.get_future().wait_for(3s) != std::future_status::ready) response.status = 504;
    } else if (request.path == "/release") {
      release_.set_value();
    } else if (request.path == "/stop") {
      server_->Stop();  // from a worker thread: must not deadlock
    } else if (request.path == "/no-content") {
      response.status = 204;
      response.SetHeader("Content-Disposition", "attachment; filename=\"a\r\nSet-Cookie: x=1\"");
    } else if (request.path == "/stream") {
      auto parts = std::make_shared<int>(0);
      response.stream = [parts]() -> std::optional<std::string> {
        if (*parts == 3) return std::nullopt;
        return "part" + std::to_string((*parts)++) + ";";
      };
    }
    response.body = request.method + " " + request.path + " " +
                    std::to_string(request.body.size()) +
                    (request.Query("q") ? " q=" + std::string(*request.Query("q")) : "");
    return response;
  }

  std::promise<void> release_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
};

TEST_F(ServerTest, KeepAliveServesThreeRequestsOnOneConnection) {
  Start();
  Client client(port_);
  ASSERT_TRUE(client.connected());
  for (int i = 0; i < 3; ++i) {
    client.Send(Get("/api/hello?q=a+b%21"));
    auto response = client.Read();
    ASSERT_TRUE(response) << i;
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "GET /api/hello 0 q=a b!");
  }
}

TEST_F(ServerTest, HandlerRunsOffTheIoThread) {
  Start();  // one I/O thread: a handler blocking it would starve the second connection
  Client blocked(port_);
  blocked.Send(Get("/block"));
  std::this_thread::sleep_for(50ms);
  Client releaser(port_);
  releaser.Send(Get("/release"));
  ASSERT_TRUE(releaser.Read());
  auto response = blocked.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
}

TEST_F(ServerTest, OversizedContentLengthIs413WithoutReadingTheBody) {
  Start();
  Client client(port_);
  client.Send(RawRequest("POST", "/api/orgs", "Content-Length: 67108864\r\n"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(response->headers["content-type"], "application/json");
  EXPECT_EQ(ErrorCodeOf(*response), "payload_too_large");
  EXPECT_TRUE(json::parse(response->body).at("error").at("details").as_array().empty());
  EXPECT_TRUE(client.ClosedByPeer());
}

TEST_F(ServerTest, LargeBodyPathHasItsOwnLimit) {
  Start();
  const std::string body(3000, 'x');
  Client client(port_);
  client.Send(RawRequest("POST", "/api/import", "Content-Length: 3000\r\n") + body);
  auto accepted = client.Read();
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->body, "POST /api/import 3000");
  client.Send(RawRequest("POST", "/api/import", "Content-Length: 4097\r\n"));
  EXPECT_EQ(client.Read()->status, 413);
  Client normal(port_);
  normal.Send(RawRequest("POST", "/api/orgs", "Content-Length: 3000\r\n") + body);
  EXPECT_EQ(normal.Read()->status, 413);
}

TEST_F(ServerTest, DefaultLimitsDecideFromTheHeaderAlone) {
  ServerOptions options = Options();
  options.body_limit = ServerOptions{}.body_limit;
  options.large_body_limit = ServerOptions{}.large_body_limit;
  Start(options);
  Client normal(port_);
  normal.Send(RawRequest("POST", "/api/orgs", "Content-Length: 67108864\r\n"));
  EXPECT_EQ(normal.Read()->status, 413);
  Client over(port_);
  over.Send(RawRequest("POST", "/api/import", "Content-Length: 67108865\r\n"));
  EXPECT_EQ(over.Read()->status, 413);
  Client at_limit(port_);
  at_limit.Send(
      RawRequest("POST", "/api/import", "Content-Length: 67108864\r\nExpect: 100-continue\r\n"));
  auto interim = at_limit.ReadUntil("\r\n\r\n");
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->substr(0, 12), "HTTP/1.1 100");
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIs400) {
  Start();
  Client client(port_);
  const std::string chunk(1000, 'y');
  client.Send(RawRequest("POST", "/api/orgs", "Transfer-Encoding: chunked\r\n") + "3e8\r\n" +
              chunk + "\r\n3e8\r\n" + chunk + "\r\n0\r\n\r\n");
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_EQ(ErrorCodeOf(*response), "bad_request");
}

TEST_F(ServerTest, MalformedRequestIs400AndCloses) {
  Start();
  for (std::string_view raw : {"GARBAGE\r\n\r\n", "GET /a%zz HTTP/1.1\r\nHost: t\r\n\r\n",
                               "GET /a%00 HTTP/1.1\r\nHost: t\r\n\r\n"}) {
    Client client(port_);
    client.Send(raw);
    auto response = client.Read();
    ASSERT_TRUE(response) << raw;
    EXPECT_EQ(response->status, 400) << raw;
    EXPECT_EQ(ErrorCodeOf(*response), "bad_request");
    EXPECT_FALSE(response->headers["x-request-id"].empty());
    EXPECT_TRUE(client.ClosedByPeer()) << raw;
  }
}

TEST_F(ServerTest, HeaderTimeoutClosesTheConnection) {
  ServerOptions options = Options();
  options.header_timeout = 200ms;
  Start(options);
  Client client(port_);
  client.Send("GET /api/hello HTTP/1.1\r\nHost: te");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.ClosedByPeer());
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, 150ms);
  EXPECT_LT(waited, 2s);
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
  ServerOptions options = Options();
  options.idle_timeout = 200ms;
  Start(options);
  Client client(port_);
  client.Send(Get("/api/hello"));
  ASSERT_TRUE(client.Read());
  EXPECT_TRUE(client.ClosedByPeer());
}

TEST_F(ServerTest, HandlerExceptionIs500Envelope) {
  Start();
  Client client(port_);
  client.Send(Get("/throw"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 500);
  EXPECT_EQ(ErrorCodeOf(*response), "internal");
  EXPECT_EQ(response->body.find("fire"), std::string::npos);
  client.Send(Get("/api/hello"));
  EXPECT_EQ(client.Read()->status, 200);
}

TEST_F(ServerTest, RequestIdIsEchoedOrGenerated) {
  Start();
  Client client(port_);
  client.Send(Get("/api/hello", "X-Request-Id: trace-42.a_b\r\n"));
  EXPECT_EQ(client.Read()->headers["x-request-id"], "trace-42.a_b");
  client.Send(Get("/api/hello", "X-Request-Id: not valid!\r\n"));
  const std::string generated = client.Read()->headers["x-request-id"];
  EXPECT_EQ(generated.size(), 16u);
  EXPECT_EQ(generated.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST_F(ServerTest, HeadHasHeadersButNoBody) {
  Start();
  Client client(port_);
  client.Send(RawRequest("HEAD", "/api/hello", ""));
  auto head = client.Read(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->headers["content-length"], "17");  // "HEAD /api/hello 0"
  client.Send(Get("/api/hello"));                    // a stray body would corrupt this response
  auto next = client.Read();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, "GET /api/hello 0");
}

TEST_F(ServerTest, StreamedResponseIsChunked) {
  Start();
  Client client(port_);
  client.Send(Get("/api/stream"));
  client.Send(Get("/stream"));
  ASSERT_TRUE(client.Read());
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->headers["transfer-encoding"], "chunked");
  EXPECT_EQ(response->body, "part0;part1;part2;");
}

TEST_F(ServerTest, EveryResponseCarriesSecurityHeaders) {
  Start();
  Client client(port_);
  client.Send(Get("/api/hello"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->headers["content-security-policy"],
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  EXPECT_EQ(response->headers["x-content-type-options"], "nosniff");
  EXPECT_EQ(response->headers["referrer-policy"], "same-origin");
  EXPECT_EQ(response->headers["x-frame-options"], "DENY");
  EXPECT_EQ(response->headers["cache-control"], "no-store");
  EXPECT_EQ(response->headers["content-type"], "application/json");
  EXPECT_FALSE(response->headers.contains("strict-transport-security"));
}

TEST_F(ServerTest, MetricsObserveEveryRequest) {
  ServerOptions options = Options();
  auto metrics = std::make_shared<Metrics>();
  options.metrics = metrics;
  Start(options);
  Client client(port_);
  client.Send(Get("/api/hello"));
  ASSERT_TRUE(client.Read());
  server_->Stop();
  EXPECT_NE(metrics->Render({}).find(
                "requests_total{method=\"GET\",route=\"/api/hello\",status=\"200\"} 1"),
            std::string::npos);
}

TEST_F(ServerTest, ConnectionsBeyondTheLimitAreClosed) {
  ServerOptions options = Options();
  options.max_connections = 1;
  Start(options);
  Client first(port_);
  first.Send(Get("/api/hello"));
  ASSERT_TRUE(first.Read());
  Client second(port_);
  EXPECT_TRUE(second.ClosedByPeer());
}

TEST_F(ServerTest, StopEndsWaitAndClosesIdleConnections) {
  Start();
  Client client(port_);
  client.Send(Get("/api/hello"));
  ASSERT_TRUE(client.Read());
  std::thread stopper([this] {
    std::this_thread::sleep_for(100ms);
    server_->Stop();
  });
  server_->Wait(/*handle_signals=*/false);
  stopper.join();
  EXPECT_TRUE(client.ClosedByPeer());
  Client late(port_);
  EXPECT_FALSE(late.connected());
}

TEST_F(ServerTest, QuietWhileWaitingForABody) {
  Start();
  Client client(port_);
  client.Send(RawRequest("POST", "/api/orgs", "Content-Length: 10\r\n") + "12345");
  EXPECT_TRUE(client.Quiet(200ms));
  client.Send("67890");
  EXPECT_EQ(client.Read()->body, "POST /api/orgs 10");
}

TEST_F(ServerTest, RefusedBodyStillLetsTheClientRead413) {
  Start();
  Client client(port_);
  client.Send(RawRequest("POST", "/api/orgs", "Content-Length: 67108864\r\n") +
              std::string(256 * 1024, 'z'));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
}

TEST_F(ServerTest, NoContentDropsBodyAndSplittingHeaders) {
  Start();
  Client client(port_);
  client.Send(Get("/no-content"));
  auto response = client.Read(/*head=*/true);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 204);
  EXPECT_FALSE(response->headers.contains("set-cookie"));
  EXPECT_FALSE(response->headers.contains("content-disposition"));
  client.Send(Get("/api/hello"));
  EXPECT_EQ(client.Read()->body, "GET /api/hello 0");
}

TEST_F(ServerTest, StopFromAHandlerEndsWait) {
  Start();
  Client client(port_);
  client.Send(Get("/stop"));
  server_->Wait(/*handle_signals=*/false);
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->headers["connection"], "close");
}

TEST_F(ServerTest, SigtermEndsWait) {
  Start();
  std::thread signaller([] {
    std::this_thread::sleep_for(200ms);  // Wait() has registered its signal set by then
    ::raise(SIGTERM);
  });
  server_->Wait(/*handle_signals=*/true);
  signaller.join();
  Client late(port_);
  EXPECT_FALSE(late.connected());
}

}  // namespace
}  // namespace lianyin::http
