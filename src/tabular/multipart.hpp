#pragma once
// multipart/form-data (RFC 7578) bodies: finding one named part, e.g. the `file` of an import.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace lianyin::tabular {

struct Part {
  std::string_view data;     // the part's bytes, a view into the body
  std::string filename;      // from Content-Disposition; empty if absent
  std::string content_type;  // the part's Content-Type; "text/plain" if absent (RFC 7578 §4.4)
};

struct MultipartLimits {
  std::size_t max_parts = 64;
  std::size_t max_header_bytes = 8 * 1024;  // the header block of one part
};

// Finds the first part whose Content-Disposition is form-data with name `name`.
// `content_type_header` is the request's Content-Type ("multipart/form-data; boundary=...").
// The returned view is valid while `body` is. Errors (Error::BadRequest): a content type that is
// not multipart/form-data or lacks a valid boundary (1-70 characters), a body without the
// delimiter or with a part not closed by one, a part header block over the limit or without
// Content-Disposition, more than max_parts parts, no part named `name`.
core::Result<Part> FindPart(std::string_view body, std::string_view content_type_header,
                            std::string_view name, MultipartLimits limits = {});

}  // namespace lianyin::tabular
