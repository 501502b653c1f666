#include "tabular/multipart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

namespace lianyin::tabular {
namespace {

using Parameters = std::map<std::string, std::string, std::less<>>;

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Reads a quoted-string starting at text[pos] == '"', advancing pos past the closing quote.
std::optional<std::string> QuotedString(std::string_view text, std::size_t& pos) {
  std::string value;
  for (++pos; pos < text.size(); ++pos) {
    if (text[pos] == '"') {
      ++pos;
      return value;
    }
    if (text[pos] == '\\' && pos + 1 < text.size()) ++pos;
    value.push_back(text[pos]);
  }
  return std::nullopt;
}

// "type; a=1; b=\"x;y\"" → the type (lower case) and {a: 1, b: x;y}, names lower-cased.
std::optional<std::pair<std::string, Parameters>> ParseHeaderValue(std::string_view text) {
  std::size_t pos = std::min(text.find(';'), text.size());
  std::pair<std::string, Parameters> result{Lower(Trim(text.substr(0, pos))), {}};
  while (pos < text.size()) {
    ++pos;  // the ';'
    const std::size_t equals = text.find('=', pos);
    if (equals == std::string_view::npos) break;
    std::string key = Lower(Trim(text.substr(pos, equals - pos)));
    pos = equals + 1;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    std::string value;
    if (pos < text.size() && text[pos] == '"') {
      std::optional<std::string> quoted = QuotedString(text, pos);
      if (!quoted) return std::nullopt;
      value = std::move(*quoted);
    }
    const std::size_t end = std::min(text.find(';', pos), text.size());
    if (value.empty()) value = std::string(Trim(text.substr(pos, end - pos)));
    result.second.emplace(std::move(key), std::move(value));
    pos = end;
  }
  return result;
}

core::Error Malformed(std::string_view what) {
  return core::Error::BadRequest(fmt::format("malformed multipart/form-data: {}", what));
}

// Fills `part` from a header block ("Name: value" lines) and returns its form field name.
core::Result<std::string> ReadPartHeaders(std::string_view headers, Part& part) {
  std::optional<std::string> field_name;
  part.content_type = "text/plain";
  while (!headers.empty()) {
    const std::size_t end = std::min(headers.find("\r\n"), headers.size());
    const std::string_view line = headers.substr(0, end);
    headers.remove_prefix(std::min(end + 2, headers.size()));
    if (line.empty()) continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return Malformed("a part header has no colon");
    const std::string header = Lower(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (header == "content-type") {
      part.content_type = std::string(value);
    } else if (header == "content-disposition") {
      const auto parsed = ParseHeaderValue(value);
      if (!parsed || parsed->first != "form-data") return Malformed("bad Content-Disposition");
      const auto name = parsed->second.find("name");
      if (name != parsed->second.end()) field_name = name->second;
      const auto filename = parsed->second.find("filename");
      if (filename != parsed->second.end()) part.filename = filename->second;
    }
  }
  if (!field_name) return Malformed("a part has no Content-Disposition name");
  return *field_name;
}

core::Result<std::string> Boundary(std::string_view content_type_header) {
  const auto parsed = ParseHeaderValue(content_type_header);
  if (!parsed || parsed->first != "multipart/form-data") {
    return core::Error::BadRequest("expected a multipart/form-data body");
  }
  const auto boundary = parsed->second.find("boundary");
  if (boundary == parsed->second.end() || boundary->second.empty() ||
      boundary->second.size() > 70) {
    return Malformed("missing or invalid boundary");
  }
  return boundary->second;
}

// Where the first part starts, just after the first delimiter: the delimiter may open the body
// (without the CRLF before it) or follow a preamble. npos if there is none.
std::size_t FirstPartStart(std::string_view body, std::string_view delimiter) {
  const std::string_view dash_boundary = delimiter.substr(2);
  if (body.starts_with(dash_boundary)) return dash_boundary.size();
  const std::size_t pos = body.find(delimiter);
  return pos == std::string_view::npos ? pos : pos + delimiter.size();
}

}  // namespace

core::Result<Part> FindPart(std::string_view body, std::string_view content_type_header,
                            std::string_view name, MultipartLimits limits) {
  core::Result<std::string> boundary = Boundary(content_type_header);
  if (!boundary) return boundary.error();
  const std::string delimiter = "\r\n--" + *boundary;
  std::size_t pos = FirstPartStart(body, delimiter);
  if (pos == std::string_view::npos) return Malformed("no boundary delimiter");
  for (std::size_t parts = 0; parts < limits.max_parts; ++parts) {
    if (body.substr(pos, 2) == "--") break;  // the close delimiter
    const std::size_t line_end = body.find("\r\n", pos);
    if (line_end == std::string_view::npos || !Trim(body.substr(pos, line_end - pos)).empty()) {
      return Malformed("bad delimiter line");
    }
    // Searched only within the header limit, so a huge part without headers costs nothing.
    std::size_t headers_end = body.substr(line_end, limits.max_header_bytes + 4).find("\r\n\r\n");
    if (headers_end == std::string_view::npos) {
      return Malformed("part headers are missing or too long");
    }
    headers_end += line_end;
    Part part;
    const std::string_view headers = body.substr(line_end, headers_end + 2 - line_end);
    core::Result<std::string> field = ReadPartHeaders(headers, part);
    if (!field) return field.error();
    const std::size_t data_start = headers_end + 4;
    const std::size_t data_end = body.find(delimiter, data_start);
    if (data_end == std::string_view::npos) return Malformed("a part is not closed");
    if (*field == name) {
      part.data = body.substr(data_start, data_end - data_start);
      return part;
    }
    pos = data_end + delimiter.size();
  }
  if (body.substr(pos, 2) != "--") return Malformed("too many parts");
  return core::Error::BadRequest(fmt::format("the form has no \"{}\" part", name));
}

}  // namespace lianyin::tabular
