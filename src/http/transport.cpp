#include "http/transport.hpp"

#include <fmt/format.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <cctype>
#include <cerrno>
#include <exception>
#include <mutex>
#include <random>

#include "http/error_mapping.hpp"
#include "http/security_headers.hpp"

namespace lianyin::http {
namespace {

// Access-log lines on standard output, written in blocks: a console sink writes and flushes
// every line, one system call per request (measured: docs/BENCHMARKS.md). Lines reach the
// output when 16 KiB have gathered, at the once-a-second flush, or at exit.
class BufferedStdoutSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  ~BufferedStdoutSink() override { WriteOut(); }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    formatter_->format(msg, buffer_);
    if (buffer_.size() >= kBlock) WriteOut();
  }
  void flush_() override { WriteOut(); }

 private:
  static constexpr std::size_t kBlock = 16 << 10;
  void WriteOut() {
    const char* data = buffer_.data();
    std::size_t left = buffer_.size();
    while (left > 0) {
      const ssize_t n = ::write(STDOUT_FILENO, data, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // nowhere to write: the lines are dropped, the server goes on
      data += n;
      left -= static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }
  spdlog::memory_buf_t buffer_;
};

std::shared_ptr<spdlog::logger> AccessLogger() {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  if (auto logger = spdlog::get("access")) return logger;
  auto logger = std::make_shared<spdlog::logger>("access", std::make_shared<BufferedStdoutSink>());
  spdlog::register_logger(logger);
  spdlog::flush_every(std::chrono::seconds(1));
  return logger;
}

std::string ConvertCase(std::string_view text, int (*convert)(int)) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(convert(static_cast<unsigned char>(c)));
  return result;
}

}  // namespace

std::string LowerCase(std::string_view text) { return ConvertCase(text, std::tolower); }
std::string UpperCase(std::string_view text) { return ConvertCase(text, std::toupper); }

bool IsValidRequestId(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

std::string NewRequestId() {
  // Ids correlate logs; they are not secrets, so a per-thread PRNG seeded once is enough.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return fmt::format("{:016x}", generator());
}

std::string ChooseRequestId(std::optional<std::string_view> incoming) {
  if (incoming && IsValidRequestId(*incoming)) return std::string(*incoming);
  return NewRequestId();
}

core::Result<void> DecodeTarget(std::string_view target, Request& request) {
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return core::Error::BadRequest("malformed request target");
  std::string path = url->encoded_path().decode();
  if (path.find('\0') != std::string::npos) {
    return core::Error::BadRequest("request path contains NUL");
  }
  request.path = std::move(path);
  request.query.clear();
  for (const auto& param : url->params()) {
    request.query.emplace_back(param.key, param.value);
  }
  return {};
}

void FinishResponse(Response& response, const Request& request, bool tls) {
  response.SetHeader("X-Request-Id", request.request_id);
  LocaliseError(response, request.Header("accept-language").value_or(""));
  ApplySecurityHeaders(response, tls);
  ApplyApiCacheControl(response, request.path);
}

Response CallHandler(const Handler& handler, Request& request) {
  try {
    return handler(request);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path,
                  e.what());
  } catch (...) {
    spdlog::error("request {} {} {} failed: unknown exception", request.request_id, request.method,
                  request.path);
  }
  return InternalErrorResponse();
}

Response PayloadTooLargeResponse(std::size_t limit) {
  return ErrorResponse(core::Error{
      core::ErrorCode::kPayloadTooLarge, fmt::format("request body exceeds {} bytes", limit), {}});
}

void LogExchange(const Request& request, int status, std::size_t bytes, double seconds) {
  static const std::shared_ptr<spdlog::logger> logger = AccessLogger();
  logger->info("{} {} {} {} {}B {:.1f}ms id={}", request.remote_ip,
               request.method.empty() ? "-" : request.method,
               request.path.empty() ? "-" : request.path, status, bytes, seconds * 1000,
               request.request_id);
}

}  // namespace lianyin::http
