#pragma once
// The HTTP/1.1 server: Boost.Beast + Asio C++20 coroutines. This header is plain C++ so that only
// server.cpp compiles Beast/Asio.
//
// Connections are served by io_threads + worker_threads threads that all run one Asio
// io_context; each complete request is handed to `handler` on the thread that read it, and the
// response written from there. A handler may block (on the database): that holds up its own
// connection and thread only, while the other threads serve everyone else. Keep-alive, timeouts
// and body limits are enforced here; a limit breach is answered with the SPEC §3 error envelope
// and the connection closed where the body was not read.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace lianyin::http {

class Metrics;

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 = any free port (see Server::port())
  // Threads: io_threads + worker_threads in all. A handler blocking for long (an import) takes
  // one of them for that long.
  int io_threads = 1;
  int worker_threads = 4;
  std::size_t body_limit = 16u << 20;        // bytes, decided from Content-Length before reading
  std::size_t large_body_limit = 64u << 20;  // for paths accepted by `allows_large_body`
  std::function<bool(std::string_view method, std::string_view path)> allows_large_body;
  std::size_t header_limit = 16u << 10;
  std::chrono::milliseconds header_timeout{10'000};  // first byte to end of headers
  std::chrono::milliseconds body_timeout{60'000};    // reading the body
  std::chrono::milliseconds idle_timeout{30'000};    // keep-alive wait for the next request
  std::chrono::milliseconds write_timeout{60'000};
  std::size_t max_connections = 10'000;  // further connections are accepted and closed at once
  // When set, every answered request is observed (method, Response::route or "unmatched",
  // status, seconds from the end of the headers to the last byte written).
  std::shared_ptr<Metrics> metrics;
  // Set when clients reach the server over TLS (directly or through a terminating proxy that
  // only speaks HTTPS): adds Strict-Transport-Security.
  bool tls = false;
};

// Called on one of the server's threads. Must not throw: exceptions that escape are answered 500
// and logged.
using Handler = std::function<Response(Request&)>;

class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();  // stops and joins
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the threads; returns the bound port. Throws std::system_error on failure.
  std::uint16_t Start();
  std::uint16_t port() const;
  // Blocks until Stop() is called or SIGINT/SIGTERM arrives (when handle_signals).
  void Wait(bool handle_signals);
  // Stops accepting, closes idle connections, lets in-flight exchanges finish (up to 10 s),
  // then joins the threads. Idempotent; callable from any thread. Called from the server's own
  // threads (a handler) it only requests the stop, and Wait() or the destructor joins.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lianyin::http
