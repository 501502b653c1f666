#include "tabular/xlsx_parts.hpp"

#include <fmt/format.h>

#include <map>
#include <utility>

namespace lianyin::tabular {
namespace {

constexpr std::string_view kWorkbook = "xl/workbook.xml";
constexpr std::string_view kWorkbookRels = "xl/_rels/workbook.xml.rels";

class WorkbookHandler : public XmlHandler {
 public:
  void StartElement(std::string_view name, const char** attributes) override {
    if (name != "sheet" || first_sheet_id) return;
    first_sheet_id = Attribute(attributes, "id", /*prefixed=*/true);
    if (!first_sheet_id) error = core::Error::BadRequest("XLSX <sheet> has no relationship id");
  }
  void EndElement(std::string_view) override {}
  void Text(std::string_view) override {}

  std::optional<std::string> first_sheet_id;
};

class RelationshipsHandler : public XmlHandler {
 public:
  void StartElement(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    const auto id = Attribute(attributes, "Id");
    const auto target = Attribute(attributes, "Target");
    const auto type = Attribute(attributes, "Type");
    if (!id || !target) return;
    targets.emplace(std::string(*id), PartName(*target));
    if (type && type->ends_with("/sharedStrings")) shared_strings = PartName(*target);
  }
  void EndElement(std::string_view) override {}
  void Text(std::string_view) override {}

  std::map<std::string, std::string, std::less<>> targets;
  std::string shared_strings;

 private:
  // Targets are relative to xl/ unless absolute within the package.
  static std::string PartName(std::string_view target) {
    if (target.starts_with('/')) return std::string(target.substr(1));
    return fmt::format("xl/{}", target);
  }
};

class SharedStringsHandler : public XmlHandler {
 public:
  void StartElement(std::string_view name, const char**) override {
    if (name == "si") {
      current_.clear();
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "t" && phonetic_depth_ == 0) {
      capturing_ = true;
    }
  }
  void EndElement(std::string_view name) override {
    if (name == "si") {
      strings.push_back(std::move(current_));
      current_.clear();
    } else if (name == "rPh") {
      --phonetic_depth_;
    } else if (name == "t") {
      capturing_ = false;
    }
  }
  void Text(std::string_view text) override {
    if (capturing_) current_.append(text);
  }

  std::vector<std::string> strings;

 private:
  std::string current_;
  int phonetic_depth_ = 0;
  bool capturing_ = false;
};

core::Error MissingPart(std::string_view part) {
  return core::Error::BadRequest(fmt::format("not an XLSX workbook: {} is missing", part));
}

core::Result<void> ParsePart(const ZipArchive& archive, std::string_view part,
                             XmlHandler& handler) {
  const ZipEntry* entry = archive.Find(part);
  if (entry == nullptr) return MissingPart(part);
  return ParseEntry(archive, *entry, handler);
}

}  // namespace

core::Result<void> ParseEntry(const ZipArchive& archive, const ZipEntry& entry,
                              XmlHandler& handler) {
  core::Result<ZipEntryStream> stream = archive.OpenEntry(entry);
  if (!stream) return stream.error();
  XmlParser parser(&handler, entry.name);
  for (;;) {
    core::Result<std::string_view> chunk = stream->Next();
    if (!chunk) return chunk.error();
    if (auto fed = parser.Feed(*chunk, chunk->empty()); !fed) return fed.error();
    if (chunk->empty()) return {};
  }
}

core::Result<WorkbookParts> ReadWorkbookParts(const ZipArchive& archive) {
  WorkbookHandler workbook;
  if (core::Result<void> r = ParsePart(archive, kWorkbook, workbook); !r) return r.error();
  if (!workbook.first_sheet_id) return core::Error::BadRequest("the XLSX workbook has no sheet");
  RelationshipsHandler rels;
  if (core::Result<void> r = ParsePart(archive, kWorkbookRels, rels); !r) return r.error();
  const auto target = rels.targets.find(*workbook.first_sheet_id);
  if (target == rels.targets.end()) {
    return MissingPart(fmt::format("the relationship {}", *workbook.first_sheet_id));
  }
  if (archive.Find(target->second) == nullptr) return MissingPart(target->second);
  WorkbookParts parts{.first_sheet = target->second};
  if (archive.Find(rels.shared_strings) != nullptr) parts.shared_strings = rels.shared_strings;
  return parts;
}

core::Result<std::vector<std::string>> ReadSharedStrings(const ZipArchive& archive,
                                                         std::string_view part) {
  SharedStringsHandler handler;
  if (core::Result<void> r = ParsePart(archive, part, handler); !r) return r.error();
  return std::move(handler.strings);
}

std::optional<std::size_t> ColumnIndex(std::string_view reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (const char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    if (++letters > 3) return std::nullopt;
  }
  if (letters == 0) return std::nullopt;
  return column - 1;
}

}  // namespace lianyin::tabular
