#pragma once
// Transport-neutral HTTP request and response. The server (the only Beast code) fills a Request
// and writes a Response; everything else in http/ works on these plain types and is unit-tested
// without sockets.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lianyin::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // upper-case token: "GET", "POST", ...
  std::string target;  // as received: "/api/v1/orgs?q=%E5%B7%A5"
  std::string path;    // percent-decoded path without the query: "/api/v1/orgs"
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order; '+' is a space
  HeaderList headers;  // names lower-cased
  std::string body;
  std::string remote_ip;
  std::string request_id;  // assigned by the server; echoed as X-Request-Id

  // First header / query value with that (lower-case) name, or nullopt.
  std::optional<std::string_view> Header(std::string_view lower_name) const;
  // Query parameter; an empty value counts as absent (SPEC §3).
  std::optional<std::string_view> Query(std::string_view name) const;
  // Value of one cookie from the Cookie header.
  std::optional<std::string> Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  HeaderList headers;  // besides Content-Type / Content-Length, which the server sets
  std::string content_type = "application/json";
  std::string body;
  // When set, the server sends the body with chunked encoding, calling `stream` until it returns
  // nullopt (for large exports). `body` is then ignored.
  std::function<std::optional<std::string>()> stream;
  // Route pattern that produced this response ("/api/v1/orgs/{id}"), for metrics and logs.
  std::string route;

  void SetHeader(std::string name, std::string value);
};

}  // namespace lianyin::http
