#include "http/transport.hpp"

#include <algorithm>
#include <random>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <fmt/format.h>

#include "http/security_headers.hpp"

namespace lianyin::http {

bool IsValidRequestId(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '-';
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
  ApplySecurityHeaders(response, tls);
  ApplyApiCacheControl(response, request.path);
}

}  // namespace lianyin::http
