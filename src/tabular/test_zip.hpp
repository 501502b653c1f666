#pragma once
// Builds ZIP files in memory for tests (stored or raw-deflate entries, no ZIP64).

#include <string>
#include <vector>

namespace lianyin::tabular::testing {

struct TestEntry {
  std::string name;
  std::string data;
  bool deflate = true;
};

std::string BuildZip(const std::vector<TestEntry>& entries);

// A minimal XLSX package: workbook, relationships, the given sheet XML and, if not empty, the
// shared strings XML.
std::string BuildXlsx(const std::string& sheet_xml, const std::string& shared_strings_xml = "");

}  // namespace lianyin::tabular::testing
