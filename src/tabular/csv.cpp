#include "tabular/csv.hpp"

#include <fmt/format.h>

#include <utility>

#include "tabular/encoding.hpp"

namespace lianyin::tabular {

CsvReader::CsvReader(std::string_view utf8, CsvLimits limits) : text_(utf8), limits_(limits) {}

std::optional<std::vector<std::string>> CsvReader::Next() {
  if (error_ || pos_ >= text_.size()) return std::nullopt;
  if (row_ >= limits_.max_rows) {
    Fail(fmt::format("more than {} rows", limits_.max_rows));
    return std::nullopt;
  }
  ++row_;
  std::vector<std::string> fields;
  bool first_quoted = false;
  for (;;) {
    std::string field;
    const bool quoted = pos_ < text_.size() && text_[pos_] == '"';
    if (!quoted) {
      ReadUnquoted(field);
    } else if (!ReadQuoted(field)) {
      return std::nullopt;
    }
    if (fields.empty()) first_quoted = quoted;
    fields.push_back(std::move(field));
    if (fields.size() > limits_.max_columns) {
      Fail(fmt::format("more than {} fields", limits_.max_columns));
      return std::nullopt;
    }
    if (pos_ >= text_.size()) break;
    const char c = text_[pos_];
    if (c == ',') {
      ++pos_;
      continue;
    }
    if (c == '\r' || c == '\n') {
      ++pos_;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      break;
    }
    Fail("unexpected character after a closing quote");
    return std::nullopt;
  }
  if (fields.size() == 1 && !first_quoted && fields.front().empty()) fields.clear();
  return fields;
}

void CsvReader::ReadUnquoted(std::string& field) {
  std::size_t end = text_.find_first_of(",\r\n", pos_);
  if (end == std::string_view::npos) end = text_.size();
  field.assign(text_.substr(pos_, end - pos_));
  pos_ = end;
}

bool CsvReader::ReadQuoted(std::string& field) {
  ++pos_;  // the opening quote
  for (;;) {
    const std::size_t quote = text_.find('"', pos_);
    if (quote == std::string_view::npos) {
      Fail("quoted field is not closed before the end of the file");
      return false;
    }
    field.append(text_.substr(pos_, quote - pos_));
    pos_ = quote + 1;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      field.push_back('"');
      ++pos_;
      continue;
    }
    return true;
  }
}

void CsvReader::Fail(std::string message) {
  error_ = core::Error::BadRequest(fmt::format("CSV row {}: {}", row_, message));
}

CsvWriter::CsvWriter(std::string* out, CsvWriterOptions options) : out_(out), options_(options) {
  if (options_.bom) out_->append(kUtf8Bom);
}

CsvWriter::CsvWriter(Sink sink, CsvWriterOptions options, std::size_t chunk_bytes)
    : out_(&buffer_), sink_(std::move(sink)), options_(options), chunk_bytes_(chunk_bytes) {
  if (options_.bom) out_->append(kUtf8Bom);
}

void CsvWriter::Row(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out_->push_back(',');
    AppendField(fields[i]);
  }
  out_->append("\r\n");
  if (sink_ && buffer_.size() >= chunk_bytes_) Flush();
}

void CsvWriter::Flush() {
  if (!sink_ || buffer_.empty()) return;
  sink_(buffer_);
  buffer_.clear();
}

void CsvWriter::AppendField(std::string_view field) {
  const bool formula = options_.neutralise_formulas && !field.empty() &&
                       std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
  const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) out_->push_back('"');
  if (formula) out_->push_back('\'');
  if (!quote) {
    out_->append(field);
  } else {
    for (const char c : field) {
      if (c == '"') out_->push_back('"');
      out_->push_back(c);
    }
    out_->push_back('"');
  }
}

}  // namespace lianyin::tabular
