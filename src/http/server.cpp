#include "http/server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <condition_variable>
#include <csignal>
#include <exception>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>
#include <tuple>
#include <vector>

#include "http/error_mapping.hpp"
#include "http/metrics.hpp"
#include "http/transport.hpp"

namespace lianyin::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using RequestParser = bhttp::request_parser<bhttp::string_body>;

constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::chrono::seconds kDrainTimeout{10};
constexpr std::chrono::milliseconds kAcceptRetryDelay{50};
constexpr std::size_t kIdleReadSize = 4096;
constexpr std::chrono::seconds kLingerTime{1};
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// Errors after which the peer is gone or too slow: close without an answer.
bool IsDisconnect(const beast::error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
         ec == asio::error::operation_aborted || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == bhttp::error::partial_message;
}

Request StartRequest(const RequestParser::value_type& message, const std::string& remote_ip) {
  Request request;
  request.method = UpperCase(message.method_string());
  request.target = std::string(message.target());
  for (const auto& field : message) {
    request.headers.emplace_back(LowerCase(field.name_string()), std::string(field.value()));
  }
  request.remote_ip = remote_ip;
  request.request_id = ChooseRequestId(request.Header("x-request-id"));
  return request;
}

bool HasLineBreak(std::string_view text) { return text.find_first_of("\r\n") != text.npos; }

// A header carrying CR or LF (e.g. an unescaped file name) would split the response: dropped.
void CopyHeaders(const Response& response, bhttp::response<bhttp::empty_body>& message) {
  message.result(static_cast<unsigned>(response.status));
  message.set(bhttp::field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers) {
    if (!HasLineBreak(name) && !HasLineBreak(value)) message.insert(name, value);
  }
}

// 1xx, 204 and 304 responses have no body by definition.
bool StatusAllowsBody(int status) { return status >= 200 && status != 204 && status != 304; }

void AppendField(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ").append(value).append("\r\n");
}

// The status line and header block of a response whose body is `body_size` bytes, into `out`
// (cleared): what Beast writes for it, without Beast's field container, which allocated per
// header and whose buffer sequences cost more than the rest of a small request's framing
// (measured: docs/BENCHMARKS.md, HTTP). Headers carrying CR or LF are dropped (CopyHeaders).
void WriteHead(std::string& out, const Response& response, std::size_t body_size, bool keep_alive) {
  out.clear();
  char number[24];
  const auto text = [&number](auto value) {
    return std::string_view(number, std::to_chars(number, number + sizeof number, value).ptr);
  };
  out.append("HTTP/1.1 ").append(text(response.status)).append(" ");
  out.append(bhttp::obsolete_reason(static_cast<bhttp::status>(response.status))).append("\r\n");
  AppendField(out, "Content-Type", response.content_type);
  for (const auto& [name, value] : response.headers) {
    if (!HasLineBreak(name) && !HasLineBreak(value)) AppendField(out, name, value);
  }
  if (StatusAllowsBody(response.status)) {
    AppendField(out, "Content-Length", text(body_size));
  }
  if (!keep_alive) AppendField(out, "Connection", "close");
  out.append("\r\n");
}

// One accepted socket; touched only on its strand.
struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}

  beast::tcp_stream stream;
  std::string remote_ip;
  std::string head;  // the response head being written, its capacity kept between requests
  bool idle = true;  // waiting for (the headers of) a request: Stop() may close it
};

// What was sent, for the access log and metrics.
struct Sent {
  bool ok = false;
  std::size_t bytes = 0;
};

thread_local const void* current_server = nullptr;  // set on the server's own threads

int ThreadCount(const ServerOptions& options) {
  return std::max(1, std::max(0, options.io_threads) + std::max(0, options.worker_threads));
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions server_options, Handler request_handler)
      : options(std::move(server_options)),
        handler(std::move(request_handler)),
        ioc(ThreadCount(options)),
        acceptor(asio::make_strand(ioc)),
        signals(ioc) {}

  asio::awaitable<void> Accept();
  asio::awaitable<void> Serve(std::shared_ptr<Connection> connection);
  asio::awaitable<void> Close(Connection& connection);
  asio::awaitable<bool> AwaitNextRequest(Connection& connection, beast::flat_buffer& buffer);
  asio::awaitable<bool> HandleOne(Connection& connection, beast::flat_buffer& buffer,
                                  RequestParser& parser);
  asio::awaitable<bool> ReadBody(Connection& connection, beast::flat_buffer& buffer,
                                 RequestParser& parser, Request& request, Clock::time_point start);
  std::optional<std::string> NextChunk(Response& response, const std::string& id);
  asio::awaitable<Sent> Send(Connection& connection, const Request& request, Response& response,
                             bool keep_alive);
  asio::awaitable<Sent> SendStream(Connection& connection, const Request& request,
                                   Response& response, bhttp::response<bhttp::empty_body> message);
  asio::awaitable<bool> Finish(Connection& connection, const Request& request, Response response,
                               bool keep_alive, Clock::time_point start);
  std::size_t BodyLimitFor(const Request& request) const;
  bool Admit(const std::shared_ptr<Connection>& connection);
  void Release(const std::shared_ptr<Connection>& connection);
  void RequestStop();
  void Join();

  ServerOptions options;
  Handler handler;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};
  std::uint16_t port = 0;

  std::mutex mutex;  // guards connections and the condition below
  std::condition_variable changed;
  std::set<std::shared_ptr<Connection>> connections;
  std::mutex join_mutex;
  bool joined = false;
};

asio::awaitable<void> Server::Impl::Accept() {
  for (;;) {
    asio::any_io_executor strand = asio::make_strand(ioc);
    auto [ec, socket] = co_await acceptor.async_accept(strand, kUseTuple);
    if (stopping || ec == asio::error::operation_aborted) co_return;
    if (ec) {  // e.g. out of file descriptors: back off instead of spinning
      asio::steady_timer timer(acceptor.get_executor(), kAcceptRetryDelay);
      co_await timer.async_wait(kUseTuple);
      continue;
    }
    auto connection = std::make_shared<Connection>(std::move(socket));
    if (!Admit(connection)) continue;  // closed by dropping the last reference
    beast::error_code endpoint_ec;
    connection->remote_ip =
        connection->stream.socket().remote_endpoint(endpoint_ec).address().to_string();
    asio::co_spawn(strand, Serve(connection),
                   [this, connection](const std::exception_ptr&) { Release(connection); });
  }
}

asio::awaitable<void> Server::Impl::Serve(std::shared_ptr<Connection> connection) {
  beast::flat_buffer buffer;
  for (bool first = true;; first = false) {
    connection->idle = true;
    if (stopping) break;
    if (!first && buffer.size() == 0 && !co_await AwaitNextRequest(*connection, buffer)) break;
    RequestParser parser;
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    parser.body_limit(boost::none);  // decided from the headers, see HandleOne
    connection->stream.expires_after(options.header_timeout);
    auto [ec, bytes] =
        co_await bhttp::async_read_header(connection->stream, buffer, parser, kUseTuple);
    connection->idle = false;
    if (ec && IsDisconnect(ec)) break;
    if (ec) {
      Request request;
      request.remote_ip = connection->remote_ip;
      request.request_id = NewRequestId();
      co_await Finish(*connection, request,
                      ErrorResponse(core::Error::BadRequest("malformed HTTP request")), false,
                      Clock::now());
      break;
    }
    if (!co_await HandleOne(*connection, buffer, parser)) break;
  }
  co_await Close(*connection);
}

// Lingering close: after our FIN, unread request bytes (say, a refused 64 MiB body) are
// discarded for a moment, so that the kernel does not answer them with a reset that could
// destroy the error response before the client has read it.
asio::awaitable<void> Server::Impl::Close(Connection& connection) {
  beast::error_code ec;
  connection.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  connection.stream.expires_after(kLingerTime);
  char discard[kIdleReadSize];
  while (!ec) {
    std::tie(ec, std::ignore) =
        co_await connection.stream.async_read_some(asio::buffer(discard), kUseTuple);
  }
  connection.stream.close();
}

// Waits up to the idle timeout for the first byte of the next request on a kept-alive
// connection; the header timeout then runs from that byte.
asio::awaitable<bool> Server::Impl::AwaitNextRequest(Connection& connection,
                                                     beast::flat_buffer& buffer) {
  connection.stream.expires_after(options.idle_timeout);
  auto [ec, bytes] =
      co_await connection.stream.async_read_some(buffer.prepare(kIdleReadSize), kUseTuple);
  if (ec) co_return false;
  buffer.commit(bytes);
  co_return true;
}

asio::awaitable<bool> Server::Impl::HandleOne(Connection& connection, beast::flat_buffer& buffer,
                                              RequestParser& parser) {
  const Clock::time_point start = Clock::now();
  Request request = StartRequest(parser.get(), connection.remote_ip);
  if (auto decoded = DecodeTarget(request.target, request); !decoded) {
    co_await Finish(connection, request, ErrorResponse(decoded.error()), false, start);
    co_return false;
  }
  // A request without a body (most GETs) needs no route lookup for its limit.
  const std::size_t limit = parser.is_done() ? options.body_limit : BodyLimitFor(request);
  if (auto length = parser.content_length(); length && *length > limit) {
    co_await Finish(connection, request, PayloadTooLargeResponse(limit), false, start);
    co_return false;
  }
  parser.body_limit(limit);
  if (!co_await ReadBody(connection, buffer, parser, request, start)) co_return false;
  // The handler runs right here, on this I/O thread: it may block on the database, which holds
  // up only this connection while the other threads serve the rest (measured: handing every
  // request to a separate pool cost two context switches each, docs/BENCHMARKS.md).
  Response response = CallHandler(handler, request);
  const bool keep_alive = parser.get().keep_alive() && !stopping;
  co_return co_await Finish(connection, request, std::move(response), keep_alive, start);
}

// Reads the body into request.body; answers and returns false when the connection must close.
asio::awaitable<bool> Server::Impl::ReadBody(Connection& connection, beast::flat_buffer& buffer,
                                             RequestParser& parser, Request& request,
                                             Clock::time_point start) {
  if (!parser.is_done()) {
    connection.stream.expires_after(options.body_timeout);
    if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
      auto [ec, bytes] =
          co_await asio::async_write(connection.stream, asio::buffer(kContinue), kUseTuple);
      if (ec) co_return false;
    }
    auto [ec, bytes] = co_await bhttp::async_read(connection.stream, buffer, parser, kUseTuple);
    if (ec && IsDisconnect(ec)) co_return false;
    if (ec) {
      std::string message =
          ec == bhttp::error::body_limit
              ? fmt::format("request body exceeds {} bytes", BodyLimitFor(request))
              : "malformed request body";
      co_await Finish(connection, request, ErrorResponse(core::Error::BadRequest(message)), false,
                      start);
      co_return false;
    }
  }
  request.body = std::move(parser.get().body());
  co_return true;
}

std::size_t Server::Impl::BodyLimitFor(const Request& request) const {
  const bool large =
      options.allows_large_body && options.allows_large_body(request.method, request.path);
  return large ? options.large_body_limit : options.body_limit;
}

std::optional<std::string> Server::Impl::NextChunk(Response& response, const std::string& id) {
  try {
    return response.stream();
  } catch (const std::exception& e) {
    spdlog::error("request {} stream failed: {}", id, e.what());
  } catch (...) {
    spdlog::error("request {} stream failed: unknown exception", id);
  }
  throw std::runtime_error("response stream failed");  // the caller drops the connection
}

// Completes one exchange: headers, write, access log and metrics. Returns whether the
// connection may serve another request.
asio::awaitable<bool> Server::Impl::Finish(Connection& connection, const Request& request,
                                           Response response, bool keep_alive,
                                           Clock::time_point start) {
  FinishResponse(response, request, options.tls);
  const Sent sent = co_await Send(connection, request, response, keep_alive);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  LogExchange(request, response.status, sent.bytes, seconds);
  if (options.metrics) {
    options.metrics->Observe(request.method, response.route.empty() ? "unmatched" : response.route,
                             response.status, seconds);
  }
  co_return sent.ok&& keep_alive;
}

asio::awaitable<Sent> Server::Impl::Send(Connection& connection, const Request& request,
                                         Response& response, bool keep_alive) {
  const bool head_only = request.method == "HEAD";
  connection.stream.expires_after(options.write_timeout);
  if (response.stream) {
    bhttp::response<bhttp::empty_body> message;
    CopyHeaders(response, message);
    message.keep_alive(keep_alive);
    message.chunked(true);
    co_return co_await SendStream(connection, request, response, std::move(message));
  }
  if (!StatusAllowsBody(response.status)) response.body.clear();
  WriteHead(connection.head, response, response.body.size(), keep_alive);
  const std::array<asio::const_buffer, 2> buffers{asio::buffer(connection.head),
                                                  asio::buffer(response.body)};
  auto [ec, bytes] = head_only ? co_await asio::async_write(
                                     connection.stream, asio::buffer(connection.head), kUseTuple)
                               : co_await asio::async_write(connection.stream, buffers, kUseTuple);
  co_return Sent{!ec, head_only ? 0 : response.body.size()};
}

asio::awaitable<Sent> Server::Impl::SendStream(Connection& connection, const Request& request,
                                               Response& response,
                                               bhttp::response<bhttp::empty_body> message) {
  bhttp::response_serializer<bhttp::empty_body> serializer(message);
  auto [ec, header_bytes] =
      co_await bhttp::async_write_header(connection.stream, serializer, kUseTuple);
  Sent sent{!ec, 0};
  while (sent.ok && request.method != "HEAD") {
    std::optional<std::string> chunk;
    try {
      chunk = NextChunk(response, request.request_id);
    } catch (const std::exception&) {
      co_return Sent{false, sent.bytes};  // no terminating chunk: the client sees truncation
    }
    connection.stream.expires_after(options.write_timeout);
    if (!chunk) {
      auto [last_ec, n] =
          co_await asio::async_write(connection.stream, bhttp::make_chunk_last(), kUseTuple);
      co_return Sent{!last_ec, sent.bytes};
    }
    if (chunk->empty()) continue;  // an empty chunk would end the body
    auto [chunk_ec, n] = co_await asio::async_write(
        connection.stream, bhttp::make_chunk(asio::buffer(*chunk)), kUseTuple);
    sent = Sent{!chunk_ec, sent.bytes + chunk->size()};
  }
  co_return sent;
}

bool Server::Impl::Admit(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(mutex);
  if (stopping || connections.size() >= options.max_connections) return false;
  connections.insert(connection);
  return true;
}

void Server::Impl::Release(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(mutex);
  connections.erase(connection);
  changed.notify_all();
}

// Stops accepting and closes idle connections; busy ones close after their response.
void Server::Impl::RequestStop() {
  std::lock_guard lock(mutex);
  if (stopping.exchange(true)) return;
  asio::post(acceptor.get_executor(), [this] {
    beast::error_code ignored;
    acceptor.close(ignored);
  });
  for (const auto& connection : connections) {
    asio::post(connection->stream.get_executor(), [connection] {
      if (connection->idle) connection->stream.cancel();
    });
  }
  changed.notify_all();
}

void Server::Impl::Join() {
  std::lock_guard join_lock(join_mutex);
  if (joined) return;
  joined = true;
  {
    std::unique_lock lock(mutex);
    changed.wait_for(lock, kDrainTimeout, [this] { return connections.empty(); });
  }
  ioc.stop();
  for (std::thread& thread : threads) thread.join();
  connections.clear();
}

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() {
  try {
    Stop();
  } catch (const std::exception& e) {  // a destructor must not throw; joining can only fail here
    spdlog::error("server stop failed: {}", e.what());
  }
}

std::uint16_t Server::Start() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.address, ec);
  const tcp::endpoint endpoint(address, impl_->options.port);
  tcp::acceptor& acceptor = impl_->acceptor;
  if (!ec) acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::system_error(
        ec, fmt::format("listen on {}:{}", impl_->options.address, impl_->options.port));
  }
  impl_->port = acceptor.local_endpoint().port();
  asio::co_spawn(acceptor.get_executor(), impl_->Accept(), asio::detached);
  for (int i = 0; i < ThreadCount(impl_->options); ++i) {
    impl_->threads.emplace_back([impl = impl_.get()] {
      current_server = impl;
      impl->ioc.run();
    });
  }
  return impl_->port;
}

std::uint16_t Server::port() const { return impl_->port; }

void Server::Wait(bool handle_signals) {
  if (handle_signals) {
    impl_->signals.add(SIGINT);
    impl_->signals.add(SIGTERM);
    impl_->signals.async_wait([impl = impl_.get()](const beast::error_code& ec, int) {
      if (!ec) impl->RequestStop();
    });
  }
  {
    std::unique_lock lock(impl_->mutex);
    impl_->changed.wait(lock, [this] { return impl_->stopping.load(); });
  }
  impl_->Join();
}

void Server::Stop() {
  impl_->RequestStop();
  // On the server's own threads (a signal, a handler) joining would deadlock: Wait() or the
  // destructor joins instead.
  if (current_server != impl_.get()) impl_->Join();
}

}  // namespace lianyin::http
