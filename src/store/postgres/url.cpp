#include "store/postgres/url.hpp"

namespace lianyin::store::postgres {
namespace {

// Drops "password=..." from the query string, if any.
std::string RedactQuery(std::string_view query) {
  std::string out;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view param = query.substr(start, end - start);
    if (!param.starts_with("password=") && !param.empty()) {
      if (!out.empty()) out += '&';
      out.append(param);
    }
    start = end + 1;
  }
  return out;
}

bool HasParam(std::string_view url, std::string_view name) {
  const std::size_t query = url.find('?');
  if (query == std::string_view::npos) return false;
  std::string_view rest = url.substr(query + 1);
  while (!rest.empty()) {
    const std::size_t end = rest.find('&');
    const std::string_view param = rest.substr(0, end);
    if (param.starts_with(name) && param.size() > name.size() && param[name.size()] == '=') {
      return true;
    }
    if (end == std::string_view::npos) break;
    rest = rest.substr(end + 1);
  }
  return false;
}

}  // namespace

std::string WithConnectionDefaults(std::string_view url, int connect_timeout_s) {
  std::string out(url);
  const auto add = [&](std::string_view name, const std::string& value) {
    if (HasParam(url, name)) return;
    out += out.find('?') == std::string::npos ? '?' : '&';
    out.append(name);
    out += '=';
    out += value;
  };
  add("connect_timeout", std::to_string(connect_timeout_s));
  add("target_session_attrs", "read-write");
  return out;
}

std::string RedactPassword(std::string_view url) {
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  std::size_t authority = scheme_end + 3;
  std::size_t path = url.find_first_of("/?", authority);
  if (path == std::string_view::npos) path = url.size();
  std::size_t at = url.rfind('@', path);
  std::string out(url.substr(0, authority));
  if (at != std::string_view::npos && at >= authority) {
    std::string_view userinfo = url.substr(authority, at - authority);
    out.append(userinfo.substr(0, userinfo.find(':')));
    out += '@';
    authority = at + 1;
  }
  std::size_t query = url.find('?', authority);
  if (query == std::string_view::npos) {
    out.append(url.substr(authority));
    return out;
  }
  out.append(url.substr(authority, query - authority));
  std::string kept = RedactQuery(url.substr(query + 1));
  if (!kept.empty()) out += '?' + kept;
  return out;
}

}  // namespace lianyin::store::postgres
