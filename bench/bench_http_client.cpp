#include "bench_http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

namespace lianyin::bench {
namespace {

int Connect(std::uint16_t port, int timeout_seconds) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
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

Reply Parse(const std::string& raw) {
  Reply reply;
  const auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos || raw.size() < 12) return reply;
  reply.status = std::atoi(raw.substr(9, 3).c_str());
  std::size_t at = raw.find("\r\n") + 2;
  while (at < head_end) {
    const std::size_t eol = raw.find("\r\n", at);
    const std::string line = raw.substr(at, eol - at);
    const std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      reply.headers.emplace_back(name, line.substr(line.find_first_not_of(' ', colon + 1)));
    }
    at = eol + 2;
  }
  reply.body = raw.substr(head_end + 4);
  if (reply.Header("transfer-encoding") == "chunked") {
    std::string decoded;
    for (std::size_t pos = 0;;) {
      const auto eol = reply.body.find("\r\n", pos);
      if (eol == std::string::npos) break;
      const std::size_t size = std::stoul(reply.body.substr(pos, eol - pos), nullptr, 16);
      if (size == 0) break;
      decoded += reply.body.substr(eol + 2, size);
      pos = eol + 2 + size + 2;
    }
    reply.body = std::move(decoded);
  }
  return reply;
}

}  // namespace

std::string Reply::Header(const std::string& lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return "";
}

Reply Send(std::uint16_t port, const std::string& method, const std::string& target,
           const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body,
           int timeout_seconds) {
  std::string request = method + " " + target +
                        " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                        "\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method != "GET") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  const int fd = Connect(port, timeout_seconds);
  if (fd < 0) return {};
  for (std::size_t sent = 0; sent < request.size();) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string raw;
  char buffer[65536];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) raw.append(buffer, n);
  ::close(fd);
  return Parse(raw);
}

}  // namespace lianyin::bench
