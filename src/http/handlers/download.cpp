#include "http/handlers/download.hpp"

#include <cctype>
#include <string_view>

#include "core/date.hpp"

namespace lianyin::http::handlers {

std::string DateSuffix() {
  std::string date = core::FormatDate(core::LocalDate(core::Now()));
  std::erase(date, '-');
  return "_" + date;
}

std::string Disposition(const FileName& file) {
  static constexpr std::string_view kAttrChars = "!#$&+-.^_`|~";
  std::string encoded;
  for (const unsigned char c : file.name) {
    if (std::isalnum(c) != 0 || kAttrChars.find(static_cast<char>(c)) != std::string_view::npos) {
      encoded += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      encoded += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return "attachment; filename=\"" + file.fallback + "\"; filename*=UTF-8''" + encoded;
}

Response FileResponse(std::string body, const std::string& type, const FileName& name) {
  Response r;
  r.content_type = type;
  r.body = std::move(body);
  r.SetHeader("Content-Disposition", Disposition(name));
  return r;
}

}  // namespace lianyin::http::handlers
