#pragma once
// Files people download (internal to the handlers): their names and Content-Disposition.

#include <string>

namespace lianyin::http::handlers {

// A download's names: people see `name` (UTF-8), old clients the ASCII `fallback`.
struct FileName {
  std::string name;
  std::string fallback;
};

// RFC 6266 with the RFC 5987 extended value: attachment; filename="a.xlsx"; filename*=UTF-8''…
std::string Disposition(const FileName& file);

}  // namespace lianyin::http::handlers
