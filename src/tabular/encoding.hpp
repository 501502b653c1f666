#pragma once
// Character encodings of uploaded CSV files: UTF-8 (with or without BOM) and GB18030, the
// encoding Excel and WPS on Chinese Windows save "CSV" in.

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace lianyin::tabular {

enum class Encoding { kUtf8, kGb18030 };

// A UTF-8 byte order mark → kUtf8; otherwise bytes that are valid UTF-8 (no overlong forms, no
// surrogates) → kUtf8; anything else → kGb18030 (GBK and GB2312 are subsets of it).
Encoding DetectEncoding(std::string_view bytes);

// True when `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// `bytes` as UTF-8 without a leading BOM. kUtf8 input is validated; kGb18030 is converted with
// iconv. Errors: Error::BadRequest naming the byte offset of the first invalid sequence.
core::Result<std::string> ToUtf8(std::string_view bytes, Encoding encoding);

// `utf8` in GB18030, for exports whose caller asks for it (every Unicode character maps).
// Errors: Error::BadRequest naming the byte offset of invalid UTF-8.
core::Result<std::string> FromUtf8ToGb18030(std::string_view utf8);

// The UTF-8 byte order mark, which lets Excel recognise a UTF-8 CSV.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace lianyin::tabular
