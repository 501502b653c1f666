#include "http/server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <map>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "http/metrics.hpp"

namespace lianyin::http {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

// A blocking loopback client; every receive gives up after 3 s so no test can hang.
class Client {
 public:
  explicit Client(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    timeval timeout{3, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }

  void Send(std::string_view data) {
    while (!data.empty()) {
      const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  // One response; nullopt when the connection closed or timed out first.
  std::optional<RawResponse> Read(bool head = false) {
    const std::optional<std::string> header_block = ReadUntil("\r\n\r\n");
    if (!header_block) return std::nullopt;
    RawResponse response = ParseHead(*header_block);
    if (head || response.status == 304) return response;
    if (response.headers["transfer-encoding"] == "chunked") {
      if (!ReadChunked(response.body)) return std::nullopt;
    } else if (auto body = ReadExactly(std::stoul(response.headers["content-length"]))) {
      response.body = *body;
    } else {
      return std::nullopt;
    }
    return response;
  }

  // True when the server closes the connection (rather than the read timing out).
  bool ClosedByPeer() {
    char c;
    return pending_.empty() && ::recv(fd_, &c, 1, 0) == 0;
  }

  // Whether anything arrives within `wait` (without consuming a response).
  bool Quiet(std::chrono::milliseconds wait) {
    timeval timeout{0, static_cast<suseconds_t>(wait.count() * 1000)};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    char c;
    const ssize_t n = ::recv(fd_, &c, 1, MSG_PEEK);
    timeval restore{3, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &restore, sizeof restore);
    return n < 0;
  }

  std::optional<std::string> ReadUntil(std::string_view delimiter) {
    for (;;) {
      if (auto end = pending_.find(delimiter); end != std::string::npos) {
        std::string text = pending_.substr(0, end + delimiter.size());
        pending_.erase(0, end + delimiter.size());
        return text;
      }
      if (!Fill()) return std::nullopt;
    }
  }

 private:
  bool Fill() {
    char buffer[65536];
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    pending_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  std::optional<std::string> ReadExactly(std::size_t size) {
    while (pending_.size() < size) {
      if (!Fill()) return std::nullopt;
    }
    std::string text = pending_.substr(0, size);
    pending_.erase(0, size);
    return text;
  }

  bool ReadChunked(std::string& body) {
    for (;;) {
      const std::optional<std::string> line = ReadUntil("\r\n");
      if (!line) return false;
      const std::size_t size = std::stoul(*line, nullptr, 16);
      const std::optional<std::string> chunk = ReadExactly(size + 2);
      if (!chunk) return false;
      if (size == 0) return true;
      body += chunk->substr(0, size);
    }
  }

  static RawResponse ParseHead(const std::string& block) {
    RawResponse response;
    response.status = std::stoi(block.substr(9, 3));
    std::size_t line = block.find("\r\n") + 2;
    while (line < block.size() - 2) {
      const std::size_t end = block.find("\r\n", line);
      const std::size_t colon = block.find(':', line);
      std::string name = block.substr(line, colon - line);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      response.headers[name] = block.substr(colon + 2, end - colon - 2);
      line = end + 2;
    }
    return response;
  }

  int fd_;
  bool connected_ = false;
  std::string pending_;
};

std::string RawRequest(std::string_view method, std::string_view path,
                       std::string_view extra_headers) {
  return std::string(method) + " " + std::string(path) + " HTTP/1.1\r\nHost: test\r\n" +
         std::string(extra_headers) + "\r\n";
}

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
    } else if (request.path == "/stream") {
      auto parts = std::make_shared<int>(0);
      response.stream = [parts]() -> std::optional<std::string> {
        if (*parts == 3) return std::nullopt;
        return "part" + std::to_string((*parts)++) + ";";
      };
    }
    response.body = request.method + " " + request.path + " " + std::to_string(request.body.size()) +
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
  at_limit.Send(RawRequest("POST", "/api/import",
                            "Content-Length: 67108864\r\nExpect: 100-continue\r\n"));
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
  client.Send(Get("/api/hello"));  // a stray body would corrupt this response
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

}  // namespace
}  // namespace lianyin::http
