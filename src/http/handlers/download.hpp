#pragma once
// Files people download (internal to the handlers): their names and Content-Disposition.

#include <string>

#include "http/message.hpp"

namespace lianyin::http::handlers {

inline constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kCsvType = "text/csv; charset=utf-8";

// "_20261201": today in Asia/Shanghai, for dated file names.
std::string DateSuffix();

// A download's names: people see `name` (UTF-8), old clients the ASCII `fallback`.
struct FileName {
  std::string name;
  std::string fallback;
};

// RFC 6266 with the RFC 5987 extended value: attachment; filename="a.xlsx"; filename*=UTF-8''…
std::string Disposition(const FileName& file);

// A download: `body` of media type `type`, attached as `name`.
Response FileResponse(std::string body, const std::string& type, const FileName& name);

}  // namespace lianyin::http::handlers
