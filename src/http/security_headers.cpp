#include "http/security_headers.hpp"

#include <algorithm>
#include <cctype>

namespace lianyin::http {
namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
constexpr std::string_view kHsts = "max-age=31536000; includeSubDomains";

bool HasHeader(const Response& response, std::string_view lower_name) {
  return std::any_of(response.headers.begin(), response.headers.end(), [&](const auto& header) {
    return std::equal(
        header.first.begin(), header.first.end(), lower_name.begin(), lower_name.end(),
        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  });
}

bool IsApiPath(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

}  // namespace

void ApplySecurityHeaders(Response& response, bool tls) {
  response.SetHeader("Content-Security-Policy", std::string(kContentSecurityPolicy));
  response.SetHeader("X-Content-Type-Options", "nosniff");
  response.SetHeader("Referrer-Policy", "same-origin");
  response.SetHeader("X-Frame-Options", "DENY");
  if (tls) response.SetHeader("Strict-Transport-Security", std::string(kHsts));
}

void ApplyApiCacheControl(Response& response, std::string_view request_path) {
  if (IsApiPath(request_path) && !HasHeader(response, "cache-control")) {
    response.SetHeader("Cache-Control", "no-store");
  }
}

}  // namespace lianyin::http
