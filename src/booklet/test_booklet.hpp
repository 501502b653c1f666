#pragma once
// Sample booklets for the tests and the benchmark, and reading PDFs back with poppler-utils.

#include <string>
#include <vector>

#include "booklet/booklet.hpp"

namespace lianyin::booklet::testing {

// `projects` projects spread over `categories` categories (labels from a fixed list of eight
// kinds of service, then "服务类别N"), in input order unlike reading order: rank falls as a
// category's projects come. Titles end in "（第N号）" (N the input index) so that no title is
// part of another. Every project whose index is 3 mod 10 has a story of about 1 800 characters
// (more than the rest of its first page holds, less than two pages); the others about 300.
Booklet SampleBooklet(int projects, int categories);

// The story of about `characters` characters made of numbered sentences "……第N句。".
std::string NumberedStory(int characters);

}  // namespace lianyin::booklet::testing
