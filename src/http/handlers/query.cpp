#include "http/handlers/query.hpp"

#include <fmt/format.h>

#include <charconv>

#include "core/mask.hpp"

namespace lianyin::http::handlers {

std::optional<std::int64_t> QueryId(const Request& request, std::string_view name,
                                    std::vector<core::FieldError>& errors) {
  auto raw = request.Query(name);
  if (!raw) return std::nullopt;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), id);
  if (ec != std::errc() || end != raw->data() + raw->size() || id < 1) {
    errors.push_back({std::string(name), "must be a positive integer", {}});
    return std::nullopt;
  }
  return id;
}

std::optional<bool> QueryBool(const Request& request, std::string_view name,
                              std::vector<core::FieldError>& errors) {
  auto raw = request.Query(name);
  if (!raw) return std::nullopt;
  if (*raw == "true") return true;
  if (*raw == "false") return false;
  errors.push_back({std::string(name), "must be true or false", {}});
  return std::nullopt;
}

std::optional<std::string> QueryText(const Request& request, std::string_view name) {
  auto raw = request.Query(name);
  if (!raw) return std::nullopt;
  return std::string(*raw);
}

std::optional<std::string> QueryText(const Request& request, std::string_view name,
                                     std::size_t max_chars, std::vector<core::FieldError>& errors) {
  auto text = QueryText(request, name);
  if (!text) return std::nullopt;
  const auto length = core::CodepointCount(*text);
  if (!length || *length > max_chars) {
    errors.push_back(
        {std::string(name), fmt::format("must be at most {} characters", max_chars), {}});
    return std::nullopt;
  }
  return text;
}

}  // namespace lianyin::http::handlers
