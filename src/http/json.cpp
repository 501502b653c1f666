#include "http/json.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>
#include <limits>

namespace lianyin::http {
namespace {

namespace json = boost::json;

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000, common in CJK input

std::string_view Trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || (s.front() >= '\t' && s.front() <= '\r'))) {
      s.remove_prefix(1);
    } else if (!s.empty() && (s.back() == ' ' || (s.back() >= '\t' && s.back() <= '\r'))) {
      s.remove_suffix(1);
    } else if (s.starts_with(kIdeographicSpace)) {
      s.remove_prefix(kIdeographicSpace.size());
    } else if (s.ends_with(kIdeographicSpace)) {
      s.remove_suffix(kIdeographicSpace.size());
    } else {
      return s;
    }
  }
}

// Code points of valid UTF-8 (Boost.JSON has validated the text): count non-continuation bytes.
std::size_t Utf8Length(std::string_view s) {
  std::size_t count = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool IsDateShape(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

// A decimal query value without sign; nullopt on anything else or overflow.
std::optional<std::int64_t> ParseQueryInt(std::string_view s) {
  std::int64_t value = 0;
  if (s.empty() || s.front() < '0' || s.front() > '9') return std::nullopt;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

void ReadListParam(const Request& request, std::string_view name, std::int64_t max,
                   std::int64_t& out, std::vector<core::FieldError>& errors) {
  std::optional<std::string_view> raw = request.Query(name);
  if (!raw) return;
  std::optional<std::int64_t> value = ParseQueryInt(*raw);
  if (!value) {
    errors.push_back({std::string(name), "must be an integer", std::nullopt});
  } else if (*value < 1 || *value > max) {
    errors.push_back(
        {std::string(name), fmt::format("must be between 1 and {}", max), std::nullopt});
  } else {
    out = *value;
  }
}

}  // namespace

core::Result<json::object> ParseJsonObject(std::string_view body) {
  json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  json::error_code ec;
  json::value value = json::parse(body, ec, {}, options);
  if (ec == json::error::too_deep) {
    return core::Error::BadRequest(
        fmt::format("JSON body is nested deeper than {} levels", kMaxJsonDepth));
  }
  if (ec) return core::Error::BadRequest(fmt::format("malformed JSON body: {}", ec.message()));
  if (!value.is_object()) return core::Error::BadRequest("JSON body must be an object");
  return std::move(value.get_object());
}

Response JsonResponse(int status, const json::value& value) {
  Response response;
  response.status = status;
  response.body = json::serialize(value);
  return response;
}

FieldReader::FieldReader(const json::object& object) : object_(object) {}

const json::value* FieldReader::Find(std::string_view name) const {
  const json::value* value = object_.if_contains(name);
  return value == nullptr || value->is_null() ? nullptr : value;
}

bool FieldReader::Has(std::string_view name) const { return Find(name) != nullptr; }

void FieldReader::Fail(std::string field, std::string message) {
  errors_.push_back({std::move(field), std::move(message), std::nullopt});
}

std::optional<std::string> FieldReader::ReadString(std::string_view name, const json::value& value,
                                                   std::size_t max_chars) {
  if (!value.is_string()) {
    Fail(std::string(name), "must be a string");
    return std::nullopt;
  }
  std::string_view trimmed = Trim(value.get_string());
  if (trimmed.find('\0') != std::string_view::npos) {
    Fail(std::string(name), "must not contain NUL characters");
    return std::nullopt;
  }
  if (Utf8Length(trimmed) > max_chars) {
    Fail(std::string(name), fmt::format("must be at most {} characters", max_chars));
    return std::nullopt;
  }
  return std::string(trimmed);
}

std::optional<std::int64_t> FieldReader::ReadInt64(std::string_view name,
                                                   const json::value& value) {
  if (value.is_int64()) return value.get_int64();
  if (value.is_uint64()) {
    Fail(std::string(name), "is out of range");
  } else {
    Fail(std::string(name), "must be an integer");
  }
  return std::nullopt;
}

std::string FieldReader::String(std::string_view name, std::size_t max_chars) {
  const json::value* value = Find(name);
  if (value == nullptr) {
    Fail(std::string(name), "is required");
    return {};
  }
  std::optional<std::string> text = ReadString(name, *value, max_chars);
  if (text && text->empty()) Fail(std::string(name), "is required");
  return text.value_or(std::string());
}

std::optional<std::string> FieldReader::OptString(std::string_view name, std::size_t max_chars) {
  const json::value* value = Find(name);
  if (value == nullptr) return std::nullopt;
  std::optional<std::string> text = ReadString(name, *value, max_chars);
  if (text && text->empty()) return std::nullopt;
  return text;
}

std::int64_t FieldReader::Int64(std::string_view name) {
  const json::value* value = Find(name);
  if (value == nullptr) {
    Fail(std::string(name), "is required");
    return 0;
  }
  return ReadInt64(name, *value).value_or(0);
}

std::optional<std::int64_t> FieldReader::OptInt64(std::string_view name) {
  const json::value* value = Find(name);
  return value == nullptr ? std::nullopt : ReadInt64(name, *value);
}

std::optional<bool> FieldReader::OptBool(std::string_view name) {
  const json::value* value = Find(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_bool()) {
    Fail(std::string(name), "must be true or false");
    return std::nullopt;
  }
  return value->get_bool();
}

bool FieldReader::Bool(std::string_view name) {
  if (!Has(name)) {
    Fail(std::string(name), "is required");
    return false;
  }
  return OptBool(name).value_or(false);
}

std::optional<std::string> FieldReader::OptDate(std::string_view name) {
  const json::value* value = Find(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string() || !IsDateShape(value->get_string())) {
    Fail(std::string(name), "must be a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  return std::string(value->get_string());
}

std::string FieldReader::Date(std::string_view name) {
  if (!Has(name)) {
    Fail(std::string(name), "is required");
    return {};
  }
  return OptDate(name).value_or(std::string());
}

std::vector<std::string> FieldReader::StringArray(std::string_view name, std::size_t max_chars) {
  std::vector<std::string> result;
  const json::value* value = Find(name);
  if (value == nullptr) return result;
  if (!value->is_array()) {
    Fail(std::string(name), "must be an array of strings");
    return result;
  }
  const json::array& items = value->get_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string element = fmt::format("{}[{}]", name, i);
    if (auto text = ReadString(element, items[i], max_chars)) result.push_back(std::move(*text));
  }
  return result;
}

std::vector<std::int64_t> FieldReader::Int64Array(std::string_view name) {
  std::vector<std::int64_t> result;
  const json::value* value = Find(name);
  if (value == nullptr) return result;
  if (!value->is_array()) {
    Fail(std::string(name), "must be an array of integers");
    return result;
  }
  const json::array& items = value->get_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (auto number = ReadInt64(fmt::format("{}[{}]", name, i), items[i])) {
      result.push_back(*number);
    }
  }
  return result;
}

core::Result<void> FieldReader::Finish() const {
  if (ok()) return {};
  return Invalid();
}

core::Error FieldReader::Invalid() const { return core::Error::Invalid(errors_); }

core::Result<ListParams> ParseListParams(const Request& request) {
  ListParams params;
  std::vector<core::FieldError> errors;
  ReadListParam(request, "page", kMaxPage, params.page, errors);
  ReadListParam(request, "page_size", kMaxPageSize, params.page_size, errors);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return params;
}

json::object ListEnvelope(json::array items, std::int64_t total, std::int64_t page,
                          std::int64_t page_size) {
  json::object envelope(items.storage());  // the items' memory resource: no deep copy
  envelope["items"] = std::move(items);
  envelope["total"] = total;
  envelope["page"] = page;
  envelope["page_size"] = page_size;
  return envelope;
}

}  // namespace lianyin::http
