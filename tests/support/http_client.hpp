#pragma once
// A minimal blocking HTTP/1.1 client for the API tests and the benchmarks' load generators:
// one request per connection to 127.0.0.1 (Connection: close), socket timeouts (5 s unless
// given) so a broken server cannot hang a test. A connection refused, reset or timed out gives
// status 0.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lianyin::test {

struct HttpResult {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;

  std::string Header(const std::string& lower_name) const;
};

// A TCP socket connected to 127.0.0.1:port whose sends and receives give up after
// `timeout_seconds`, or -1 (nothing left open) when the connection fails.
int ConnectLoopback(std::uint16_t port, int timeout_seconds);

// Sends `method target` with `headers` and `body` to 127.0.0.1:port. When `send_body` is false
// only the head is sent (to test limits decided from Content-Length).
HttpResult Send(std::uint16_t port, const std::string& method, const std::string& target,
                const std::vector<std::pair<std::string, std::string>>& headers = {},
                const std::string& body = "", bool send_body = true, int timeout_seconds = 5);

}  // namespace lianyin::test
