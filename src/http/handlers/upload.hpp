#pragma once
// Uploaded tables (internal to the handlers): the imports' CSV or XLSX files.

#include <string>
#include <vector>

#include "core/error.hpp"
#include "http/message.hpp"

namespace lianyin::http::handlers {

// The uploaded table as rows of text: the raw body (text/csv or the XLSX media type, else
// sniffed), or the `file` part of multipart/form-data. 400 for an undecodable file.
core::Result<std::vector<std::vector<std::string>>> ReadUploadedTable(const Request& request);

}  // namespace lianyin::http::handlers
