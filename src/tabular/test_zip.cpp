#include "tabular/test_zip.hpp"

#include <zlib.h>

#include <cstdint>
#include <stdexcept>

namespace lianyin::tabular::testing {
namespace {

void Put16(std::string& out, std::uint32_t value) {
  out.push_back(static_cast<char>(value & 0xFF));
  out.push_back(static_cast<char>((value >> 8) & 0xFF));
}
void Put32(std::string& out, std::uint32_t value) {
  Put16(out, value & 0xFFFF);
  Put16(out, value >> 16);
}

std::string RawDeflate(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// The fields shared by local and central headers, from "version needed" to the extra length.
void PutCommon(std::string& out, const TestEntry& entry, std::uint32_t crc,
               std::size_t compressed) {
  Put16(out, 20);                     // version needed
  Put16(out, 0);                      // flags
  Put16(out, entry.deflate ? 8 : 0);  // method
  Put32(out, 0);                      // time, date
  Put32(out, crc);
  Put32(out, static_cast<std::uint32_t>(compressed));
  Put32(out, static_cast<std::uint32_t>(entry.data.size()));
  Put16(out, static_cast<std::uint32_t>(entry.name.size()));
  Put16(out, 0);  // extra length
}

}  // namespace

std::string BuildZip(const std::vector<TestEntry>& entries) {
  std::string out;
  std::string directory;
  for (const TestEntry& entry : entries) {
    const std::string body = entry.deflate ? RawDeflate(entry.data) : entry.data;
    const auto crc =
        static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(entry.data.data()),
                                         static_cast<uInt>(entry.data.size())));
    const auto offset = static_cast<std::uint32_t>(out.size());
    Put32(out, 0x04034b50);
    PutCommon(out, entry, crc, body.size());
    out += entry.name;
    out += body;
    Put32(directory, 0x02014b50);
    Put16(directory, 20);  // version made by
    PutCommon(directory, entry, crc, body.size());
    Put16(directory, 0);  // comment length
    Put16(directory, 0);  // disk
    Put16(directory, 0);  // internal attributes
    Put32(directory, 0);  // external attributes
    Put32(directory, offset);
    directory += entry.name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  Put32(out, 0x06054b50);
  Put16(out, 0);
  Put16(out, 0);
  Put16(out, static_cast<std::uint32_t>(entries.size()));
  Put16(out, static_cast<std::uint32_t>(entries.size()));
  Put32(out, static_cast<std::uint32_t>(directory.size()));
  Put32(out, directory_offset);
  Put16(out, 0);
  return out;
}

std::string BuildXlsx(const std::string& sheet_xml, const std::string& shared_strings_xml) {
  const std::string workbook =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
      R"(<sheets><sheet name="组织" sheetId="1" r:id="rId7"/></sheets></workbook>)";
  std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/)"
      R"(relationships/worksheet" Target="worksheets/data.xml"/>)";
  if (!shared_strings_xml.empty()) {
    rels += R"(<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/)"
            R"(2006/relationships/sharedStrings" Target="/xl/strings.xml"/>)";
  }
  rels += "</Relationships>";
  std::vector<TestEntry> entries = {
      {"xl/workbook.xml", workbook, true},
      {"xl/_rels/workbook.xml.rels", rels, false},
      {"xl/worksheets/data.xml", sheet_xml, true},
  };
  if (!shared_strings_xml.empty()) entries.push_back({"xl/strings.xml", shared_strings_xml, true});
  return BuildZip(entries);
}

}  // namespace lianyin::tabular::testing
