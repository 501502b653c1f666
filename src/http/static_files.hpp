#pragma once
// Serves the built web app (web/dist) for GET/HEAD requests outside /api and /metrics.

#include <filesystem>
#include <optional>

#include "http/message.hpp"

namespace lianyin::http {

// Files are resolved strictly inside `root`: "..", backslashes, NUL and symlinks leading out of
// root answer 404. /assets/* (content-hashed names) are cached for a year, everything else is
// revalidated (ETag from size and mtime; If-None-Match → 304). A sibling `name.br` / `name.gz`
// is served with Content-Encoding when the client accepts it. A path without a file extension, or
// ending in "/", that names no file gets index.html (client-side routes of the single-page app).
// Thread-safe (no mutable state); reads the disk on every call.
class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // A response for a static request, or nullopt when the request is not for static files
  // (another method, /api/…, /metrics) or the web root or its index.html is missing.
  std::optional<Response> Serve(const Request& request) const;

 private:
  std::filesystem::path root_;
};

}  // namespace lianyin::http
