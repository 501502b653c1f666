#include "http/static_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>
#include <system_error>
#include <utility>

#include "http/error_mapping.hpp"

namespace lianyin::http {
namespace fs = std::filesystem;
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kMimeTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".ico", "image/x-icon"},
    {".woff", "font/woff"},
    {".woff2", "font/woff2"},
    {".ttf", "font/ttf"},
    {".map", "application/json"},
    {".txt", "text/plain; charset=utf-8"},
    {".wasm", "application/wasm"},
}};

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

std::string_view MimeType(const fs::path& file) {
  const std::string extension = file.extension().string();
  for (const auto& [known, type] : kMimeTypes) {
    if (extension == known) return type;
  }
  return "application/octet-stream";
}

bool IsStaticRequest(const Request& request) {
  if (request.method != "GET" && request.method != "HEAD") return false;
  const std::string_view path = request.path;
  return !(path == "/api" || path.starts_with("/api/") || path == "/metrics");
}

// The path's segments are plain names: no "..", ".", backslash or NUL.
bool IsSafePath(std::string_view path) {
  if (path.empty() || path.front() != '/' ||
      path.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos) {
    return false;
  }
  std::istringstream segments{std::string(path.substr(1))};
  for (std::string segment; std::getline(segments, segment, '/');) {
    if (segment == ".." || segment == ".") return false;
  }
  return true;
}

// `file` (symlinks resolved) if it is a regular file inside `root`, which is canonical.
std::optional<fs::path> ResolveInside(const fs::path& root, const fs::path& file) {
  std::error_code ec;
  fs::path resolved = fs::canonical(file, ec);
  if (ec || !fs::is_regular_file(resolved, ec)) return std::nullopt;
  auto [root_end, ignored] =
      std::mismatch(root.begin(), root.end(), resolved.begin(), resolved.end());
  if (root_end != root.end()) return std::nullopt;
  return resolved;
}

// Whether Accept-Encoding lists `coding` (or "*") with a non-zero quality.
bool AcceptsEncoding(const Request& request, std::string_view coding) {
  std::istringstream items{std::string(request.Header("accept-encoding").value_or(""))};
  for (std::string item; std::getline(items, item, ',');) {
    item.erase(0, item.find_first_not_of(' '));
    const std::size_t semicolon = item.find(';');
    std::string name = item.substr(0, semicolon);
    name.erase(name.find_last_not_of(' ') + 1);
    const std::size_t q = item.find("q=", semicolon == std::string::npos ? item.size() : semicolon);
    const double quality =
        q == std::string::npos ? 1.0 : std::strtod(item.c_str() + q + 2, nullptr);
    if ((name == coding || name == "*") && quality > 0) return true;
  }
  return false;
}

std::string ETag(const fs::path& file, std::string_view variant) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  const auto mtime = fs::last_write_time(file, ec).time_since_epoch().count();
  return fmt::format("\"{:x}-{:x}{}\"", size, mtime, variant);
}

bool MatchesETag(const Request& request, std::string_view etag) {
  std::string_view header = request.Header("if-none-match").value_or("");
  if (header.find('*') != std::string_view::npos) return true;
  return header.find(etag) != std::string_view::npos;  // also matches the weak form W/"…"
}

std::optional<std::string> ReadFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : -1;
  if (size < 0) return std::nullopt;
  std::string data(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(data.data(), size)) return std::nullopt;
  return data;
}

struct Variant {
  fs::path file;
  std::string_view encoding;  // "" for the identity file
};

// The best precompressed sibling the client accepts; whether any sibling exists (for Vary).
std::pair<Variant, bool> ChooseVariant(const fs::path& root, const fs::path& file,
                                       const Request& request) {
  Variant chosen{file, ""};
  bool has_siblings = false;
  for (auto [suffix, encoding] :
       {std::pair<std::string_view, std::string_view>{".br", "br"}, {".gz", "gzip"}}) {
    auto sibling = ResolveInside(root, fs::path(file).concat(suffix));
    if (!sibling) continue;
    has_siblings = true;
    if (chosen.encoding.empty() && AcceptsEncoding(request, encoding))
      chosen = {*sibling, encoding};
  }
  return {chosen, has_siblings};
}

// `immutable`: a content-hashed asset that never changes under its name.
Response FileResponse(const fs::path& root, const fs::path& file, const Request& request,
                      bool immutable) {
  auto [variant, has_siblings] = ChooseVariant(root, file, request);
  Response response;
  response.route = "static";
  response.content_type = std::string(MimeType(file));
  response.SetHeader("Cache-Control", std::string(immutable ? kImmutable : "no-cache"));
  const std::string etag =
      ETag(variant.file, variant.encoding.empty() ? "" : "-" + std::string(variant.encoding));
  response.SetHeader("ETag", etag);
  if (has_siblings) response.SetHeader("Vary", "Accept-Encoding");
  if (MatchesETag(request, etag)) {
    response.status = 304;
    return response;
  }
  std::optional<std::string> body = ReadFile(variant.file);
  if (!body) return ErrorResponse(core::Error::NotFound());
  if (!variant.encoding.empty()) {
    response.SetHeader("Content-Encoding", std::string(variant.encoding));
  }
  response.body = std::move(*body);
  return response;
}

}  // namespace

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
  if (!IsStaticRequest(request)) return std::nullopt;
  std::error_code ec;
  const fs::path root = fs::canonical(root_, ec);
  if (ec) return std::nullopt;
  const std::optional<fs::path> index = ResolveInside(root, root / "index.html");
  if (!index) return std::nullopt;
  if (!IsSafePath(request.path)) return ErrorResponse(core::Error::NotFound());
  std::string relative = request.path.substr(1);
  // A directory path ("/m/") is a client-side route unless the directory has its own index.
  const bool directory = relative.empty() || relative.back() == '/';
  if (directory) relative += "index.html";
  if (auto file = ResolveInside(root, root / relative)) {
    return FileResponse(root, *file, request, request.path.starts_with("/assets/"));
  }
  if (directory || fs::path(relative).extension().empty()) {
    return FileResponse(root, *index, request, false);
  }
  return ErrorResponse(core::Error::NotFound());
}

}  // namespace lianyin::http
