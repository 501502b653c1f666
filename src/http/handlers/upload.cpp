#include "http/handlers/upload.hpp"

#include "tabular/multipart.hpp"
#include "tabular/table_reader.hpp"

namespace lianyin::http::handlers {

core::Result<std::vector<std::vector<std::string>>> ReadUploadedTable(const Request& request) {
  std::string_view bytes = request.body;
  std::string content_type(request.Header("content-type").value_or(""));
  if (content_type.starts_with("multipart/form-data")) {
    auto part = tabular::FindPart(request.body, content_type, "file");
    if (!part) return part.error();
    bytes = part->data;
    content_type = part->content_type;
  }
  auto table = tabular::OpenTable(bytes, content_type);
  if (!table) return table.error();
  std::vector<std::vector<std::string>> rows;
  while (auto row = (*table)->Next()) rows.push_back(std::move(*row));
  if (auto error = (*table)->error()) return *error;
  return rows;
}

}  // namespace lianyin::http::handlers
