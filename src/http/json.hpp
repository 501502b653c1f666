#pragma once
// JSON bodies in and out (Boost.JSON): parsing a request body, reading its fields with every
// problem collected at once, list paging parameters and the list envelope (SPEC §3).
//
// A handler:
//   auto body = ParseJsonObject(ctx.request.body);          // 400 on malformed input
//   if (!body) return ErrorResponse(body.error());
//   FieldReader in(*body);
//   std::string name = in.String("name", 100);
//   std::optional<std::int64_t> parent = in.OptInt64("parent_id");
//   if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());  // 422, all fields at once
//   ... call the service ...; return JsonResponse(201, ToJson(created));

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "http/message.hpp"

namespace lianyin::http {

// Maximum nesting of arrays/objects accepted in a body.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses a request body that must be one JSON object. Malformed JSON, invalid UTF-8, another
// top-level type or nesting deeper than kMaxJsonDepth → Error::BadRequest. Never throws.
core::Result<boost::json::object> ParseJsonObject(std::string_view body);

// A response with `status` and the serialised `value` as application/json.
Response JsonResponse(int status, const boost::json::value& value);

// Reads typed fields from a JSON object, recording a core::FieldError for each missing or
// ill-typed one (field name + message like "is required", "must be a string"), so that one 422
// lists every bad field. Getters return a neutral value ("" / 0 / false / empty) after an error.
// Null counts as absent. Not thread-safe; one reader per request.
class FieldReader {
 public:
  // `object` must outlive the reader.
  explicit FieldReader(const boost::json::object& object);

  // True when the field is present and not null (e.g. to tell PATCH fields apart).
  bool Has(std::string_view name) const;

  // Required string, trimmed (ASCII and ideographic spaces), non-empty, at most `max_chars`
  // Unicode characters.
  std::string String(std::string_view name, std::size_t max_chars);
  // Optional string, trimmed; nullopt when absent, null or empty after trimming.
  std::optional<std::string> OptString(std::string_view name, std::size_t max_chars);
  // Required integer in int64 range; floats ("1.5", "1e3"), strings and booleans are rejected.
  std::int64_t Int64(std::string_view name);
  std::optional<std::int64_t> OptInt64(std::string_view name);
  bool Bool(std::string_view name);
  std::optional<bool> OptBool(std::string_view name);
  // A date "YYYY-MM-DD", checked for shape only and returned as a string (the domain checks
  // the calendar).
  std::string Date(std::string_view name);
  std::optional<std::string> OptDate(std::string_view name);
  // Arrays; absent or null gives an empty vector. Each element is checked ("tags[2]").
  std::vector<std::string> StringArray(std::string_view name, std::size_t max_chars);
  std::vector<std::int64_t> Int64Array(std::string_view name);

  // Records a rule failure found by the caller (e.g. "must be after start_date").
  void Fail(std::string field, std::string message);

  bool ok() const { return errors_.empty(); }
  const std::vector<core::FieldError>& errors() const { return errors_; }
  // Success when no field failed, else the kValidationFailed error with every detail.
  core::Result<void> Finish() const;
  // The kValidationFailed error with every detail recorded so far (precondition: !ok()).
  core::Error Invalid() const;

 private:
  const boost::json::value* Find(std::string_view name) const;
  std::optional<std::string> ReadString(std::string_view name, const boost::json::value& value,
                                        std::size_t max_chars);
  std::optional<std::int64_t> ReadInt64(std::string_view name, const boost::json::value& value);

  const boost::json::object& object_;
  std::vector<core::FieldError> errors_;
};

// Paging of every list: page ≥ 1 (default 1), 1 ≤ page_size ≤ 200 (default 20).
struct ListParams {
  std::int64_t page = 1;
  std::int64_t page_size = 20;

  std::int64_t Offset() const { return (page - 1) * page_size; }
};

inline constexpr std::int64_t kMaxPageSize = 200;
inline constexpr std::int64_t kMaxPage = 1'000'000'000;

// Reads `page` and `page_size` from the query (empty = absent); a non-integer or out-of-range
// value → kValidationFailed with details for "page" and/or "page_size".
core::Result<ListParams> ParseListParams(const Request& request);

// {"items":[...],"total":N,"page":P,"page_size":S}, in the items' memory resource (build a page
// in a boost::json::monotonic_resource: one allocation for the whole answer).
boost::json::object ListEnvelope(boost::json::array items, std::int64_t total, std::int64_t page,
                                 std::int64_t page_size);

}  // namespace lianyin::http
