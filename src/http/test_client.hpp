#pragma once
// A blocking loopback HTTP/1.1 client for tests that drive a real Server (plain POSIX sockets,
// no Asio). Every receive gives up after 3 s, so a test cannot hang on a silent server.

#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "support/http_client.hpp"

namespace lianyin::http::test_support {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

class Client {
 public:
  explicit Client(std::uint16_t port)
      : fd_(lianyin::test::ConnectLoopback(port, 3)), connected_(fd_ >= 0) {}
  ~Client() {
    if (fd_ >= 0) ::close(fd_);
  }
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

// "METHOD path HTTP/1.1" with Host and `extra_headers` ("Name: value\r\n" each), no body.
inline std::string RawRequest(std::string_view method, std::string_view path,
                              std::string_view extra_headers = "") {
  return std::string(method) + " " + std::string(path) + " HTTP/1.1\r\nHost: test\r\n" +
         std::string(extra_headers) + "\r\n";
}

}  // namespace lianyin::http::test_support
