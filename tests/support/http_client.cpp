#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>

namespace lianyin::test {
namespace {

void WriteAll(int fd, const std::string& data) {
  for (std::size_t sent = 0; sent < data.size();) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;  // the server may close early (413): read what it answered
    sent += static_cast<std::size_t>(n);
  }
}

HttpResult Parse(const std::string& raw) {
  HttpResult result;
  const auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos || raw.size() < 12) return result;  // no answer: status 0
  std::istringstream head(raw.substr(0, head_end));
  std::string line;
  std::getline(head, line);
  result.status = std::stoi(line.substr(9, 3));
  while (std::getline(head, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    result.headers.emplace_back(name, line.substr(line.find_first_not_of(' ', colon + 1)));
  }
  std::string body = raw.substr(head_end + 4);
  if (result.Header("transfer-encoding") == "chunked") {
    std::string decoded;
    for (std::size_t at = 0;;) {
      const auto eol = body.find("\r\n", at);
      const std::size_t size = std::stoul(body.substr(at, eol - at), nullptr, 16);
      if (size == 0) break;
      decoded += body.substr(eol + 2, size);
      at = eol + 2 + size + 2;
    }
    body = std::move(decoded);
  }
  result.body = std::move(body);
  return result;
}

}  // namespace

int ConnectLoopback(std::uint16_t port, int timeout_seconds) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  timeval tv{timeout_seconds, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::string HttpResult::Header(const std::string& lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return "";
}

HttpResult Send(std::uint16_t port, const std::string& method, const std::string& target,
                const std::vector<std::pair<std::string, std::string>>& headers,
                const std::string& body, bool send_body, int timeout_seconds) {
  std::string request = method + " " + target +
                        " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                        "\r\nConnection: close\r\n";
  bool has_length = false;
  for (const auto& [name, value] : headers) {
    request += name + ": " + value + "\r\n";
    has_length = has_length || name == "Content-Length";
  }
  if (!has_length && (!body.empty() || method == "POST")) {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n";
  if (send_body) request += body;
  const int fd = ConnectLoopback(port, timeout_seconds);
  if (fd < 0) return {};
  WriteAll(fd, request);
  std::string raw;
  char buffer[16384];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) raw.append(buffer, n);
  ::close(fd);
  return Parse(raw);
}

}  // namespace lianyin::test
