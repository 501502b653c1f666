#pragma once
// A blocking HTTP/1.1 client for the benchmarks' load generators: one request per connection
// to 127.0.0.1, socket timeouts of 30 seconds unless given. Not for production.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lianyin::bench {

struct Reply {
  int status = 0;  // 0: no answer (connection refused, reset or timed out)
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string Header(const std::string& lower_name) const;
};

Reply Send(std::uint16_t port, const std::string& method, const std::string& target,
           const std::vector<std::pair<std::string, std::string>>& headers = {},
           const std::string& body = "", int timeout_seconds = 30);

}  // namespace lianyin::bench
