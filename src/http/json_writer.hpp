#pragma once
// JSON text written straight into a string, for the responses on hot paths (list pages), with
// no document in between: building a Boost.JSON page of ~500 values and serialising it cost
// more than the query behind it (docs/BENCHMARKS.md). The text is what boost::json::serialize
// writes for the same values.
//
//   JsonWriter w;
//   w.BeginObject().Key("id").Int(7).Key("name").String("工会").EndObject();
//   response.body = w.Take();
//
// The caller pairs Begin/End (at most 64 levels deep) and puts a Key before each member; strings
// must be valid UTF-8; keys are names written in our code ("id", "region_name") and are not
// escaped: they must not hold '"', '\\' or control characters.

#include <cstdint>
#include <string>
#include <string_view>

namespace lianyin::http {

class JsonWriter {
 public:
  // `expected_bytes`: room reserved up front (a list page knows roughly how much it writes).
  explicit JsonWriter(std::size_t expected_bytes = 256) { out_.reserve(expected_bytes); }

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);  // see above: not escaped
  JsonWriter& String(std::string_view text);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Already serialised JSON (a value written elsewhere), inserted as one value.
  JsonWriter& Raw(std::string_view json);

  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);
  std::string out_;
  // Per open object / array, innermost at bit 0: whether a value was written in it.
  std::uint64_t has_member_ = 0;
  int depth_ = 0;
  bool after_key_ = false;
};

}  // namespace lianyin::http
